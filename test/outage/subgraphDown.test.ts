import { eventually } from '../harness/eventually';
import { startTestFederation, type TestFederation } from '../harness/federation';

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation();
  await federation.running.stopSubgraph('lederne');
});
afterAll(async () => {
  await federation?.stop();
});

describe('one union subgraph stopped', () => {
  it('still returns the other organisations, and null with SUBGRAPH_UNAVAILABLE for its own', async () => {
    const { data, errors } = await federation.query(`{ organisations(country: NO) { id name } }`);
    expect(data.organisations).toEqual([
      null,
      { id: 'utdanningsforbundet', name: 'Utdanningsforbundet' },
      { id: 'fagforbundet', name: 'Fagforbundet' },
      { id: 'lo-norway', name: 'LO' },
    ]);
    expect(errors).toEqual([
      {
        message: 'Subgraph "lederne" is unavailable',
        path: ['organisations', 0],
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'lederne', serviceName: 'lederne' },
      },
    ]);
  });

  it('never tells the client where the subgraph lives', async () => {
    const response = await federation.query(`{ organisation(id: "lederne") { id name } }`);
    expect(response.data).toEqual({ organisation: null });
    const lederne = federation.running.subgraphs.lederne!;
    expect(JSON.stringify(response)).not.toContain(String(lederne.port));
    expect(JSON.stringify(response)).not.toContain('127.0.0.1');
  });

  it('lists the union as unavailable in the comparison, not as 0', async () => {
    const { data } = await federation.query(`{ comparison(country: NO) { memberCount { low high reporting missing unavailable } } }`);
    expect(data.comparison.memberCount).toEqual({ low: 345000, high: 345000, reporting: 1, missing: ['utdanningsforbundet'], unavailable: ['lederne'] });
  });

  it('says 503 on /ready naming the subgraph, and stays live on /health', async () => {
    // /ready answers from a probe at most a few seconds old.
    const ready = await eventually(() => federation.get('/ready'), (answer) => answer.status === 503);
    expect(ready.status).toBe(503);
    expect(ready.body.down).toEqual(['lederne']);
    const health = await federation.get('/health');
    expect(health.status).toBe(200);
    expect(health.body.subgraphs).toMatchObject({ lederne: 'down', lo: 'up' });
  });

  it('recovers without a gateway restart when the subgraph is back', async () => {
    await federation.running.startSubgraph('lederne');
    expect((await eventually(() => federation.get('/ready'), (answer) => answer.status === 200)).status).toBe(200);
    const { data, errors } = await federation.query(`{ organisation(id: "lederne") { name } }`);
    expect(errors).toBeUndefined();
    expect(data.organisation).toEqual({ name: 'Lederne' });
  });
});

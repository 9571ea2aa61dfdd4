import { useTestFederation } from '../harness/federation';

interface LogLine {
  service: string;
  level: string;
  msg: string;
  requestId?: string;
  path?: string;
}

const lines: string[] = [];
const federation = useTestFederation({ log: (line) => lines.push(line) });

const parsed = (): LogLine[] => lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as LogLine);
const completed = (requestId: string) =>
  parsed().filter((line) => line.requestId === requestId && line.msg === 'request completed').map((line) => line.service).sort();

async function post(query: string, headers: Record<string, string> = {}) {
  const response = await fetch(federation.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { requestId: response.headers.get('x-request-id'), body: (await response.json()) as any };
}

describe('structured logs with a request id', () => {
  it("takes the caller's x-request-id and logs it in the gateway and every subgraph the request reached", async () => {
    const { requestId, body } = await post(`{ organisations(country: NO) { id name } }`, { 'x-request-id': 'dashboard-7f3a' });
    expect(body.data.organisations).toHaveLength(4);
    expect(requestId).toBe('dashboard-7f3a');
    await waitFor(() => completed('dashboard-7f3a').length === 4);
    expect(completed('dashboard-7f3a')).toEqual(['fagforbundet', 'gateway', 'lederne', 'utdanningsforbundet']);
  });

  it('makes up an id when the caller sends none (or one that is not a plain token) and passes it on', async () => {
    const { requestId } = await post(`{ organisation(id: "ledarna") { name } }`, { 'x-request-id': 'bad id\twith spaces' });
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(() => completed(requestId!).length === 2);
    expect(completed(requestId!)).toEqual(['gateway', 'ledarna']);
  });

  it('never writes a token, a query or personal data from the register to the log', async () => {
    const token = await federation.token({ role: 'union-staff', org: 'lederne' });
    const { body } = await post(`{ organisation(id: "lederne") { leaderMembers(first: 5) { edges { node { givenName familyName } } } } }`, {
      authorization: `Bearer ${token}`,
      cookie: 'session=secret-cookie-4711',
      'x-request-id': 'privacy-check',
    });
    const names = body.data.organisation.leaderMembers.edges.map((edge: any) => edge.node.familyName as string);
    expect(names).toHaveLength(5);
    await waitFor(() => completed('privacy-check').length === 2);
    const log = lines.join('\n');
    expect(log).not.toContain(token);
    expect(log).not.toContain(token.split('.')[2]!);
    expect(log).not.toContain('secret-cookie-4711');
    expect(log).not.toContain('leaderMembers');
    for (const name of names) expect(log).not.toContain(name);
  });
});

/** Log lines arrive through the child processes' pipes, after the response. */
async function waitFor(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 100 && !condition(); attempt += 1) await new Promise((resolve) => setTimeout(resolve, 50));
}

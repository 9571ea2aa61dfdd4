import { useTestFederation } from '../harness/federation';

const federation = useTestFederation({ env: {
    NODE_ENV: 'production',
    NLF_MAX_DEPTH: '4',
    NLF_MAX_ALIASES: '3',
    NLF_MAX_COST: '500',
    NLF_MAX_BODY_BYTES: '4000',
    NLF_MAX_BATCH: '2',
    NLF_RATE_LIMIT_PER_MINUTE: '600',
    NLF_RATE_LIMIT_BURST: '20',
  } });

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(federation.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

describe('limits', () => {
  it('refuses an operation nested deeper than the limit with DEPTH_LIMIT_EXCEEDED', async () => {
    const response = await federation.query('{ organisation(id: "lederne") { councils { members { source { quote } } } } }');
    expect(response.status).toBe(400);
    expect(response.errors?.[0]).toMatchObject({
      message: 'The operation nests 5 levels deep; the limit is 4',
      extensions: { code: 'DEPTH_LIMIT_EXCEEDED', limit: 4, actual: 5 },
    });
  });

  it('refuses more aliases than the limit with ALIAS_LIMIT_EXCEEDED', async () => {
    const response = await federation.query('{ a: organisation(id: "foa") { name } b: organisation(id: "sl") { name } c: organisation(id: "3f") { name } d: organisation(id: "oao") { name } }');
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'ALIAS_LIMIT_EXCEEDED', limit: 3, actual: 4 });
  });

  it('refuses an operation whose estimated cost is above the limit with COST_LIMIT_EXCEEDED', async () => {
    const response = await federation.query('{ organisations { councils { name kind } forums { name } } }');
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', limit: 500 });
    expect(response.errors?.[0]?.message).toMatch(/^The operation's estimated cost is \d+; the limit is 500$/);
  });

  it('refuses a page larger than 100 members with PAGE_SIZE_EXCEEDED', async () => {
    const response = await federation.query('{ organisation(id: "lederne") { leaderMembers(first: 1000) { totalCount } } }', {}, { as: { role: 'union-staff', org: 'lederne' } });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'PAGE_SIZE_EXCEEDED', maximum: 100 });
  });

  it('refuses a body larger than the limit with REQUEST_TOO_LARGE', async () => {
    const response = await post({ query: `{ organisations { name } }${' '.repeat(5000)}` });
    expect(response.status).toBe(413);
    expect(response.body.errors[0]).toMatchObject({ extensions: { code: 'REQUEST_TOO_LARGE', limit: 4000 } });
  });

  it('answers a small batch, and refuses a larger one with BATCH_LIMIT_EXCEEDED', async () => {
    const one = { query: '{ organisation(id: "sl") { name } }' };
    const ok = await post([one, one]);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual([{ data: { organisation: { name: 'SL' } } }, { data: { organisation: { name: 'SL' } } }]);
    const refused = await post([one, one, one]);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].extensions).toEqual({ code: 'BATCH_LIMIT_EXCEEDED', limit: 2, actual: 3 });
  });

  it('limits the rate per identity with RATE_LIMITED and says when to retry', async () => {
    const token = await federation.token({ role: 'secretariat' });
    const statuses: number[] = [];
    let refusal: Awaited<ReturnType<typeof post>> | undefined;
    for (let i = 0; i < 30; i += 1) {
      const response = await post({ query: '{ organisation(id: "sl") { name } }' }, { authorization: `Bearer ${token}` });
      statuses.push(response.status);
      if (response.status === 429) refusal ??= response;
    }
    expect(statuses.slice(0, 20).every((status) => status === 200)).toBe(true);
    expect(statuses).toContain(429);
    expect(refusal!.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limitPerMinute: 600 });
    expect(Number(refusal!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Another identity is not held back by it.
    const other = await federation.query('{ organisation(id: "sl") { name } }', {}, { as: { role: 'union-staff', org: 'sl' } });
    expect(other.status).toBe(200);
  });

  it('serves no introspection in production', async () => {
    const response = await federation.query('{ __schema { queryType { name } } }');
    expect(response.errors?.[0]?.message).toMatch(/introspection/i);
    expect(response.data).toBeUndefined();
  });
});

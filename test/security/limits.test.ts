import { useTestFederation } from '../harness/federation';

/** Every variable that sets a limit of the gateway (README, settings). */
const LIMIT_VARIABLES = [
  'NLF_MAX_DEPTH', 'NLF_MAX_ALIASES', 'NLF_MAX_COST', 'NLF_MAX_FAN_OUT', 'NLF_PLANNER_PATHS_LIMIT', 'NLF_MEASURE_CACHE_ENTRIES',
  'NLF_MAX_BODY_BYTES', 'NLF_MAX_BATCH', 'NLF_RATE_LIMIT_PER_MINUTE', 'NLF_RATE_LIMIT_BURST', 'NLF_RATE_LIMIT_IDENTITIES', 'NLF_SUBGRAPH_TIMEOUT_MS',
  'NLF_RESPONSE_CACHE_ENTRIES', 'NLF_MAX_TOKENS', 'NLF_REFUSAL_MEMO_ENTRIES', 'NLF_REMEMBERED_TOKENS',
];

// Every limit as `npm start` ships it: no limit variable set, NODE_ENV development (introspection on).
const federation = useTestFederation();

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(federation.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

describe('limits', () => {
  it('runs with no limit variable set', () => {
    expect(LIMIT_VARIABLES.filter((name) => process.env[name] !== undefined)).toEqual([]);
  });

  it('refuses an operation nested deeper than 12 levels with DEPTH_LIMIT_EXCEEDED', async () => {
    const response = await federation.query(`{ organisation(id: "lederne") { workGroups { ${'meetings { workGroup { '.repeat(5)}name${' } }'.repeat(5)} } } }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]).toMatchObject({
      message: 'The operation nests 13 levels deep; the limit is 12',
      extensions: { code: 'DEPTH_LIMIT_EXCEEDED', limit: 12, actual: 13 },
    });
  });

  it('refuses more than 30 aliases with ALIAS_LIMIT_EXCEEDED', async () => {
    const aliased = Array.from({ length: 31 }, (_, i) => `o${i}: organisation(id: "sl") { name }`).join(' ');
    const response = await federation.query(`{ ${aliased} }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'ALIAS_LIMIT_EXCEEDED', limit: 30, actual: 31 });
  });

  it('answers 30 aliased lookups, each by its own union', async () => {
    const ids = ['lederne', 'ledarna', 'sl', 'foa', 'fagforbundet', 'utdanningsforbundet'];
    const aliased = Array.from({ length: 30 }, (_, i) => `o${i}: organisation(id: "${ids[i % ids.length]}") { id }`).join(' ');
    const response = await federation.query(`{ ${aliased} }`);
    expect(response.errors).toBeUndefined();
    expect(response.data!.o29).toEqual({ id: ids[29 % ids.length] });
  });

  it('refuses an estimated cost above 50 000 with COST_LIMIT_EXCEEDED', async () => {
    // 4 × 20 organisations × (1 + leaderMembers 1 + 100 edges × (edge 1 + node 1 + 5 fields))
    const page = 'leaderMembers(first: 100) { edges { node { id givenName familyName title region } } }';
    const response = await federation.query(`{ ${['a', 'b', 'c', 'd'].map((alias) => `${alias}: organisations { ${page} }`).join(' ')} }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]).toMatchObject({
      message: "The operation's estimated cost is 56160; the limit is 50000",
      extensions: { code: 'COST_LIMIT_EXCEEDED', limit: 50_000, actual: 56_160 },
    });
  });

  it('refuses a page larger than 100 members with PAGE_SIZE_EXCEEDED', async () => {
    const response = await federation.query('{ organisation(id: "lederne") { leaderMembers(first: 1000) { totalCount } } }', {}, { as: { role: 'union-staff', org: 'lederne' } });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'PAGE_SIZE_EXCEEDED', maximum: 100 });
  });

  it('refuses a body larger than 100 000 bytes with REQUEST_TOO_LARGE', async () => {
    const response = await post({ query: `{ organisations { name } }${' '.repeat(100_000)}` });
    expect(response.status).toBe(413);
    expect(response.body.errors[0]).toMatchObject({ extensions: { code: 'REQUEST_TOO_LARGE', limit: 100_000 } });
  });

  it('answers a batch of 5, and refuses 6 with BATCH_LIMIT_EXCEEDED', async () => {
    const one = { query: '{ organisation(id: "sl") { name } }' };
    const ok = await post(Array(5).fill(one));
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual(Array(5).fill({ data: { organisation: { name: 'SL' } } }));
    const refused = await post(Array(6).fill(one));
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].extensions).toEqual({ code: 'BATCH_LIMIT_EXCEEDED', limit: 5, actual: 6 });
  });

  it('limits the rate per identity with RATE_LIMITED (bursts of 100) and says when to retry', async () => {
    // An identity of its own (subject secretariat@oao): the bucket it empties holds back no other test.
    const token = await federation.token({ role: 'secretariat', org: 'oao' });
    const statuses: number[] = [];
    let refusal: Awaited<ReturnType<typeof post>> | undefined;
    for (let i = 0; i < 130 && !refusal; i += 1) {
      const response = await post({ query: '{ organisation(id: "sl") { name } }' }, { authorization: `Bearer ${token}` });
      statuses.push(response.status);
      if (response.status === 429) refusal = response;
    }
    expect(statuses.slice(0, 100).every((status) => status === 200)).toBe(true);
    expect(refusal!.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limitPerMinute: 600 });
    expect(Number(refusal!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Another identity is not held back by it.
    const other = await federation.query('{ organisation(id: "sl") { name } }', {}, { as: { role: 'union-staff', org: 'sl' } });
    expect(other.status).toBe(200);
  });
});

describe('planning fan-out, before the query planner runs', () => {
  it("refuses the issue's 113-byte killer with OPERATION_TOO_COMPLEX: three hops through Organisation", async () => {
    const response = await federation.query('{ workGroup(id: "x") { secretariat { workGroups { secretariat { workGroups { secretariat { workGroups { name } } } } } } } }');
    expect(response.status).toBe(400);
    expect(response.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^The operation's estimated planning fan-out is 155; the limit is 150\./),
      extensions: { code: 'OPERATION_TOO_COMPLEX', limit: 150, actual: 5 + 25 + 125 },
    });
  });

  it('refuses four rounds of organisations → work groups → participants before planning', async () => {
    const response = await federation.query(`{ organisations ${'{ workGroups { participants '.repeat(4)}{ name }${' } }'.repeat(4)} }`);
    expect(response.status).toBe(400);
    // Its lists already make it too costly; its fan-out (5 + 25 + 125 + 625 + 3125) would refuse it too.
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', limit: 50_000 });
  });

  it("stops two hops inside the cooperation subgraph with the planner's own limit, as OPERATION_TOO_COMPLEX", async () => {
    // Fan-out 30, within the budget, but the planner holds about 64 alternatives for it.
    const query = '{ workGroup(id: "x") { secretariat { workGroups { secretariat { workGroups { name } } } } } }';
    const response = await federation.query(query);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions).toEqual({ code: 'OPERATION_TOO_COMPLEX', limit: 32, measure: 'plannerPaths' });
    // A repeat is refused the same way (the gateway remembers the refusal rather than planning again).
    const again = await federation.query(query);
    expect(again.status).toBe(400);
    expect(again.errors?.[0]?.extensions).toEqual({ code: 'OPERATION_TOO_COMPLEX', limit: 32, measure: 'plannerPaths' });
    // The gateway keeps answering.
    expect((await federation.query('{ organisation(id: "sl") { name } }')).data).toEqual({ organisation: { name: 'SL' } });
  });

  it('answers organisations with their work groups and those groups\' participants (fan-out 30)', async () => {
    const response = await federation.query('{ organisation(id: "foa") { workGroups { name participants { id } } } }', {}, { as: { role: 'secretariat' } });
    expect(response.errors).toBeUndefined();
    expect(response.data!.organisation.workGroups.length).toBeGreaterThan(0);
    expect(response.data!.organisation.workGroups[0].participants).toContainEqual({ id: 'foa' });
  });

  it('refuses the doubling-fragments attack by its cost, measured once per fragment', async () => {
    const fragments = Array.from({ length: 18 }, (_, i) => `fragment F${i + 1} on Organisation { ...F${i} ...F${i} }`).join(' ');
    const response = await federation.query(`{ organisations { ...F18 } } fragment F0 on Organisation { name } ${fragments}`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', actual: 20 * (1 + 2 ** 18) });
  });
});

describe('introspection counts like any field (development serves it)', () => {
  it('answers a plain introspection query', async () => {
    const response = await federation.query('{ __schema { queryType { name } } }');
    expect(response.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('refuses 31 aliased __schema with ALIAS_LIMIT_EXCEEDED', async () => {
    const aliased = Array.from({ length: 31 }, (_, i) => `s${i}: __schema { types { fields { name } } }`).join(' ');
    const response = await federation.query(`{ ${aliased} }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'ALIAS_LIMIT_EXCEEDED', limit: 30, actual: 31 });
  });

  it('refuses 300 aliased __schema (3 302 tokens) while parsing them, with TOKEN_LIMIT_EXCEEDED', async () => {
    const aliased = Array.from({ length: 300 }, (_, i) => `s${i}: __schema { types { fields { name } } }`).join(' ');
    const response = await federation.query(`{ ${aliased} }`);
    expect(response.status).toBe(400);
    expect(response.errors).toEqual([
      expect.objectContaining({ message: 'The document has more than 2000 tokens, the limit', extensions: { code: 'TOKEN_LIMIT_EXCEEDED', limit: 2000 } }),
    ]);
  });

  it('parses a document of 2 000 tokens and refuses one of 2 001 while parsing it', async () => {
    const document = (names: number) => `{ organisation(id: "sl") { ${'name '.repeat(names)}} }`;
    // 2 000 tokens are parsed: what refuses this one is graphql-js's own budget for comparing
    // 1 990 same-named fields, in validation.
    const parsed = await federation.query(document(1990));
    expect(parsed.status).toBe(400);
    expect(parsed.errors).toEqual([expect.objectContaining({ message: 'Validation aborted.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })]);
    const refused = await federation.query(document(1991));
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0]?.extensions).toEqual({ code: 'TOKEN_LIMIT_EXCEEDED', limit: 2000 });
  });

  it('answers a 300-token query, three times the largest registered operation (103 tokens)', async () => {
    const fields = 'name country kind ';
    const response = await federation.query(`{ ${Array.from({ length: 25 }, (_, i) => `o${i}: organisation(id: "sl") { ${fields}}`).join(' ')} }`);
    expect(response.errors).toBeUndefined();
    expect(response.data?.o24).toEqual({ name: 'SL', country: 'DK', kind: expect.any(String) });
  });

  it('refuses a nested introspection query by its cost', async () => {
    const response = await federation.query('{ __schema { types { fields { args { type { fields { args { name } } } } } } } }');
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', actual: 6_576_421 });
  });
});

describe('a refusal asked again', () => {
  it('is answered the same, byte for byte, however often it comes', async () => {
    const killer = { query: '{ workGroup(id: "x") { secretariat { workGroups { secretariat { workGroups { secretariat { workGroups { name } } } } } } } }' };
    const answers = [];
    for (let i = 0; i < 3; i += 1) {
      const response = await fetch(federation.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(killer) });
      answers.push({ status: response.status, type: response.headers.get('content-type'), body: await response.text() });
    }
    expect(answers[0]!.status).toBe(400);
    expect(JSON.parse(answers[0]!.body).errors[0].extensions).toMatchObject({ code: 'OPERATION_TOO_COMPLEX', limit: 150, actual: 155 });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it('does not outlive what decided it: the same query with a different caller is judged for that caller', async () => {
    const query = '{ workGroups { id } }';
    // The dashboard role may run registered operations only; the secretariat may ask anything.
    const dashboard = await post({ query }, { authorization: `Bearer ${await federation.token({ role: 'dashboard' })}` });
    const secretariat = await post({ query }, { authorization: `Bearer ${await federation.token({ role: 'secretariat' })}` });
    expect(dashboard.status).toBe(403);
    expect(dashboard.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_REQUIRED');
    expect(secretariat.status).toBe(200);
    expect(secretariat.body.data.workGroups.length).toBeGreaterThan(0);
  });
});

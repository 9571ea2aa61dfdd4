import { ErrorCode } from '@nlf/contract';
import Fastify from 'fastify';
import { installPipeline } from '../../pipeline/gatewayPlugin';
import { client } from '../../pipeline/__tests__/client';
import { MAX_VARIABLES_DEPTH, nestingDepth, useRequestChecks } from '../requestChecks';

describe('nestingDepth', () => {
  it('counts objects and lists, and stops counting past the limit without recursion', () => {
    expect(nestingDepth(undefined, 32)).toBe(0);
    expect(nestingDepth({ id: 'x' }, 32)).toBe(1);
    expect(nestingDepth({ input: { participantIds: ['foa'] } }, 32)).toBe(3);
    let deep: unknown = 1;
    for (let i = 0; i < 40_000; i += 1) deep = [deep];
    expect(nestingDepth({ v: deep }, MAX_VARIABLES_DEPTH)).toBe(MAX_VARIABLES_DEPTH + 1);
  });
});

describe('useRequestChecks', () => {
  const apps: import('fastify').FastifyInstance[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });

  async function setUp() {
    const app = Fastify();
    apps.push(app);
    installPipeline(app, [useRequestChecks()]);
    app.post('/graphql', async () => ({ data: {} }));
    return client(app);
  }
  const nested = (depth: number) => {
    let value: unknown = 1;
    for (let i = 0; i < depth; i += 1) value = { v: value };
    return value;
  };

  it(`refuses variables nested deeper than ${MAX_VARIABLES_DEPTH} levels, alone or in a batch`, async () => {
    const http = await setUp();
    const operation = (depth: number) => ({ query: 'query($v: JSON) { __typename }', variables: { v: nested(depth) } });
    expect((await http.post('/graphql', JSON.stringify(operation(MAX_VARIABLES_DEPTH - 1)))).statusCode).toBe(200);
    for (const body of [operation(MAX_VARIABLES_DEPTH), [operation(1), operation(MAX_VARIABLES_DEPTH)]]) {
      const refused = await http.post('/graphql', JSON.stringify(body));
      expect(refused.statusCode).toBe(400);
      expect(refused.json.errors[0].extensions).toEqual({ code: ErrorCode.VARIABLES_TOO_DEEP, limit: MAX_VARIABLES_DEPTH });
    }
  });
});

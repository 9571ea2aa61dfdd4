import { ErrorCode } from '@nlf/contract';
import { localGatewayPerTest } from '../../pipeline/__tests__/localGateway';
import { DEFAULT_OPERATION_LIMITS, useOperationLimits } from '../operationLimits';

const startLocalGateway = localGatewayPerTest();

/** `{ thing { child { … { id } } } }`, `depth` levels of fields deep. */
const nested = (depth: number) => `{ thing { ${'child { '.repeat(depth - 2)}id${' }'.repeat(depth - 2)} } }`;

describe('useOperationLimits', () => {
  it('with the shipped defaults, refuses an operation one level deeper than the limit and runs one at it', async () => {
    const gateway = await startLocalGateway({ plugins: [useOperationLimits()] });
    const refused = await gateway.post({ query: nested(DEFAULT_OPERATION_LIMITS.maxDepth + 1) });
    expect(refused.json.errors[0].extensions).toMatchObject({ code: ErrorCode.DEPTH_LIMIT_EXCEEDED, limit: DEFAULT_OPERATION_LIMITS.maxDepth });
    expect(refused.json.data).toBeUndefined();
    const accepted = await gateway.post({ query: nested(DEFAULT_OPERATION_LIMITS.maxDepth) });
    expect(accepted.json.errors).toBeUndefined();
    expect(accepted.json.data.thing.child).toEqual(expect.objectContaining({ child: expect.any(Object) }));
  });

  it('refuses by the depth given, before the subgraph runs', async () => {
    const gateway = await startLocalGateway({ plugins: [useOperationLimits({ maxDepth: 2 })] });
    const refused = await gateway.post({ query: '{ count thing { child { id } } }' });
    expect(refused.json.errors[0].extensions.code).toBe(ErrorCode.DEPTH_LIMIT_EXCEEDED);
    expect(gateway.executions()).toBe(0);
    expect((await gateway.post({ query: '{ count thing { id } }' })).json.data.count).toBe(1);
  });

  it('stops parsing at the token limit with its own code', async () => {
    const gateway = await startLocalGateway({ plugins: [useOperationLimits({ maxTokens: 10 })] });
    const refused = await gateway.post({ query: '{ a: count b: count c: count d: count e: count }' });
    expect(refused.json.errors[0].extensions).toMatchObject({ code: ErrorCode.TOKEN_LIMIT_EXCEEDED, limit: 10 });
  });
});

import { EXCHANGE_HEADERS } from '../../../cache/sentReply';
import { viewerSlot } from '../../../cache/viewerSlot';
import { localGatewayPerTest, type LocalGateway } from '../../../pipeline/__tests__/localGateway';
import { createSharedOperations, SHARED_HEADER, type SharedOperations } from '../../../sharing/sharedOperations';
import { useReplyKey } from '../../responseCache/useResponseCache';
import { useInFlightSharing } from '../useInFlightSharing';

const startLocalGateway = localGatewayPerTest();

/** The gateway's pair as server.ts lists it: the reply key, then in-flight sharing. */
async function sharingGateway(): Promise<{ gateway: LocalGateway; operations: SharedOperations }> {
  const operations = createSharedOperations(EXCHANGE_HEADERS, { personalFields: () => new Set(['secret']) });
  const gateway = await startLocalGateway({
    plugins: [useReplyKey({ slotOf: (request) => viewerSlot(request.viewer) }), useInFlightSharing({ operations })],
  });
  return { gateway, operations };
}

/** Lets the event loop run, so that a request sent reaches its hooks. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('useInFlightSharing', () => {
  it('answers two concurrent identical requests with one execution', async () => {
    const { gateway, operations } = await sharingGateway();
    const first = gateway.post({ query: '{ slow }' });
    await gateway.slowStarted(1);
    const second = gateway.post({ query: '{ slow }' });
    await settle();
    gateway.openGate();
    const [a, b] = await Promise.all([first, second]);
    expect(gateway.executions()).toBe(1);
    expect(a.json).toEqual({ data: { slow: 1 } });
    expect(b.json).toEqual({ data: { slow: 1 } });
    expect(b.headers[SHARED_HEADER]).toBe('joined');
    expect(a.headers[SHARED_HEADER]).toBeUndefined();
    expect(operations.stats()).toEqual({ led: 1, joined: 1 });
  });

  it('runs identical requests of different roles each on its own', async () => {
    const { gateway } = await sharingGateway();
    const first = gateway.post({ query: '{ slow }' });
    await gateway.slowStarted(1);
    const second = gateway.post({ query: '{ slow }' }, { 'x-test-role': 'union-staff' });
    await gateway.slowStarted(2);
    gateway.openGate();
    const [, b] = await Promise.all([first, second]);
    expect(gateway.executions()).toBe(2);
    expect(b.headers[SHARED_HEADER]).toBeUndefined();
  });

  it('never shares a request with a personal field', async () => {
    const { gateway } = await sharingGateway();
    const first = gateway.post({ query: '{ slow secret }' });
    await gateway.slowStarted(1);
    const second = gateway.post({ query: '{ slow secret }' });
    await gateway.slowStarted(2);
    gateway.openGate();
    const [a, b] = await Promise.all([first, second]);
    expect([a.json.data.secret, b.json.data.secret].sort()).toEqual(['secret 2', 'secret 4']);
    expect(b.headers[SHARED_HEADER]).toBeUndefined();
  });
});

import { REQUEST_ID_HEADER } from '@nlf/kit';
import { afterResponse } from '../../../pipeline/__tests__/client';
import { localGatewayPerTest } from '../../../pipeline/__tests__/localGateway';
import { useObservability } from '../useObservability';

const startLocalGateway = localGatewayPerTest();

describe('useObservability', () => {
  it('echoes the request id and logs one access line carrying it', async () => {
    const gateway = await startLocalGateway({ plugins: (logger) => [useObservability({ logger })] });
    const response = await gateway.post({ query: '{ count }' }, { [REQUEST_ID_HEADER]: 'req-observed-1' });
    expect(response.headers[REQUEST_ID_HEADER]).toBe('req-observed-1');
    await afterResponse();
    const access = gateway.logLines().filter((line) => line.msg === 'request completed');
    expect(access).toEqual([
      expect.objectContaining({ requestId: 'req-observed-1', method: 'POST', path: '/graphql', statusCode: 200, service: 'gateway' }),
    ]);
  });

  it('gives a request without an id one of its own', async () => {
    const gateway = await startLocalGateway({ plugins: (logger) => [useObservability({ logger })] });
    const response = await gateway.post({ query: '{ count }' });
    expect(response.headers[REQUEST_ID_HEADER]).toMatch(/^[0-9a-f-]{36}$/);
    await afterResponse();
    expect(gateway.logLines().find((line) => line.msg === 'request completed')?.requestId).toBe(response.headers[REQUEST_ID_HEADER]);
  });

  it('logs an internal error with the request it came from', async () => {
    const gateway = await startLocalGateway({ plugins: (logger) => [useObservability({ logger })] });
    const response = await gateway.post({ query: '{ broken }' }, { [REQUEST_ID_HEADER]: 'req-broken-1' });
    expect(response.json.data).toEqual({ broken: null });
    const logged = gateway.logLines().filter((line) => line.msg === 'internal error');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 'error', requestId: 'req-broken-1', path: ['broken'] });
  });
});

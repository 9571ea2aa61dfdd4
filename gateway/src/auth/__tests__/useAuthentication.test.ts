import { AuthenticationError, ErrorCode, type Viewer } from '@nlf/contract';
import Fastify, { type FastifyInstance } from 'fastify';
import { installPipeline } from '../../pipeline/gatewayPlugin';
import { client } from '../../pipeline/__tests__/client';
import type { Authenticator } from '@nlf/contract';
import { useAuthentication } from '../useAuthentication';

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

const LEADER: Viewer = { subject: 'staff-1', role: 'union-staff', organisationId: 'lederne' };

/** An authenticator that accepts "Bearer good" only, counting what reached the route. */
async function setUp() {
  const forget = jest.fn();
  const authenticate = Object.assign(
    async (authorization: string | undefined) => {
      if (authorization !== 'Bearer good') throw new AuthenticationError('the token does not verify');
      return LEADER;
    },
    { forget },
  ) as Authenticator;
  const plugin = useAuthentication({ authenticate });
  const app = Fastify();
  apps.push(app);
  const reached: (Viewer | undefined)[] = [];
  installPipeline(app, [plugin]);
  app.post('/graphql', async (request) => {
    reached.push(request.viewer);
    return { data: {} };
  });
  return { http: await client(app), reached, forget, plugin };
}

describe('useAuthentication', () => {
  it('puts the verified caller in the request', async () => {
    const { http, reached } = await setUp();
    expect((await http.post('/graphql', '{}', { authorization: 'Bearer good' })).statusCode).toBe(200);
    expect(reached).toEqual([LEADER]);
  });

  it('answers a token that does not verify 401 with a Bearer challenge, before the route', async () => {
    const { http, reached } = await setUp();
    const response = await http.post('/graphql', '{}', { authorization: 'Bearer forged' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(response.json).toEqual({ errors: [{ message: 'Not authenticated: the token does not verify', extensions: { code: ErrorCode.UNAUTHENTICATED } }] });
    expect(reached).toEqual([]);
  });

  it('forgets remembered tokens when the supergraph changes', async () => {
    const { plugin, forget } = await setUp();
    plugin.onSupergraphChange?.();
    expect(forget).toHaveBeenCalledTimes(1);
  });
});

import Fastify, { type FastifyInstance } from 'fastify';
import { installPipeline, type GatewayPlugin } from '../gatewayPlugin';
import { afterResponse, client } from './client';

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

/** A plugin that notes each of its hooks as the request meets it. */
function noting(name: string, met: string[], extra: Partial<GatewayPlugin> = {}): GatewayPlugin {
  return {
    name,
    hooks: [{
      onRequest: async () => void met.push(`${name}:onRequest`),
      preHandler: async () => void met.push(`${name}:preHandler`),
      onSend: async () => void met.push(`${name}:onSend`),
      onResponse: async () => void met.push(`${name}:onResponse`),
    }],
    ...extra,
  };
}

async function serve(plugins: GatewayPlugin[]) {
  const app = Fastify();
  apps.push(app);
  installPipeline(app, plugins, '/graphql');
  app.post('/graphql', async () => ({ data: {} }));
  app.post('/other', async () => ({ other: true }));
  return client(app);
}

describe('installPipeline', () => {
  it('registers every hook of the GraphQL route in list order, each kind in that order', async () => {
    const met: string[] = [];
    const app = await serve([noting('first', met), noting('second', met)]);
    const response = await app.post('/graphql', '{}');
    expect(response.statusCode).toBe(200);
    await afterResponse();
    expect(met).toEqual([
      'first:onRequest', 'second:onRequest', 'first:preHandler', 'second:preHandler',
      'first:onSend', 'second:onSend', 'first:onResponse', 'second:onResponse',
    ]);
  });

  it('runs no hook for another route', async () => {
    const met: string[] = [];
    const app = await serve([noting('only', met)]);
    expect((await app.post('/other', '{}')).json).toEqual({ other: true });
    await afterResponse();
    expect(met).toEqual([]);
  });

  it('stops at the first plugin that answers, later ones never meeting the request', async () => {
    const met: string[] = [];
    const refusing: GatewayPlugin = {
      name: 'refusing',
      hooks: [{ preHandler: async (_request, reply) => reply.code(429).send({ refused: true }) }],
    };
    const app = await serve([refusing, noting('later', met)]);
    const response = await app.post('/graphql', '{}');
    expect(response.statusCode).toBe(429);
    expect(response.json).toEqual({ refused: true });
    await afterResponse();
    expect(met).toEqual(['later:onRequest', 'later:onSend', 'later:onResponse']);
  });

  it('installs one error handler: a plugin answers its own errors, the catalogue answers the rest', async () => {
    const answering: GatewayPlugin = {
      name: 'answering',
      answerError: (error, _request, reply) => {
        if (error.code !== 'FST_ERR_CTP_BODY_TOO_LARGE') return false;
        reply.code(413).send({ answeredBy: 'plugin' });
        return true;
      },
    };
    const app = Fastify({ bodyLimit: 10 });
    apps.push(app);
    installPipeline(app, [answering], '/graphql');
    app.post('/graphql', async () => ({ data: {} }));
    const http = await client(app);
    const tooLarge = await http.post('/graphql', JSON.stringify({ query: 'x'.repeat(100) }));
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json).toEqual({ answeredBy: 'plugin' });
    const malformed = await http.post('/graphql', '{');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json.errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});

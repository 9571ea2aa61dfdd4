import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { KeyLike } from 'jose';
import { GATEWAY_SIGNATURE_HEADER, verifyGatewayRequest, type Viewer } from '@nlf/contract';
import { GatewaySignatureError } from '@nlf/contract';

declare module 'fastify' {
  interface FastifyRequest {
    /** The exact body bytes, which the gateway's signature covers. */
    rawBody?: string;
    viewer?: Viewer;
  }
}

/**
 * Every GraphQL request must carry the gateway's signature over that very request; anything else is
 * answered 401 before it reaches GraphQL, so a subgraph reached directly trusts no claimed identity.
 */
export function installGatewayGuard(app: FastifyInstance, options: { subgraph: string; key: KeyLike; path: string }): void {
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    request.rawBody = body as string;
    try {
      done(null, body === '' ? undefined : JSON.parse(body as string));
    } catch {
      const error = new Error('The request body is not valid JSON') as Error & { statusCode: number };
      error.statusCode = 400;
      done(error, undefined);
    }
  });
  app.addHook('preHandler', async (request: FastifyRequest, reply) => {
    if (request.routeOptions.url !== options.path) return;
    try {
      request.viewer = await verifyGatewayRequest(
        options.key,
        options.subgraph,
        { method: request.method, path: request.url, body: request.rawBody ?? '' },
        request.headers[GATEWAY_SIGNATURE_HEADER] as string | undefined,
      );
    } catch (error) {
      if (!(error instanceof GatewaySignatureError)) throw error;
      return reply.code(401).send({ errors: [{ message: error.message, extensions: { code: error.extensions.code } }] });
    }
  });
}

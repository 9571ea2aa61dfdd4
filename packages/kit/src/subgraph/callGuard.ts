import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { KeyLike } from 'jose';
import {
  AuthenticationError, GATEWAY_SIGNATURE_HEADER, GatewaySignatureError, RouterCertificateError, verifyGatewayRequest,
  type Authenticator, type FederationError, type Viewer,
} from '@nlf/contract';
import { tlsDoorOf } from './tlsDoor';

declare module 'fastify' {
  interface FastifyRequest {
    /** The exact body bytes, which the gateway's signature covers. */
    rawBody?: string;
    viewer?: Viewer;
  }
}

export interface CallGuardOptions {
  /** The subgraph's name: the audience of the gateway's signature. */
  subgraph: string;
  /** The gateway's public key: the plain port answers only requests it signed. */
  key: KeyLike;
  /** The guarded route, e.g. /graphql. */
  path: string;
  /** Verifies the caller's bearer token on the TLS door; without it the app has no TLS door. */
  authenticate?: Authenticator;
}

function refuse(reply: FastifyReply, error: FederationError): FastifyReply {
  if (error instanceof AuthenticationError) reply.header('www-authenticate', 'Bearer');
  return reply.code(401).send({ errors: [{ message: error.message, extensions: { code: error.extensions.code } }] });
}

/**
 * Who may call GraphQL, by the door the request came through (docs/security.md):
 * - the plain port: the gateway's signature over that very request (x-nlf-gateway-signature), so a
 *   subgraph reached directly trusts no claimed identity;
 * - the TLS door: a client certificate of the routers' CA ("only a router calls"), and the caller's own
 *   token, forwarded by the router and verified here as the gateway verifies it ("who calls"). No token:
 *   anonymous; a token that does not verify: 401, never anonymous. Settled from the connection and the
 *   headers before the body is read. The signature header counts for nothing there.
 * Anything else is answered 401 before it reaches GraphQL.
 */
export function installCallGuard(app: FastifyInstance, options: CallGuardOptions): void {
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
  app.addHook('onRequest', async (request: FastifyRequest, reply) => {
    if (request.routeOptions.url !== options.path) return;
    const door = tlsDoorOf(request);
    if (!door) return;
    if (!door.authorized || !options.authenticate) {
      return refuse(reply, new RouterCertificateError(door.presented ? "the client certificate is not one of the routers' CA" : 'no client certificate was presented'));
    }
    try {
      request.viewer = await options.authenticate(request.headers.authorization);
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
      return refuse(reply, error);
    }
  });
  app.addHook('preHandler', async (request: FastifyRequest, reply) => {
    if (request.routeOptions.url !== options.path || tlsDoorOf(request)) return;
    try {
      request.viewer = await verifyGatewayRequest(
        options.key,
        options.subgraph,
        { method: request.method, path: request.url, body: request.rawBody ?? '' },
        request.headers[GATEWAY_SIGNATURE_HEADER] as string | undefined,
      );
    } catch (error) {
      if (!(error instanceof GatewaySignatureError)) throw error;
      return refuse(reply, error);
    }
  });
}

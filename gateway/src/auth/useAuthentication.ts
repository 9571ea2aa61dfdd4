import { AuthenticationError, type Authenticator } from '@nlf/contract';
import type { GatewayPlugin } from '../pipeline/gatewayPlugin';

export interface UseAuthenticationOptions {
  /** Verifies the bearer token (createAuthenticator). Required: there is no default issuer key. */
  authenticate: Authenticator;
}

/**
 * Who is asking, settled first and from the headers alone: a token that does not verify is answered
 * 401 before the body is even read. The caller then rides in the request (`request.viewer`) into the
 * typed GraphQL context. A new supergraph can change which organisations a token may name.
 */
export function useAuthentication(options: UseAuthenticationOptions): GatewayPlugin {
  const { authenticate } = options;
  return {
    name: 'authentication',
    hooks: [{
      onRequest: async (request, reply) => {
        try {
          request.viewer = await authenticate(request.headers.authorization);
        } catch (error) {
          if (!(error instanceof AuthenticationError)) throw error;
          return reply
            .code(401)
            .header('www-authenticate', 'Bearer')
            .send({ errors: [{ message: error.message, extensions: { code: error.extensions.code } }] });
        }
      },
    }],
    onSupergraphChange: () => authenticate.forget(),
  };
}

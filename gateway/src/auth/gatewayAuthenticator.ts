import type { LiveSupergraph } from '../reload/liveSupergraph';
import { createAuthenticator, type Authenticator } from '@nlf/contract';
import type { SecuritySettings } from './settings';

/**
 * The gateway's token verification, whose organisations are those of the config in force, so that a
 * union that joins by a config change is known at once. Without a config every organisation is taken.
 */
export function createGatewayAuthenticator(security: SecuritySettings, live: LiveSupergraph, rememberedTokens?: number): Promise<Authenticator> {
  return createAuthenticator({
    issuer: security.issuer,
    audience: security.audience,
    jwksUrl: security.jwksUrl,
    publicKey: security.issuerPublicKey,
    rememberedTokens,
    isOrganisation: (id) => {
      const config = live.current.config;
      return !config || config.subgraphs.some((subgraph) => subgraph.organisations.some((org) => org.id === id));
    },
  });
}

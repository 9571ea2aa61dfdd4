import type { FastifyInstance } from 'fastify';
import type { KeyLike } from 'jose';
import type { Agent } from 'undici';
import { REGISTRY_NAME } from '../config';
import { registerDashboardRoutes } from '../dashboard/routes';
import { registerHealthRoutes } from '../health';
import type { PersistedOperationManifest } from '../operations/manifest';
import type { LiveSupergraph } from '../reload/liveSupergraph';

export interface GatewayRoutesOptions {
  /** The supergraph in force, whose subgraphs /health probes and whose reload status it shows. Required. */
  live: LiveSupergraph;
  /** Keep-alive pool of the probes. Required. */
  agent: Agent;
  /** The key the probes are signed with. Required. */
  signingKey: KeyLike;
  /** The registered operations, whose ids the dashboard sends. Required. */
  manifest: PersistedOperationManifest;
}

/** The gateway's routes besides /graphql: /health and /ready, and the dashboard. */
export function registerGatewayRoutes(app: FastifyInstance, options: GatewayRoutesOptions): void {
  const { live } = options;
  registerHealthRoutes(app, {
    // A registry answered inside the process is not probed over HTTP.
    targets: () =>
      Object.entries(live.current.urls)
        .filter(([name]) => !(name === REGISTRY_NAME && live.current.registrySchema))
        .map(([name, url]) => ({ name, url })),
    agent: options.agent,
    signingKey: options.signingKey,
    supergraph: () => live.status(),
  });
  registerDashboardRoutes(app, { manifest: options.manifest });
}

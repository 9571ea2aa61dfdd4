import { ApolloGateway, LocalGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import { createFormatError } from '@nlf/schema';
import Fastify from 'fastify';
import { createResponseCache, type ResponseCacheOptions } from './cache';
import { REGISTRY_NAME, urlVariable, type FederationConfig } from './config';
import { probeSubgraphs, type SubgraphTarget } from './health';
import { buildRegistrySchema } from './registry/registrySchema';
import { createSubgraphAgent, SubgraphDataSource } from './subgraphDataSource';

export interface GatewayOptions {
  config: FederationConfig;
  /** The composed supergraph (gateway/supergraph.graphql). */
  supergraphSdl: string;
  /** Interface to bind. Default: 127.0.0.1. */
  host?: string;
  /** Port; 0 picks a free one. Default: 4000. */
  port?: number;
  /**
   * Subgraph URLs by name, over the config's. Default: NLF_SUBGRAPH_URL_<NAME> from the environment,
   * else the config's URL.
   */
  subgraphUrls?: Record<string, string>;
  /** Serve the registry inside the gateway process instead of calling it over HTTP. Default: true. */
  embeddedRegistry?: boolean;
  /** Send stack traces and internal messages to clients. Default: false, whatever NODE_ENV says. */
  debug?: boolean;
  /** Where operational messages go. Default: stderr. */
  log?: (line: string) => void;
  /**
   * The response cache for public aggregates (cache/responseCache.ts), checked against the union
   * subgraphs' data versions; false answers everything live. Default: on, with its own defaults.
   */
  responseCache?: boolean | Omit<ResponseCacheOptions, 'subgraphUrls' | 'dispatcher'>;
}

export interface RunningGateway {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Subgraph name → URL: explicit option, then environment, then config; the supergraph's own URLs are never used. */
export function resolveSubgraphUrls(config: FederationConfig, overrides: Record<string, string> = {}, env = process.env) {
  const urls: Record<string, string> = {};
  for (const subgraph of [{ name: REGISTRY_NAME, url: config.registry.url }, ...config.subgraphs]) {
    urls[subgraph.name] = overrides[subgraph.name] ?? env[urlVariable(subgraph.name)] ?? subgraph.url;
  }
  return urls;
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const log = options.log ?? ((line: string) => process.stderr.write(`[gateway] ${line}\n`));
  const urls = resolveSubgraphUrls(options.config, options.subgraphUrls);
  const embeddedRegistry = options.embeddedRegistry ?? true;
  const agent = createSubgraphAgent();
  const registrySchema = embeddedRegistry ? buildRegistrySchema(options.config) : undefined;
  const { [REGISTRY_NAME]: _registry, ...unionUrls } = urls;
  const responseCache =
    options.responseCache === false
      ? undefined
      : createResponseCache({ ...(options.responseCache === true ? {} : options.responseCache), subgraphUrls: unionUrls, dispatcher: agent });

  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    experimental_didResolveQueryPlan: responseCache?.didResolveQueryPlan,
    buildService: ({ name }) => {
      if (name === REGISTRY_NAME && registrySchema) return new LocalGraphQLDataSource(registrySchema);
      const url = urls[name];
      if (!url) throw new Error(`the supergraph names subgraph "${name}", which the config does not list`);
      return new SubgraphDataSource({
        name,
        url,
        agent,
        onUnavailable: (subgraph, error) => log(`subgraph ${subgraph} unavailable: ${(error as Error)?.message ?? error}`),
      });
    },
  });

  const app = Fastify({ logger: false, forceCloseConnections: 'idle' });
  const debug = options.debug ?? false;
  const apollo = new ApolloServer({
    gateway,
    includeStacktraceInErrorResponses: debug,
    formatError: createFormatError({ debug, log: (error) => log(`internal error: ${String(error)}`) }),
    plugins: [fastifyApolloDrainPlugin(app), ...(responseCache ? [responseCache.plugin] : [])],
  });
  await apollo.start();

  const targets: SubgraphTarget[] = Object.entries(urls)
    .filter(([name]) => !(name === REGISTRY_NAME && embeddedRegistry))
    .map(([name, url]) => ({ name, url }));
  app.get('/health', async () => ({ status: 'ok', subgraphs: await probeSubgraphs(targets, agent) }));
  app.get('/ready', async (_request, reply) => {
    const subgraphs = await probeSubgraphs(targets, agent);
    const down = Object.keys(subgraphs).filter((name) => subgraphs[name] !== 'up');
    return reply.code(down.length ? 503 : 200).send({ status: down.length ? 'unavailable' : 'ready', down, subgraphs });
  });
  await app.register(fastifyApollo(apollo));

  await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 4000 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 4000);
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/graphql`,
    port,
    close: async () => {
      await app.close();
      await agent.close();
    },
  };
}

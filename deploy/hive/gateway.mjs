// @ts-check
/**
 * Hive Gateway running the committed supergraph, with Hive's Rust query planner
 * (@graphql-hive/router-runtime: Hive's default planner cannot plan this federation's @requires over
 * interface fragments). Only Hive's own packages and Node built-ins: nothing of this repository, so
 * the subgraphs trust it for what it is configured with, as they would trust Apollo Router or Cosmo.
 *
 *   node deploy/hive/gateway.mjs
 *
 * Environment (read once, here):
 *   HIVE_SUPERGRAPH            supergraph SDL file (default: gateway/supergraph.graphql of this checkout)
 *   HOST, PORT                 where it listens (default 127.0.0.1:4000)
 *   NLF_SUBGRAPH_URL_<NAME>    a subgraph's URL instead of the supergraph's (NAME as the supergraph's
 *                              join__graph name, upper case, '-' as '_'; REGISTRY for the registry)
 *   NLF_ROUTER_CA_FILE         CA that signs the subgraphs' server certificates (PEM)
 *   NLF_ROUTER_CERT_FILE, NLF_ROUTER_KEY_FILE
 *                              the router's client certificate and key (PEM), presented to every
 *                              https:// subgraph: the subgraphs' TLS door answers only it
 *   NLF_MAX_BODY_BYTES         largest request body, by its Content-Length (default 100000, as our
 *                              gateway); a body without one (chunked) is refused
 *   HIVE_LOG_LEVEL             Hive's log level (default warn)
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Agent } from 'node:https';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';

const env = process.env;
const supergraphFile = env.HIVE_SUPERGRAPH || new URL('../../gateway/supergraph.graphql', import.meta.url);
const supergraph = readFileSync(supergraphFile, 'utf8');
const maxBodyBytes = Number(env.NLF_MAX_BODY_BYTES || 100_000);
if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes <= 0) throw new Error('NLF_MAX_BODY_BYTES must be a positive integer');

/** @param {string} name */
const urlVariable = (name) => `NLF_SUBGRAPH_URL_${name.toUpperCase().replace(/-/g, '_')}`;
const subgraphNames = [...supergraph.matchAll(/@join__graph\(name: "([^"]+)"/g)].map((match) => /** @type {string} */ (match[1]));

/** @type {Record<string, { location?: string; options?: Record<string, unknown> }>} */
const transportEntries = {
  // Hive merges identical in-flight subgraph queries by default. A merged personal read reaches the
  // subgraph once, so it would be audited once however many requests it answered: off for every
  // subgraph (the option is per subgraph, and every union subgraph serves personal fields).
  '*.http': { options: { deduplicateInflightRequests: false } },
};
for (const name of subgraphNames) {
  const location = env[urlVariable(name)];
  if (location) transportEntries[name] = { location };
}

const tlsFiles = [env.NLF_ROUTER_CA_FILE, env.NLF_ROUTER_CERT_FILE, env.NLF_ROUTER_KEY_FILE];
if (tlsFiles.some(Boolean) && !tlsFiles.every(Boolean)) {
  throw new Error('set NLF_ROUTER_CA_FILE, NLF_ROUTER_CERT_FILE and NLF_ROUTER_KEY_FILE together');
}
// Hive's documented way to give subgraph calls a client certificate: a custom https.Agent.
const tlsAgent = env.NLF_ROUTER_CA_FILE
  ? new Agent({
      ca: readFileSync(env.NLF_ROUTER_CA_FILE),
      cert: readFileSync(/** @type {string} */ (env.NLF_ROUTER_CERT_FILE)),
      key: readFileSync(/** @type {string} */ (env.NLF_ROUTER_KEY_FILE)),
      keepAlive: true,
    })
  : undefined;

const gateway = createGatewayRuntime({
  supergraph,
  unifiedGraphHandler,
  transportEntries,
  customAgent: ({ url }) => (tlsAgent && url.startsWith('https:') ? tlsAgent : undefined),
  // The caller's bearer token goes to every subgraph, which verifies it itself (no header = anonymous).
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') }),
  },
  upstreamTimeout: 10_000,
  requestDeadline: 30_000,
  landingPage: false,
  graphiql: false,
  logging: env.HIVE_LOG_LEVEL || 'warn',
});

const server = createServer((request, response) => {
  // Refused before the body is read, as our gateway does; a chunked body would have no length to check.
  /** @param {number} status @param {string} message */
  const refuse = (status, message) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ errors: [{ message }] }));
  };
  if (request.headers['transfer-encoding']) return refuse(411, 'A request body needs a Content-Length');
  if (Number(request.headers['content-length'] ?? 0) > maxBodyBytes) {
    return refuse(413, `The request body is larger than the limit of ${maxBodyBytes} bytes`);
  }
  gateway(request, response);
});
server.listen(Number(env.PORT || 4000), env.HOST || '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`Hive Gateway ready on ${typeof address === 'object' && address ? address.port : address}\n`);
});

const stop = () => server.close(() => gateway.dispose().then(() => process.exit(0), () => process.exit(1)));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

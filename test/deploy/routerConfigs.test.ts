import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_OPERATION_LIMITS, supergraphSubgraphUrls, urlVariable } from '@nlf/gateway';
import { REPO_ROOT } from '@nlf/stack';
import { federateSubgraphs } from '@wundergraph/composition';
import { buildSchema, isObjectType, parse as parseGraphQL, type GraphQLSchema } from 'graphql';
import { parse } from 'yaml';

// Apollo Router's and Cosmo Router's binaries cannot be downloaded here, and neither publishes the
// JSON schema of its configuration in an npm package: what is checked is that each committed file
// parses, uses only keys its router's documentation names, and says what this federation needs; and
// that Cosmo's own composition (the library `wgc router compose` runs) accepts graph.yaml.

const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');
const subgraphUrls = supergraphSubgraphUrls(read('gateway/supergraph.graphql'));
const subgraphNames = Object.keys(subgraphUrls);

/** Every leaf's dotted path: map keys as they are, list items as `[]`. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => keyPaths(item, `${prefix}[]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
  }
  return [prefix];
}

/** A documented path matches with `*` standing for any one map key (a subgraph's name). */
const documented = (paths: readonly string[]) => (path: string) =>
  paths.some((pattern) => new RegExp(`^${pattern.replace(/[.[\]]/g, '\\$&').replace(/\*/g, '[^.]+')}$`).test(path));

// Each key with the page of the router's documentation that names it.
const APOLLO_DOCS = 'https://www.apollographql.com/docs/graphos/routing';
const APOLLO_KEYS: Record<string, string> = {
  'supergraph.listen': `${APOLLO_DOCS}/configuration/yaml`,
  'supergraph.path': `${APOLLO_DOCS}/configuration/yaml`,
  'supergraph.introspection': `${APOLLO_DOCS}/configuration/yaml`,
  'homepage.enabled': `${APOLLO_DOCS}/configuration/yaml`,
  'sandbox.enabled': `${APOLLO_DOCS}/configuration/yaml`,
  'health_check.listen': `${APOLLO_DOCS}/self-hosted/health-checks`,
  'health_check.enabled': `${APOLLO_DOCS}/self-hosted/health-checks`,
  'override_subgraph_url.*': `${APOLLO_DOCS}/configuration/yaml`,
  'tls.subgraph.all.certificate_authorities': `${APOLLO_DOCS}/security/tls`,
  'tls.subgraph.all.client_authentication.certificate_chain': `${APOLLO_DOCS}/security/tls`,
  'tls.subgraph.all.client_authentication.key': `${APOLLO_DOCS}/security/tls`,
  'headers.all.request[].propagate.named': `${APOLLO_DOCS}/header-propagation`,
  'include_subgraph_errors.all': `${APOLLO_DOCS}/observability/subgraph-error-inclusion`,
  'traffic_shaping.all.deduplicate_query': `${APOLLO_DOCS}/performance/traffic-shaping`,
  'traffic_shaping.all.timeout': `${APOLLO_DOCS}/performance/traffic-shaping`,
  'traffic_shaping.router.timeout': `${APOLLO_DOCS}/performance/traffic-shaping`,
  'limits.router.http_max_request_bytes': `${APOLLO_DOCS}/security/request-limits`,
  'limits.router.parser_max_tokens': `${APOLLO_DOCS}/security/request-limits`,
  'limits.router.parser_max_recursion': `${APOLLO_DOCS}/security/request-limits`,
  'limits.router.max_depth': `${APOLLO_DOCS}/security/request-limits`,
  'limits.router.max_aliases': `${APOLLO_DOCS}/security/request-limits`,
};

const COSMO_DOCS = 'https://cosmo-docs.wundergraph.com/router';
const COSMO_KEYS: Record<string, string> = {
  version: `${COSMO_DOCS}/configuration`,
  listen_addr: `${COSMO_DOCS}/configuration`,
  graphql_path: `${COSMO_DOCS}/configuration`,
  health_check_path: `${COSMO_DOCS}/configuration`,
  introspection_enabled: `${COSMO_DOCS}/configuration`,
  playground_enabled: `${COSMO_DOCS}/configuration`,
  dev_mode: `${COSMO_DOCS}/configuration`,
  router_registration: `${COSMO_DOCS}/configuration`,
  'graphql_metrics.enabled': `${COSMO_DOCS}/configuration`,
  'execution_config.file.path': `${COSMO_DOCS}/configuration`,
  'overrides.subgraphs.*.routing_url': `${COSMO_DOCS}/proxy-capabilities/override-subgraph-config`,
  'tls.client.all.cert_file': `${COSMO_DOCS}/security/tls`,
  'tls.client.all.key_file': `${COSMO_DOCS}/security/tls`,
  'tls.client.all.ca_file': `${COSMO_DOCS}/security/tls`,
  'headers.all.request[].op': `${COSMO_DOCS}/proxy-capabilities/request-headers-operations`,
  'headers.all.request[].named': `${COSMO_DOCS}/proxy-capabilities/request-headers-operations`,
  'subgraph_error_propagation.mode': `${COSMO_DOCS}/subgraph-error-propagation`,
  'subgraph_error_propagation.allowed_extension_fields[]': `${COSMO_DOCS}/subgraph-error-propagation`,
  'engine.enable_single_flight': `${COSMO_DOCS}/configuration`,
  'traffic_shaping.router.max_request_body_size': `${COSMO_DOCS}/configuration`,
  'traffic_shaping.all.request_timeout': `${COSMO_DOCS}/configuration`,
  'security.complexity_calculation_cache.enabled': `${COSMO_DOCS}/configuration`,
  'security.complexity_calculation_cache.size': `${COSMO_DOCS}/configuration`,
  'security.complexity_limits.depth.enabled': `${COSMO_DOCS}/configuration`,
  'security.complexity_limits.depth.limit': `${COSMO_DOCS}/configuration`,
  'security.complexity_limits.root_field_aliases.enabled': `${COSMO_DOCS}/configuration`,
  'security.complexity_limits.root_field_aliases.limit': `${COSMO_DOCS}/configuration`,
};

/** The environment variables a router config may name: the subgraph URLs and the router's TLS files. */
const ROUTER_VARIABLE = /^NLF_(SUBGRAPH_URL_[A-Z0-9_]+|ROUTER_(CA|CERT|KEY)_(FILE|PEM))$/;

describe('deploy/apollo-router/router.yaml', () => {
  const text = read('deploy/apollo-router/router.yaml');
  const config = parse(text);

  it('parses and uses only keys Apollo Router documents', () => {
    const undocumented = keyPaths(config).filter((path) => !documented(Object.keys(APOLLO_KEYS))(path));
    expect(undocumented).toEqual([]);
  });

  it("points every subgraph of the supergraph at its URL variable, in the router's env expansion form", () => {
    expect(Object.keys(config.override_subgraph_url).sort()).toEqual([...subgraphNames].sort());
    for (const name of subgraphNames) expect(config.override_subgraph_url[name]).toBe(`\${env.${urlVariable(name)}}`);
    const references = [...text.matchAll(/\$\{([^}]+)\}/g)].map((match) => match[1]!);
    for (const reference of references) expect(reference).toMatch(/^env\./);
    for (const reference of references) expect(reference.slice('env.'.length)).toMatch(ROUTER_VARIABLE);
  });

  it('presents the client certificate, trusts the federation CA, forwards Authorization, never merges subgraph queries', () => {
    expect(config.tls.subgraph.all).toEqual({
      certificate_authorities: '${env.NLF_ROUTER_CA_PEM}',
      client_authentication: { certificate_chain: '${env.NLF_ROUTER_CERT_PEM}', key: '${env.NLF_ROUTER_KEY_PEM}' },
    });
    expect(config.headers.all.request).toEqual([{ propagate: { named: 'authorization' } }]);
    expect(config.traffic_shaping.all.deduplicate_query).toBe(false);
    expect(config.supergraph.introspection).toBe(false);
  });

  it("keeps our gateway's limits", () => {
    expect(config.limits.router).toMatchObject({
      http_max_request_bytes: DEFAULT_MAX_BODY_BYTES,
      parser_max_tokens: DEFAULT_OPERATION_LIMITS.maxTokens,
      max_depth: DEFAULT_OPERATION_LIMITS.maxDepth,
      max_aliases: DEFAULT_OPERATION_LIMITS.maxAliases,
    });
  });
});

describe('deploy/cosmo', () => {
  const text = read('deploy/cosmo/config.yaml');
  const config = parse(text);
  const graph = parse(read('deploy/cosmo/graph.yaml')) as { version: number; subgraphs: { name: string; routing_url: string; schema: { file: string } }[] };

  it('config.yaml parses and uses only keys Cosmo Router documents', () => {
    const undocumented = keyPaths(config).filter((path) => !documented(Object.keys(COSMO_KEYS))(path));
    expect(undocumented).toEqual([]);
  });

  it("graph.yaml composes every subgraph of the supergraph from its committed SDL, at the supergraph's URL", () => {
    expect(graph.subgraphs.map((s) => s.name).sort()).toEqual([...subgraphNames].sort());
    for (const subgraph of graph.subgraphs) {
      expect(subgraph.routing_url).toBe(subgraphUrls[subgraph.name]);
      expect(existsSync(join(REPO_ROOT, 'deploy/cosmo', subgraph.schema.file))).toBe(true);
    }
  });

  it("composes with Cosmo's composition into the API our supergraph serves", () => {
    const result = federateSubgraphs({
      subgraphs: graph.subgraphs.map((subgraph) => ({
        name: subgraph.name,
        url: subgraph.routing_url,
        definitions: parseGraphQL(readFileSync(join(REPO_ROOT, 'deploy/cosmo', subgraph.schema.file), 'utf8')),
      })),
    });
    if (!result.success) throw new Error(result.errors.map((error) => error.message).join('\n'));
    const fieldsOf = (schema: GraphQLSchema, type: string) => {
      const found = schema.getType(type);
      return isObjectType(found) ? Object.keys(found.getFields()).sort() : [];
    };
    const ours = buildSchema(read('gateway/supergraph.graphql'), { assumeValidSDL: true });
    for (const type of ['Query', 'Mutation', 'Comparison', 'Total', 'Lederne', 'LoDenmark']) {
      expect(fieldsOf(ours, type).length).toBeGreaterThan(2);
      expect(fieldsOf(result.federatedGraphClientSchema, type)).toEqual(fieldsOf(ours, type).filter((field) => !field.startsWith('_')));
    }
    expect(fieldsOf(result.federatedGraphClientSchema, 'Query')).toEqual(expect.arrayContaining(['comparison', 'organisations', 'indicators']));
  });

  it('points every subgraph at its URL variable, names only the router variables', () => {
    expect(Object.keys(config.overrides.subgraphs).sort()).toEqual([...subgraphNames].sort());
    for (const name of subgraphNames) expect(config.overrides.subgraphs[name]).toEqual({ routing_url: `\${${urlVariable(name)}}` });
    for (const [, name] of text.matchAll(/\$\{([^}]+)\}/g)) expect(name).toMatch(ROUTER_VARIABLE);
  });

  it('presents the client certificate, trusts the federation CA, forwards Authorization, never merges subgraph requests', () => {
    expect(config.tls.client.all).toEqual({
      cert_file: '${NLF_ROUTER_CERT_FILE}', key_file: '${NLF_ROUTER_KEY_FILE}', ca_file: '${NLF_ROUTER_CA_FILE}',
    });
    expect(config.headers.all.request).toEqual([{ op: 'propagate', named: 'Authorization' }]);
    expect(config.engine.enable_single_flight).toBe(false);
    expect(config.introspection_enabled).toBe(false);
  });

  it("keeps our gateway's limits", () => {
    // Cosmo's sizes are decimal: 100KB is 100 000 bytes.
    expect(config.traffic_shaping.router.max_request_body_size).toBe(`${DEFAULT_MAX_BODY_BYTES / 1000}KB`);
    expect(config.security.complexity_limits).toEqual({
      depth: { enabled: true, limit: DEFAULT_OPERATION_LIMITS.maxDepth },
      root_field_aliases: { enabled: true, limit: DEFAULT_OPERATION_LIMITS.maxAliases },
    });
  });
});

import { allOrganisations, createAuthenticator, loadConfig, type Authenticator } from '@nlf/gateway';
import { GATEWAY_SIGNATURE_HEADER, importPrivateKey, signGatewayRequest } from '@nlf/contract';
import { readBenchSystemSettings, required, type BenchSystemSettings } from '../benchSettings';

/**
 * What a baseline gateway needs to call our subgraphs, which answer only signed calls: the caller's
 * bearer token verified exactly as ours does (same issuer key, same rules), then the call signed
 * for the subgraph it goes to over its exact method, path and body (docs/security.md). The cost is
 * the same small one every system pays, so it does not favour ours.
 */
export interface BaselineSigner {
  /** The signature header for one subgraph call, or undefined for a URL that is not a subgraph (Hive's registry). */
  sign(url: string, body: string, authorization: string | undefined): Promise<string | undefined>;
  header: typeof GATEWAY_SIGNATURE_HEADER;
}

/** The caller's bearer token verified with the same issuer key and rules as our gateway's. */
export async function createBaselineAuthenticator(settings: BenchSystemSettings = readBenchSystemSettings()): Promise<Authenticator> {
  const organisations = new Set(allOrganisations(loadConfig()).map((org) => org.id));
  return createAuthenticator({
    issuer: settings.auth.issuer,
    audience: settings.auth.audience,
    publicKey: required(settings.auth.publicKey, 'NLF_AUTH_PUBLIC_KEY'),
    isOrganisation: (id) => organisations.has(id),
  });
}

export async function createBaselineSigner(settings: BenchSystemSettings = readBenchSystemSettings()): Promise<BaselineSigner> {
  const urls = required(settings.subgraphUrls, 'BENCH_SUBGRAPH_URLS');
  const subgraphOf = new Map(Object.entries(urls).map(([name, url]) => [url, name]));
  const key = await importPrivateKey(required(settings.gatewaySigningKey, 'NLF_GATEWAY_SIGNING_KEY'));
  const authenticate = await createBaselineAuthenticator(settings);
  return {
    header: GATEWAY_SIGNATURE_HEADER,
    async sign(url, body, authorization) {
      const subgraph = subgraphOf.get(url);
      if (!subgraph) return undefined;
      const { pathname, search } = new URL(url);
      return signGatewayRequest(key, subgraph, { method: 'POST', path: `${pathname}${search}`, body }, await authenticate(authorization));
    },
  };
}

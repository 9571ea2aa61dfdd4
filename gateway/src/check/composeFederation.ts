import { existsSync, readFileSync } from 'node:fs';
import { ANONYMOUS, gatewaySignatureHeaders, importPrivateKey, personalTypeNames, PERSONAL_MARK, unmarkedPersonalFields } from '@nlf/contract';
import { join } from 'node:path';
import { composeSupergraph, CompositionError, type SubgraphSdl } from '../compose';
import { urlVariable, type FederationConfig, allSubgraphs } from '../config';
import { CONTRACT_PATH, registrySdl } from '../registry/registrySdl';
import { explainComposition, type CompositionFinding } from './explainComposition';
import type { SubgraphUrlVariables } from '../settings';

export const GATEWAY_DIR = join(__dirname, '..', '..');
export const SERVICES_DIR = join(GATEWAY_DIR, '..', 'services');

export interface SdlSourceOptions {
  /** SDL files by subgraph name, over the defaults. */
  sdlFiles?: Record<string, string>;
  /** Where services/<name>/subgraph.graphql are looked for. Default: the repo's services/. */
  servicesDir?: string;
  /** NLF_SUBGRAPH_URL_<NAME> variables (settings.ts `readToolSettings`). Default: none, the config's URLs. */
  subgraphUrlVariables?: SubgraphUrlVariables;
  /**
   * The gateway's private key (PEM), to sign `_service { sdl }` calls as the gateway does: subgraphs
   * of this federation answer nothing else. Default: unsigned.
   */
  signingKey?: string;
}

/** A subgraph's SDL and where it came from (a file, or its running server's `_service { sdl }`). */
export interface SourcedSdl extends SubgraphSdl {
  origin: string;
}

async function fetchServiceSdl(url: string, subgraph: string, signingKey: string | undefined): Promise<string> {
  const request = JSON.stringify({ query: '{ _service { sdl } }' });
  const signature = signingKey
    ? await gatewaySignatureHeaders(await importPrivateKey(signingKey), subgraph, url, request, ANONYMOUS)
    : {};
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signature },
    body: request,
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await response.json()) as { data?: { _service?: { sdl?: string } }; errors?: { message: string }[] };
  const sdl = body.data?._service?.sdl;
  if (!sdl) throw new Error(body.errors?.[0]?.message ?? `HTTP ${response.status}`);
  return sdl;
}

/**
 * Each subgraph's SDL: an explicit file, else services/<name>/subgraph.graphql (written by its build),
 * else asked from the running subgraph (`_service { sdl }`): a union served from outside this repo.
 */
export async function loadSubgraphSdls(config: FederationConfig, options: SdlSourceOptions = {}): Promise<SourcedSdl[]> {
  const variables = options.subgraphUrlVariables ?? {};
  return Promise.all(
    allSubgraphs(config).map(async (subgraph): Promise<SourcedSdl> => {
      const file = options.sdlFiles?.[subgraph.name] ?? join(options.servicesDir ?? SERVICES_DIR, subgraph.name, 'subgraph.graphql');
      if (options.sdlFiles?.[subgraph.name] || existsSync(file)) {
        return { name: subgraph.name, url: subgraph.url, sdl: readFileSync(file, 'utf8'), origin: file };
      }
      const url = variables[urlVariable(subgraph.name)] ?? subgraph.url;
      try {
        return { name: subgraph.name, url: subgraph.url, sdl: await fetchServiceSdl(url, subgraph.name, options.signingKey), origin: url };
      } catch (error) {
        throw new Error(`no SDL for subgraph "${subgraph.name}": no file ${file}, and ${url} did not answer _service { sdl } (${(error as Error).message})`);
      }
    }),
  );
}

export type ComposeOutcome =
  | { ok: true; registry: string; supergraph: string }
  | { ok: false; findings: CompositionFinding[] };

/** The registry generated from the config, composed with the subgraphs; on failure, what each subgraph must change. */
export function composeFederation(config: FederationConfig, subgraphs: SubgraphSdl[], contractSdl = readFileSync(CONTRACT_PATH, 'utf8')): ComposeOutcome {
  const unmarked = unmarkedPersonalData(subgraphs, contractSdl);
  if (unmarked.length) return { ok: false, findings: unmarked };
  const registry = registrySdl(config);
  try {
    return { ok: true, registry, supergraph: `${composeSupergraph(config, registry, subgraphs)}\n` };
  } catch (error) {
    if (!(error instanceof CompositionError)) throw error;
    const errors = error.messages.map((message, index) => ({ message, code: error.codes[index] }));
    return { ok: false, findings: explainComposition({ config, contractSdl, subgraphs, errors }) };
  }
}

/**
 * A subgraph that returns personal data (a type the contract or the subgraph marks personal, a
 * connection of it, the access log) through a field without the mark is refused before composing:
 * the gateway would cache and share that field, and the kit would neither check nor audit its reads.
 */
export function unmarkedPersonalData(subgraphs: SubgraphSdl[], contractSdl: string): CompositionFinding[] {
  const contractPersonal = personalTypeNames(contractSdl);
  return subgraphs.flatMap((subgraph) =>
    unmarkedPersonalFields(subgraph.sdl, contractPersonal).map((finding) => ({
      subgraph: subgraph.name,
      message:
        `Subgraph "${subgraph.name}" must mark ${finding.coordinate} with ${PERSONAL_MARK}: it returns personal data ` +
        `(${finding.reaches}${finding.path.length ? `, through ${finding.path.join(' → ')}` : ''}), which unmarked would be ` +
        'served unchecked and unaudited, and cached by the gateway.',
    })),
  );
}

/** Findings as lines, grouped by the subgraph that must act. */
export function formatFindings(findings: CompositionFinding[]): string {
  return `the supergraph does not compose:\n${findings.map((f) => `  ✗ ${f.message}`).join('\n')}\n`;
}

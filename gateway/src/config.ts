import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Country = 'NO' | 'SE' | 'DK';
export type OrganisationKind = 'UNION' | 'CONFEDERATION' | 'SECRETARIAT';

export interface OrganisationEntry {
  id: string;
  country: Country;
  kind: OrganisationKind;
}

export interface SubgraphEntry {
  /** Subgraph name: lowercase, used in errors, /health and NLF_SUBGRAPH_URL_<NAME>. */
  name: string;
  /** The subgraph's organisation type, e.g. "Lederne". */
  typeName: string;
  /** Default URL; the environment may override it at start. */
  url: string;
  organisations: OrganisationEntry[];
}

/**
 * A subgraph that serves no organisation type: it adds fields to every organisation (through
 * `type Organisation @key(fields: "id") @interfaceObject`) and root fields of its own, e.g. the
 * cooperation secretariat's work groups. The registry lists no type for it.
 */
export interface ExtensionSubgraphEntry {
  /** Subgraph name: lowercase, used in errors, /health and NLF_SUBGRAPH_URL_<NAME>. */
  name: string;
  /** Default URL; the environment may override it at start. */
  url: string;
}

/** The one file that lists the federation: the registry and the gateway's subgraph list are generated from it. */
export interface FederationConfig {
  registry: { url: string };
  /** Organisation subgraphs: one organisation type each. */
  subgraphs: SubgraphEntry[];
  /** Subgraphs that serve no organisation type. Default: none. */
  extensionSubgraphs?: ExtensionSubgraphEntry[];
}

export const REGISTRY_NAME = 'registry';
export const DEFAULT_CONFIG_PATH = join(__dirname, '..', 'federation.config.json');

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const COUNTRIES = new Set(['NO', 'SE', 'DK']);
const KINDS = new Set(['UNION', 'CONFEDERATION', 'SECRETARIAT']);
const RESERVED_TYPE_NAMES = new Set(['Organisation', 'Comparison', 'Total', 'Query', 'Mutation', 'Figure', 'Source']);

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ConfigError(message);
}

function checkUrl(url: unknown, where: string): void {
  check(typeof url === 'string', `${where}: url must be a string`);
  try {
    const parsed = new URL(url);
    check(parsed.protocol === 'http:' || parsed.protocol === 'https:', `${where}: url must be http(s), got "${url}"`);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(`${where}: "${url}" is not a URL`);
  }
}

/** Checks a parsed config and says exactly which entry is wrong. */
export function validateConfig(raw: unknown): FederationConfig {
  check(raw && typeof raw === 'object', 'config must be an object');
  const config = raw as FederationConfig;
  checkUrl(config.registry?.url, 'registry');
  check(Array.isArray(config.subgraphs) && config.subgraphs.length > 0, 'subgraphs must be a non-empty list');
  const names = new Set<string>([REGISTRY_NAME]);
  const typeNames = new Set<string>();
  const ids = new Set<string>();
  config.subgraphs.forEach((subgraph, index) => {
    const where = `subgraphs[${index}]${subgraph?.name ? ` (${subgraph.name})` : ''}`;
    check(typeof subgraph.name === 'string' && /^[a-z][a-z0-9-]*$/.test(subgraph.name), `${where}: name must be lowercase letters, digits and dashes`);
    check(!names.has(subgraph.name), `${where}: the name "${subgraph.name}" is used twice (or is reserved)`);
    names.add(subgraph.name);
    check(typeof subgraph.typeName === 'string' && /^[A-Z][A-Za-z0-9]*$/.test(subgraph.typeName), `${where}: typeName must be PascalCase`);
    check(!RESERVED_TYPE_NAMES.has(subgraph.typeName), `${where}: typeName "${subgraph.typeName}" is a type of the contract`);
    check(!typeNames.has(subgraph.typeName), `${where}: typeName "${subgraph.typeName}" is already used by another subgraph`);
    typeNames.add(subgraph.typeName);
    checkUrl(subgraph.url, where);
    check(Array.isArray(subgraph.organisations) && subgraph.organisations.length > 0, `${where}: organisations must be a non-empty list`);
    for (const org of subgraph.organisations) {
      check(typeof org.id === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(org.id), `${where}: organisation id "${org.id}" must be a lowercase slug`);
      check(!ids.has(org.id), `${where}: organisation "${org.id}" is listed twice`);
      ids.add(org.id);
      check(COUNTRIES.has(org.country), `${where}: organisation "${org.id}" has country "${org.country}"; expected NO, SE or DK`);
      check(KINDS.has(org.kind), `${where}: organisation "${org.id}" has kind "${org.kind}"; expected UNION, CONFEDERATION or SECRETARIAT`);
    }
  });
  check(config.extensionSubgraphs === undefined || Array.isArray(config.extensionSubgraphs), 'extensionSubgraphs must be a list');
  (config.extensionSubgraphs ?? []).forEach((subgraph, index) => {
    const where = `extensionSubgraphs[${index}]${subgraph?.name ? ` (${subgraph.name})` : ''}`;
    check(typeof subgraph.name === 'string' && /^[a-z][a-z0-9-]*$/.test(subgraph.name), `${where}: name must be lowercase letters, digits and dashes`);
    check(!names.has(subgraph.name), `${where}: the name "${subgraph.name}" is used twice (or is reserved)`);
    names.add(subgraph.name);
    const misplaced = ['typeName', 'organisations'].filter((key) => key in subgraph);
    check(!misplaced.length, `${where}: an extension subgraph serves no organisation type; move it to subgraphs or remove ${misplaced.join(' and ')}`);
    checkUrl(subgraph.url, where);
  });
  return config;
}

export function loadConfig(path: string = DEFAULT_CONFIG_PATH): FederationConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ConfigError(`cannot read the federation config at ${path}`);
  }
  try {
    return validateConfig(JSON.parse(text));
  } catch (error) {
    if (error instanceof SyntaxError) throw new ConfigError(`${path} is not valid JSON: ${error.message}`);
    throw error;
  }
}

/** Environment variable that overrides a subgraph's URL, e.g. NLF_SUBGRAPH_URL_LEDERNE. */
export function urlVariable(name: string): string {
  return `NLF_SUBGRAPH_URL_${name.toUpperCase().replace(/-/g, '_')}`;
}

/** Every subgraph the gateway calls besides the registry: organisation subgraphs, then extension subgraphs. */
export function allSubgraphs(config: FederationConfig): { name: string; url: string }[] {
  return [...config.subgraphs, ...(config.extensionSubgraphs ?? [])].map(({ name, url }) => ({ name, url }));
}

export function allOrganisations(config: FederationConfig): (OrganisationEntry & { typeName: string; subgraph: string })[] {
  return config.subgraphs.flatMap((subgraph) =>
    subgraph.organisations.map((org) => ({ ...org, typeName: subgraph.typeName, subgraph: subgraph.name })),
  );
}

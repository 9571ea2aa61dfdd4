import { readFileSync } from 'node:fs';
import {
  Kind, parse, print, type ConstDirectiveNode, type DefinitionNode, type FieldDefinitionNode, type InterfaceTypeDefinitionNode,
} from 'graphql';
import type { FederationConfig } from '../config';
import { indicatorsSdl } from './indicators';

export const CONTRACT_PATH = require.resolve('@nlf/contract/contract.graphql');

const HEADER =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires", "@tag"])';

/** Figures the registry totals; each is required from every organisation type. */
export const TOTALLED_FIGURES = ['leaderMemberCount', 'memberCount'] as const;

const directive = (name: string): ConstDirectiveNode => ({ kind: Kind.DIRECTIVE, name: { kind: Kind.NAME, value: name } });

// Composition refuses a merged directive (@tag) on an external field: the marks stay on the
// interface's fields here, and on the concrete types in the subgraphs that resolve them.
function externalField(field: FieldDefinitionNode): FieldDefinitionNode {
  const kept = (field.directives ?? []).filter((d) => d.name.value !== 'tag');
  return { ...field, description: undefined, directives: [...kept, directive('external')] };
}

/**
 * A non-null field every organisation's own subgraph resolves, required beside each figure: its
 * presence says that subgraph answered. A router may leave a null figure out of the representation
 * (Hive Gateway does) and our gateway leaves out every field of a subgraph that failed; without this
 * mark the two would look the same.
 */
export const ANSWERED_MARK = 'name';

/** `organisations { ... on Lederne { name leaderMemberCount { low high estimate } } ... }` */
export function requiresSelection(config: FederationConfig, figure: string): string {
  const fragments = config.subgraphs.map((s) => `... on ${s.typeName} { ${ANSWERED_MARK} ${figure} { low high estimate } }`);
  return `organisations { ${fragments.join(' ')} }`;
}

const REGISTRY_TYPES = (config: FederationConfig) => `
"""
Sums over organisations of kind UNION only. low sums the lows (a missing low counts 0); high is null
when any reporting union has no high; missing lists unions whose sources give no figure; unavailable
lists unions whose subgraph did not answer (never counted as 0 silently); estimate is true when any
summed figure is an estimate.
"""
type Total {
  low: Int!
  high: Int
  "Unions whose figure is summed."
  reporting: Int!
  missing: [ID!]!
  unavailable: [ID!]!
  estimate: Boolean!
}

"The unions of one country (or all), side by side, with totals computed live from each union's subgraph."
type Comparison @key(fields: "id") {
  "The country compared, or ALL."
  id: ID!
  country: Country
  "The unions compared (organisations of kind UNION)."
  organisations: [Organisation]!
  leaderMemberCount: Total! @requires(fields: "${requiresSelection(config, 'leaderMemberCount')}")
  memberCount: Total! @requires(fields: "${requiresSelection(config, 'memberCount')}")
}

type Query {
  "Every organisation in the federation, each resolved by its own subgraph. An item is null when its subgraph is unavailable."
  organisations(country: Country, kind: OrganisationKind): [Organisation]!
  "One organisation by id; null when there is none."
  organisation(id: ID!): Organisation
  "The unions of a country (or all) side by side, with totals."
  comparison(country: Country): Comparison!
  "Shared indicators for dashboards: per country and overall, and per organisation through its indicators field."
  indicators: Indicators!
}
${indicatorsSdl(config)}`;

/**
 * The registry subgraph, generated from the federation config: the contract's interface and value
 * types, one entity type per subgraph implementing the interface (its fields external: they are
 * resolved where the organisation lives), and the registry's own Query and Comparison.
 */
export function registrySdl(config: FederationConfig, contract: string = readFileSync(CONTRACT_PATH, 'utf8')): string {
  const document = parse(contract);
  const contractDefinitions = document.definitions.filter((d) => d.kind !== Kind.SCHEMA_EXTENSION);
  const organisation = contractDefinitions.find(
    (d): d is InterfaceTypeDefinitionNode => d.kind === Kind.INTERFACE_TYPE_DEFINITION && d.name.value === 'Organisation',
  );
  if (!organisation) throw new Error('contract.graphql has no interface Organisation');

  const organisationTypes: DefinitionNode[] = config.subgraphs.map((subgraph) => ({
    kind: Kind.OBJECT_TYPE_DEFINITION,
    name: { kind: Kind.NAME, value: subgraph.typeName },
    description: { kind: Kind.STRING, value: `Organisations served by the ${subgraph.name} subgraph.` },
    interfaces: [{ kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'Organisation' } }],
    directives: organisation.directives,
    fields: (organisation.fields ?? []).map((field) => (field.name.value === 'id' ? field : externalField(field))),
  }));

  const body = print({ kind: Kind.DOCUMENT, definitions: [...contractDefinitions, ...organisationTypes] });
  return `# Generated from gateway/federation.config.json and the contract: do not edit.\n${HEADER}\n\n${body}\n${REGISTRY_TYPES(config)}`;
}

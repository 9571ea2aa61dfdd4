import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';
import { allOrganisations, type Country, type FederationConfig, type OrganisationKind } from '../config';
import { indicatorsResolvers } from './indicators';
import { ANSWERED_MARK, registrySdl, TOTALLED_FIGURES } from './registrySdl';
import { total, type FigureBounds } from './totals';

interface OrganisationReference {
  __typename: string;
  id: string;
}

type RequiredOrganisation = Partial<Record<(typeof TOTALLED_FIGURES)[number], FigureBounds | null>> & {
  [ANSWERED_MARK]?: string;
};

interface ComparisonRepresentation {
  id: string;
  organisations?: (RequiredOrganisation | null)[];
}

const ALL = 'ALL';

/** The registry's resolvers: everything it answers comes from the config, the figures from @requires. */
export function registryResolvers(config: FederationConfig) {
  const organisations = allOrganisations(config);
  const byId = new Map(organisations.map((org) => [org.id, org]));
  const reference = (org: (typeof organisations)[number]): OrganisationReference => ({ __typename: org.typeName, id: org.id });
  // The order of this list is the order of the @requires data the gateway sends back.
  const unionsOf = (comparisonId: string) =>
    organisations.filter((org) => org.kind === 'UNION' && (comparisonId === ALL || org.country === comparisonId));

  const figureTotal = (figure: (typeof TOTALLED_FIGURES)[number]) => (comparison: ComparisonRepresentation) => {
    const unions = unionsOf(comparison.id);
    const required = comparison.organisations ?? [];
    return total(
      unions.map((org, index) => {
        const entry = required[index];
        // The mark says the union's subgraph answered; then an absent figure is one it did not
        // report (a router may leave nulls out), while without the mark the subgraph failed.
        const answered = typeof entry?.[ANSWERED_MARK] === 'string';
        return { id: org.id, figure: answered ? entry?.[figure] ?? null : undefined };
      }),
    );
  };

  const indicators = indicatorsResolvers(config);
  return {
    ...indicators,
    Query: {
      ...indicators.Query,
      organisations: (_: unknown, args: { country?: Country | null; kind?: OrganisationKind | null }) =>
        organisations
          .filter((org) => (!args.country || org.country === args.country) && (!args.kind || org.kind === args.kind))
          .map(reference),
      organisation: (_: unknown, args: { id: string }) => {
        const org = byId.get(args.id);
        return org ? reference(org) : null;
      },
      comparison: (_: unknown, args: { country?: Country | null }) => ({ id: args.country ?? ALL }),
    },
    Organisation: {
      // Subgraphs that extend every organisation (@interfaceObject) return bare { id } references;
      // the gateway asks the registry which concrete type, and so which subgraph, each id has.
      __resolveReference: (representation: { id: string }) => {
        const org = byId.get(representation.id);
        return org ? reference(org) : null;
      },
      __resolveType: (org: OrganisationReference) => org.__typename,
    },
    Comparison: {
      __resolveReference: (representation: ComparisonRepresentation) => representation,
      country: (comparison: ComparisonRepresentation) => (comparison.id === ALL ? null : comparison.id),
      organisations: (comparison: ComparisonRepresentation) => unionsOf(comparison.id).map(reference),
      leaderMemberCount: figureTotal('leaderMemberCount'),
      memberCount: figureTotal('memberCount'),
    },
  };
}

export function buildRegistrySchema(config: FederationConfig, sdl: string = registrySdl(config)): GraphQLSchema {
  return buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers: registryResolvers(config) as never }]);
}

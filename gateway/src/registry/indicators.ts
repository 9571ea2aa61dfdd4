import { allOrganisations, type Country, type FederationConfig } from '../config';
import { total, type FigureBounds, type Total } from './totals';

/** What each organisation type gives the registry's country indicators (the generated @requires). */
const REQUIRED_INDICATORS =
  'indicators { leaderMemberCount { low high estimate } memberCount { low high estimate } registerLeaderMemberCount councilCount forumCount }';

/** `organisations { ... on Lederne { indicators { ... } } ... }`, one fragment per subgraph type. */
export function indicatorsRequiresSelection(config: FederationConfig): string {
  return `organisations { ${config.subgraphs.map((s) => `... on ${s.typeName} { ${REQUIRED_INDICATORS} }`).join(' ')} }`;
}

export const COUNTRIES: readonly Country[] = ['NO', 'SE', 'DK'];
const ALL = 'ALL';

export function indicatorsSdl(config: FederationConfig): string {
  return `
"Shared indicators for dashboards, each computed live when asked and stamped with when."
type Indicators {
  "When the registry computed this answer."
  computedAt: DateTimeISO!
  "One entry per country, in the order NO, SE, DK."
  countries: [CountryIndicators!]!
  "Every union of the federation together."
  overall: CountryIndicators!
  "Every organisation (unions, confederations, the secretariat), in the federation config's order."
  organisations: [OrganisationEntry!]!
}

"An organisation as the federation config lists it, known even when its subgraph is down."
type OrganisationEntry {
  id: ID!
  country: Country!
  kind: OrganisationKind!
  "The organisation from its own subgraph (ask it for indicators); null when that subgraph is unavailable."
  organisation: Organisation
}

"""
The unions of one country (or all): reported figures summed as ranges (see Total), register and
structure counts, and the share of unions whose sources report a leader-member figure.
"""
type CountryIndicators @key(fields: "id") {
  "NO, SE, DK or ALL."
  id: ID!
  country: Country
  "Unions (organisations of kind UNION) counted."
  unions: Int!
  organisations: [Organisation]!
  leaderMemberCount: Total! @requires(fields: "${indicatorsRequiresSelection(config)}")
  memberCount: Total! @requires(fields: "${indicatorsRequiresSelection(config)}")
  "Leader members in the unions' registers now; unions whose subgraph is unavailable are not counted (see unavailable), nor registers smaller than the suppression threshold (each shown as fewer than N on its organisation), so that none can be worked out."
  registerLeaderMemberCount: Int! @requires(fields: "${indicatorsRequiresSelection(config)}")
  "Governing bodies the sources describe, over the unions that answered."
  councilCount: Int! @requires(fields: "${indicatorsRequiresSelection(config)}")
  "Forums and networks the sources describe, over the unions that answered."
  forumCount: Int! @requires(fields: "${indicatorsRequiresSelection(config)}")
  "Unions reporting a leader-member figure ÷ unions, 0 to 1; unions whose subgraph is unavailable count as not reporting."
  reportingShare: Float! @requires(fields: "${indicatorsRequiresSelection(config)}")
  "Unions whose subgraph did not answer: their numbers are missing from every count above."
  unavailable: [ID!]! @requires(fields: "${indicatorsRequiresSelection(config)}")
  computedAt: DateTimeISO!
}
`;
}

/** Nullable fields are optional: a router may leave a null out of the representation. */
export interface RequiredIndicators {
  leaderMemberCount?: FigureBounds | null;
  memberCount?: FigureBounds | null;
  registerLeaderMemberCount?: number | null;
  councilCount: number;
  forumCount: number;
}

export interface CountryRepresentation {
  id: string;
  organisations?: ({ indicators?: RequiredIndicators } | null)[];
}

/** Resolvers of Indicators, CountryIndicators and Query.indicators. */
export function indicatorsResolvers(config: FederationConfig) {
  const organisations = allOrganisations(config);
  const reference = (org: (typeof organisations)[number]) => ({ __typename: org.typeName, id: org.id });
  // The order of this list is the order of the @requires data the gateway sends back.
  const unionsOf = (id: string) => organisations.filter((org) => org.kind === 'UNION' && (id === ALL || org.country === id));
  /** Each union with its indicators, or undefined when its subgraph did not answer. */
  const answers = (country: CountryRepresentation) =>
    unionsOf(country.id).map((org, index) => ({ id: org.id, indicators: country.organisations?.[index]?.indicators }));
  const sum = (country: CountryRepresentation, pick: (indicators: RequiredIndicators) => number | null | undefined) =>
    answers(country).reduce((acc, { indicators }) => acc + (indicators ? pick(indicators) ?? 0 : 0), 0);
  const figureTotal = (figure: 'leaderMemberCount' | 'memberCount') => (country: CountryRepresentation): Total =>
    // `indicators` is non-null where the subgraph answered; a null figure inside it may be left out
    // of the representation by a router (Hive Gateway does), and is as unreported as a null one.
    total(answers(country).map(({ id, indicators }) => ({ id, figure: indicators ? indicators[figure] ?? null : undefined })));

  return {
    Query: {
      indicators: () => ({ computedAt: new Date().toISOString() }),
    },
    Indicators: {
      countries: () => COUNTRIES.map((id) => ({ id })),
      overall: () => ({ id: ALL }),
      organisations: () => organisations.map((org) => ({ id: org.id, country: org.country, kind: org.kind, organisation: reference(org) })),
    },
    CountryIndicators: {
      __resolveReference: (representation: CountryRepresentation) => representation,
      country: (country: CountryRepresentation) => (country.id === ALL ? null : country.id),
      unions: (country: CountryRepresentation) => unionsOf(country.id).length,
      organisations: (country: CountryRepresentation) => unionsOf(country.id).map(reference),
      leaderMemberCount: figureTotal('leaderMemberCount'),
      memberCount: figureTotal('memberCount'),
      registerLeaderMemberCount: (country: CountryRepresentation) => sum(country, (i) => i.registerLeaderMemberCount),
      councilCount: (country: CountryRepresentation) => sum(country, (i) => i.councilCount),
      forumCount: (country: CountryRepresentation) => sum(country, (i) => i.forumCount),
      reportingShare: (country: CountryRepresentation) => {
        const unions = unionsOf(country.id).length;
        return unions ? figureTotal('leaderMemberCount')(country).reporting / unions : 0;
      },
      unavailable: (country: CountryRepresentation) => answers(country).filter((a) => !a.indicators).map((a) => a.id),
      computedAt: () => new Date().toISOString(),
    },
  };
}

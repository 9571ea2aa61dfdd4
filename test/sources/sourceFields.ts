import type { TestFederation } from '../harness/federation';

/** What a reader of the sources asks for: every field of an organisation that holds a fact of organisations.json. */
export const S = 'document quote';
export const FIGURE = `low high approximate estimate qualifier unit scope label note source { ${S} }`;
export const STATEMENT = `english items sources { ${S} }`;

export const ORGANISATION_FIELDS = `
  id name displayName country kind parentId
  memberCount { ${FIGURE} } leaderMemberCount { ${FIGURE} }
  branchCounts { kind originalTerm count { ${FIGURE} } }
  councils {
    id name kind role meetingFrequency electedBy term size { ${FIGURE} } seats { role originalTitle count }
    members { role originalTitle name source { ${S} } } sources { ${S} }
    participants agenda elects reportsTo audience levels statutory status
  }
  forums {
    id name kind levels audience sources { ${S} } participantCount { ${FIGURE} }
    participants partOf cardinality status meetingFrequency focusAreas ends
  }
  branches { id name kind sector memberCount { ${FIGURE} } status source { ${S} } }
  sections { id name abbreviation kind source { ${S} } }
  parentSource { ${S} } countryBasis { basis note source { ${S} } } leaderMemberCountCaption { ${S} } leaderMemberCountTableRow
  leaderMemberCountAlternatives { ${FIGURE} } otherFigures { ${FIGURE} }
  scope { ${STATEMENT} } tagline { ${STATEMENT} } vision { ${STATEMENT} }
  officers { role originalTitle electedBy note source { ${S} } }
  representativeRules {
    originalTerm decidedBy
    clauses { key english sources { ${S} } }
    exceptions { grantedBy conditions sources { ${S} } }
    sources { ${S} }
  }
  workplaceGroups { id originalTerm representative belongsTo mainTask scopeRule count { ${FIGURE} } minimumMembers { ${FIGURE} } sources { ${S} } }
  unitGroups {
    id originalTerm unitType kind composition membershipRule fees work count { ${FIGURE} }
    board { originalTerm electedBy frequency deadline } meeting { originalTerm electedBy frequency deadline } sources { ${S} }
  }
  levels { level originalTerm }
  secretariat {
    originalTerm ledBy staffCount { ${FIGURE} } offices { city english }
    staffUnits { originalTerm count { ${FIGURE} } names sources { ${S} } } units sources { ${S} }
  }
  membershipBenefits { ${STATEMENT} }
  membershipFee { rate rateUnit appliesTo extras students sources { ${S} } }
  policyDocuments { name documentType source { ${S} } }
  initiatives { name period goals sources { ${S} } }
  policyPositions { ${STATEMENT} } representationRule { ${STATEMENT} } leaderRegistration { ${STATEMENT} }
  leaderDefinition { ${STATEMENT} } leaderOrganisationPattern { ${STATEMENT} } affiliateLeaderServices { ${STATEMENT} }
  affiliates { organisations { organisationId note } note sources { ${S} } }
  cooperationRoles { cooperationId role english source { ${S} } }
  authorship { ${STATEMENT} }
  curatorNotes { field english }
  sourceDocuments { document language organisationId about }
  decisions {
    id congress motionNumber origin title clauses status originalStatus statusNote deadline outcome
    activities { text state } remainingParts sources { ${S} }
  }
`;

export const WORK_GROUP_FIELDS = `
  id name purpose sources { ${S} } secretariat { id } supportedBy { id }
  participations { organisation { id } role basis source { ${S} } }
  topics { id title source { ${S} } }
  meetingRhythm { kind description participants purpose frequency { ${FIGURE} } source { ${S} } }
`;

export interface SourcesAnswer {
  /** Each organisation's answer, by id. */
  organisations: Map<string, Record<string, unknown>>;
  workGroups: Record<string, unknown>[];
}

/**
 * Every organisation's facts, one organisation a request, as a reader of the sources would ask: every
 * fact of all thirteen in one request is over the default cost limit, which is what the limit is for.
 */
export async function readSources(federation: TestFederation): Promise<SourcesAnswer> {
  const { data, errors } = await federation.query(`{ organisations { id } workGroups { ${WORK_GROUP_FIELDS} } }`);
  expect(errors).toBeUndefined();
  const organisations = new Map<string, Record<string, unknown>>();
  for (const { id } of data.organisations as { id: string }[]) {
    const one = await federation.query(`query ($id: ID!) { organisation(id: $id) { ${ORGANISATION_FIELDS} } }`, { id });
    expect(one.errors).toBeUndefined();
    organisations.set(id, one.data.organisation);
  }
  return { organisations, workGroups: data.workGroups };
}

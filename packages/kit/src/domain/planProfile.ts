import type {
  FigureData, ProfileData, SourceData, StatementData, UnitGroupData, WorkplaceGroupData,
} from '../db/entities';
import type { DomainDocument, DomainLabelledFigure, DomainOrganisation, DomainSource, DomainStatement } from './types';

/** Fields of an organisation (and of its kinds of units) that hold only a curator's note, no quote. */
const NOTE_FIELDS: Record<string, string> = {
  parentNote: 'parentId',
  memberCountNote: 'memberCount',
  leaderMemberCountNote: 'leaderMemberCount',
  forumsNote: 'forums',
  sectionsNote: 'sections',
  governingBodiesNote: 'councils',
  congressDecisionsNote: 'congressDecisions',
  note: 'organisation',
  ambiguity: 'leaderMemberCount',
};

/** A council's remarks (governingBodies[] in the file), each about a field of the council. */
const COUNCIL_NOTE_FIELDS: Record<string, string | null> = {
  membersNote: 'members',
  meetingFrequencyNote: 'meetingFrequency',
  statusNote: 'status',
  note: null,
};

const source = (value: DomainSource | null | undefined): SourceData | null =>
  value ? { document: value.file, quote: value.quote } : null;

const sources = (values: (DomainSource | undefined)[] | undefined): SourceData[] =>
  (values ?? []).flatMap((value) => (value ? [source(value)!] : []));

type FigureMapper = (figure: DomainLabelledFigure['value'] | null | undefined, label?: string | null) => FigureData | null;

function statement(value: DomainStatement | null | undefined): StatementData | null {
  if (!value) return null;
  return {
    english: value.summary ?? value.text ?? null,
    items: value.items ?? [],
    sources: sources([value.source, ...(value.evidence ?? [])]),
  };
}

const labelled = (toFigure: FigureMapper) => (figures: DomainLabelledFigure[] | undefined): FigureData[] =>
  (figures ?? []).map((figure) => toFigure(figure.value, figure.label ?? figure.text ?? null)!);

/**
 * Everything else organisations.json says about one organisation, as stored. The curator's English goes
 * to `english`-like fields, the quotes to `sources`; nothing the file does not hold is filled in.
 */
/** Every document file the organisation's facts quote, in the order the file first quotes each. */
function quotedDocuments(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => quotedDocuments(item, into));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.file === 'string' && typeof record.quote === 'string') into.add(record.file);
    Object.values(record).forEach((child) => quotedDocuments(child, into));
  }
  return into;
}

export function planProfile(
  org: DomainOrganisation,
  toFigure: FigureMapper,
  documents: Readonly<Record<string, DomainDocument>> = {},
): ProfileData {
  const unitGroups: UnitGroupData[] = [];
  const workplaceGroups: WorkplaceGroupData[] = [];
  const curatorNotes: ProfileData['curatorNotes'] = [];
  const record = org as unknown as Record<string, unknown>;
  for (const [key, field] of Object.entries(NOTE_FIELDS)) {
    if (typeof record[key] === 'string') curatorNotes.push({ field, english: record[key] as string });
  }

  for (const body of org.governingBodies ?? []) {
    const remarks = body as unknown as Record<string, unknown>;
    for (const [key, field] of Object.entries(COUNCIL_NOTE_FIELDS)) {
      const english = remarks[key];
      if (typeof english === 'string') curatorNotes.push({ field: field ? `councils.${body.id}.${field}` : `councils.${body.id}`, english });
    }
  }

  for (const section of org.sections ?? []) {
    const common = { id: section.id, originalTerm: section.name, count: toFigure(section.count), sources: sources(section.evidence) };
    if (section.schemaType === 'WorkplaceGroup') {
      workplaceGroups.push({
        ...common,
        minimumMembers: toFigure(section.minimumMembers),
        representative: section.representative ?? null,
        belongsTo: section.belongsTo ?? null,
        mainTask: section.mainTask ?? null,
        scopeRule: section.scopeRule ?? null,
      });
    } else {
      unitGroups.push({
        ...common,
        unitType: section.schemaType === 'Branch' ? 'BRANCH' : 'SECTION',
        kind: section.kind ?? null,
        composition: section.members ?? null,
        membershipRule: section.membershipRule ?? null,
        fees: section.fees ?? null,
        work: section.work ?? null,
        board: section.branchBoard
          ? { originalTerm: section.branchBoard.name, electedBy: section.branchBoard.electedBy ?? null, frequency: null, deadline: null }
          : null,
        meeting: section.branchMeeting
          ? {
              originalTerm: section.branchMeeting.name,
              electedBy: null,
              frequency: section.branchMeeting.frequency ?? null,
              deadline: section.branchMeeting.deadline ?? null,
            }
          : null,
      });
    }
    const prefix = section.schemaType === 'WorkplaceGroup' ? 'workplaceGroups' : 'unitGroups';
    for (const note of [section.countNote, section.note]) {
      if (note) curatorNotes.push({ field: `${prefix}.${section.id}`, english: note });
    }
  }

  const rules = org.representativeRules;
  const secretariat = org.secretariat;
  const fee = org.membershipFee;
  const affiliateIds: { id: string; note?: string }[] = org.affiliates ?? (org.affiliatesWithLeaderMembers ?? []).map((id) => ({ id }));
  return {
    parentSource: source(org.parent?.source),
    countryBasis: org.countryBasis
      ? { basis: org.countryBasis.basis, source: source(org.countryBasis.source), note: org.countryBasis.note ?? null }
      : null,
    leaderMemberCountCaption: source(org.leaderMemberCountCaption),
    leaderMemberCountTableRow: org.tableRowOrder ?? null,
    leaderMemberCountAlternatives: labelled(toFigure)(org.leaderMemberCountAlternatives),
    otherFigures: labelled(toFigure)(org.otherNumbers),
    scope: statement(org.scope),
    tagline: statement(org.tagline),
    vision: statement(org.vision),
    officers: (org.officers ?? []).map((officer) => ({
      role: officer.role,
      originalTitle: officer.originalTitle,
      electedBy: officer.electedBy ?? null,
      note: officer.note ?? null,
      source: source(officer.source),
    })),
    representativeRules: rules
      ? [{
          originalTerm: rules.originalTerm,
          decidedBy: rules.decidedBy ?? null,
          clauses: (rules.principles ?? []).map((clause) => ({
            key: clause.key ?? null,
            english: clause.text ?? null,
            sources: sources([clause.source]),
          })),
          exceptions: rules.multiOrgNumberMandate
            ? [{
                grantedBy: rules.multiOrgNumberMandate.grantedBy ?? null,
                conditions: rules.multiOrgNumberMandate.conditions ?? [],
                sources: sources(rules.multiOrgNumberMandate.evidence),
              }]
            : [],
          sources: sources(rules.evidence),
        }]
      : [],
    workplaceGroups,
    unitGroups,
    levels: org.levels ?? [],
    secretariat: secretariat
      ? {
          originalTerm: secretariat.originalTerm,
          ledBy: secretariat.ledBy ?? null,
          staffCount: toFigure(secretariat.staffCount),
          offices: (secretariat.offices ?? []).map((office) => ({ city: office.city, english: office.type })),
          staffUnits: secretariat.staffUnits
            ? {
                originalTerm: secretariat.staffUnits.originalTerm,
                count: toFigure(secretariat.staffUnits.count),
                names: secretariat.staffUnits.names ?? [],
                sources: sources(secretariat.staffUnits.evidence),
              }
            : null,
          units: secretariat.units ?? [],
          sources: sources(secretariat.evidence),
        }
      : null,
    membershipBenefits: (org.membershipBenefits ?? []).map((benefit) => statement(benefit)!),
    membershipFee: fee
      ? {
          rate: fee.rate?.value ?? null,
          rateUnit: fee.rate?.unit ?? null,
          appliesTo: fee.rate?.appliesTo ?? null,
          extras: fee.extras ?? [],
          students: fee.students ?? null,
          sources: sources(fee.evidence),
        }
      : null,
    policyDocuments: (org.policyDocuments ?? []).map((document) => ({
      name: document.name,
      documentType: document.schemaType === 'Statutes' ? 'STATUTES' : 'POLICY_DOCUMENT',
      source: source(document.source),
    })),
    initiatives: (org.initiatives ?? []).map((initiative) => ({
      name: initiative.name,
      period: initiative.period ?? null,
      goals: initiative.goals ?? (initiative.goal ? [initiative.goal] : []),
      sources: sources(initiative.evidence),
    })),
    policyPositions: statement(org.policyPositions),
    representationRule: statement(org.representationRule),
    leaderRegistration: statement(org.leaderRegistration),
    leaderDefinition: statement(org.leaderDefinition),
    leaderOrganisationPattern: statement(org.leaderOrganisationPattern),
    affiliateLeaderServices: statement(org.typicalLeaderServicesOfAffiliates),
    affiliates: affiliateIds.length || org.affiliatesEvidence
      ? {
          organisations: affiliateIds.map((affiliate) => ({ organisationId: affiliate.id, note: affiliate.note ?? null })),
          note: org.affiliatesNote ?? null,
          sources: sources(org.affiliatesEvidence),
        }
      : null,
    cooperationRoles: (org.roles ?? []).map((role) => ({
      cooperationId: role.cooperation,
      role: role.role,
      english: role.text ?? null,
      source: source(role.source),
    })),
    authorship: statement(org.workGroup),
    curatorNotes,
    sourceDocuments: [...quotedDocuments(org)].map((document) => ({
      document,
      language: documents[document]?.language ?? null,
      organisationId: documents[document]?.organisation ?? null,
      about: documents[document]?.what ?? null,
    })),
  };
}

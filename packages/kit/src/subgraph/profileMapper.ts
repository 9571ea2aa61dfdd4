import type { FigureData, ProfileData, SourceData, StatementData } from '../db/entities';
import type { Figure, Level, OrganisationFields, Role, Source, Statement } from '@nlf/contract';

/** The profile part of an organisation: what the sources say beyond figures and bodies. */
export type ProfileFields = Pick<
  OrganisationFields,
  | 'parentSource' | 'countryBasis' | 'leaderMemberCountCaption' | 'leaderMemberCountTableRow' | 'leaderMemberCountAlternatives' | 'otherFigures' | 'scope'
  | 'tagline' | 'vision' | 'officers' | 'representativeRules' | 'workplaceGroups' | 'unitGroups' | 'levels' | 'secretariat'
  | 'membershipBenefits' | 'membershipFee' | 'policyDocuments' | 'initiatives' | 'policyPositions' | 'representationRule'
  | 'leaderRegistration' | 'leaderDefinition' | 'leaderOrganisationPattern' | 'affiliateLeaderServices' | 'affiliates'
  | 'cooperationRoles' | 'authorship' | 'curatorNotes' | 'sourceDocuments'
>;

type SourceMapper = (source: SourceData | null) => Source | null;
type FigureMapper = (figure: FigureData | null) => Figure | null;

/** A row seeded before the profile existed answers as if the sources said nothing more. */
const EMPTY: ProfileData = {
  parentSource: null, countryBasis: null, leaderMemberCountCaption: null, leaderMemberCountAlternatives: [], otherFigures: [],
  scope: null, tagline: null, vision: null, officers: [], representativeRules: [], workplaceGroups: [], unitGroups: [], levels: [],
  secretariat: null, membershipBenefits: [], membershipFee: null, policyDocuments: [], initiatives: [], policyPositions: null,
  representationRule: null, leaderRegistration: null, leaderDefinition: null, leaderOrganisationPattern: null,
  affiliateLeaderServices: null, affiliates: null, cooperationRoles: [], authorship: null, curatorNotes: [],
};

export function toProfileFields(stored: ProfileData | null, toSource: SourceMapper, toFigure: FigureMapper): ProfileFields {
  const profile = stored ?? EMPTY;
  const all = (list: SourceData[]): Source[] => list.map((source) => toSource(source)!);
  const figures = (list: FigureData[]): Figure[] => list.map((figure) => toFigure(figure)!);
  const statement = (value: StatementData | null): Statement | null =>
    value ? { english: value.english, items: value.items, sources: all(value.sources) } : null;
  const { secretariat, membershipFee, affiliates, countryBasis } = profile;
  return {
    parentSource: toSource(profile.parentSource),
    countryBasis: countryBasis
      ? { basis: countryBasis.basis, source: toSource(countryBasis.source), note: countryBasis.note ?? null }
      : null,
    leaderMemberCountCaption: toSource(profile.leaderMemberCountCaption),
    leaderMemberCountTableRow: profile.leaderMemberCountTableRow ?? null,
    leaderMemberCountAlternatives: figures(profile.leaderMemberCountAlternatives),
    otherFigures: figures(profile.otherFigures),
    scope: statement(profile.scope),
    tagline: statement(profile.tagline),
    vision: statement(profile.vision),
    officers: profile.officers.map((officer) => ({ ...officer, role: officer.role as Role, source: toSource(officer.source) })),
    representativeRules: profile.representativeRules.map((rules) => ({
      ...rules,
      clauses: rules.clauses.map((clause) => ({ ...clause, sources: all(clause.sources) })),
      exceptions: rules.exceptions.map((exception) => ({ ...exception, sources: all(exception.sources) })),
      sources: all(rules.sources),
    })),
    workplaceGroups: profile.workplaceGroups.map((group) => ({
      ...group,
      count: toFigure(group.count),
      minimumMembers: toFigure(group.minimumMembers),
      sources: all(group.sources),
    })),
    unitGroups: profile.unitGroups.map((group) => ({
      ...group, kind: group.kind ?? null, count: toFigure(group.count), sources: all(group.sources),
    })),
    levels: profile.levels.map((level) => ({ level: level.level as Level, originalTerm: level.originalTerm })),
    secretariat: secretariat
      ? {
          ...secretariat,
          staffCount: toFigure(secretariat.staffCount),
          staffUnits: secretariat.staffUnits
            ? { ...secretariat.staffUnits, count: toFigure(secretariat.staffUnits.count), sources: all(secretariat.staffUnits.sources) }
            : null,
          sources: all(secretariat.sources),
        }
      : null,
    membershipBenefits: profile.membershipBenefits.map((benefit) => statement(benefit)!),
    membershipFee: membershipFee ? { ...membershipFee, sources: all(membershipFee.sources) } : null,
    policyDocuments: profile.policyDocuments.map((document) => ({ ...document, source: toSource(document.source) })),
    initiatives: profile.initiatives.map((initiative) => ({ ...initiative, sources: all(initiative.sources) })),
    policyPositions: statement(profile.policyPositions),
    representationRule: statement(profile.representationRule),
    leaderRegistration: statement(profile.leaderRegistration),
    leaderDefinition: statement(profile.leaderDefinition),
    leaderOrganisationPattern: statement(profile.leaderOrganisationPattern),
    affiliateLeaderServices: statement(profile.affiliateLeaderServices),
    affiliates: affiliates ? { ...affiliates, sources: all(affiliates.sources) } : null,
    cooperationRoles: profile.cooperationRoles.map((role) => ({ ...role, source: toSource(role.source) })),
    authorship: statement(profile.authorship),
    curatorNotes: profile.curatorNotes,
    sourceDocuments: profile.sourceDocuments ?? [],
  };
}

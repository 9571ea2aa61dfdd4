import type {
  BranchCountData, BranchRow, CouncilMemberRow, CouncilRow, FigureData, ForumRow, LeaderMemberRow, OrganisationRow,
  SectionRow, SourceData,
} from '../db/entities';
import type {
  Branch, BranchCount, BranchKind, Council, CouncilKind, CouncilMember, Country, Figure, Forum, ForumKind, LeaderMember,
  Level, OrganisationFields, OrganisationKind, Role, Section, SectionKind, Seat, Source,
} from '@nlf/contract';
import { toProfileFields } from './profileMapper';

/** Database rows → contract objects. Enum columns are checked by the database; here they are only retyped. */
export function toContractSource(source: SourceData | null): Source | null {
  return source ? { document: source.document, quote: source.quote } : null;
}

export function toContractFigure(figure: FigureData | null): Figure | null {
  if (!figure) return null;
  return { ...figure, source: toContractSource(figure.source) };
}

function toBranchCount(count: BranchCountData): BranchCount {
  return { kind: count.kind as BranchKind | null, originalTerm: count.originalTerm, count: toContractFigure(count.count)! };
}

export function toOrganisation(row: OrganisationRow): OrganisationFields {
  return {
    id: row.id,
    name: row.name,
    displayName: row.displayName,
    country: row.country as Country,
    kind: row.kind as OrganisationKind,
    parentId: row.parentId,
    memberCount: toContractFigure(row.memberCount),
    leaderMemberCount: toContractFigure(row.leaderMemberCount),
    branchCounts: row.branchCounts.map(toBranchCount),
    ...toProfileFields(row.profile, toContractSource, toContractFigure),
  };
}

/** Members are resolved by their own field resolver (batched), so they are left empty here. */
export function toCouncil(row: CouncilRow): Council {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as CouncilKind,
    role: row.role,
    meetingFrequency: row.meetingFrequency,
    electedBy: row.electedBy,
    term: row.term,
    size: toContractFigure(row.size),
    seats: row.seats.map((seat): Seat => ({ role: seat.role as Role, originalTitle: seat.originalTitle, count: seat.count })),
    members: [],
    sources: row.sources.map((source) => toContractSource(source)!),
    participants: row.participants ?? null,
    agenda: row.agenda ?? null,
    elects: row.elects ?? [],
    reportsTo: row.reportsTo ?? null,
    audience: row.audience ?? null,
    levels: (row.levels ?? []) as Level[],
    statutory: row.statutory ?? null,
    status: row.status ?? null,
  };
}

export function toCouncilMember(row: CouncilMemberRow): CouncilMember {
  return { role: row.role as Role, originalTitle: row.originalTitle, name: row.name, source: toContractSource(row.source) };
}

export function toForum(row: ForumRow): Forum {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as ForumKind,
    levels: row.levels as Level[],
    audience: row.audience,
    sources: row.sources.map((source) => toContractSource(source)!),
    participantCount: toContractFigure(row.participantCount ?? null),
    participants: row.participants ?? null,
    partOf: row.partOf ?? null,
    cardinality: row.cardinality ?? null,
    status: row.status ?? null,
    meetingFrequency: row.meetingFrequency ?? null,
    focusAreas: row.focusAreas ?? [],
    ends: row.ends ?? null,
  };
}

export function toBranch(row: BranchRow): Branch {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as BranchKind,
    sector: row.sector,
    memberCount: toContractFigure(row.memberCount),
    status: row.status,
    source: toContractSource(row.source),
  };
}

export function toSection(row: SectionRow): Section {
  return {
    id: row.id,
    name: row.name,
    abbreviation: row.abbreviation,
    kind: row.kind as SectionKind,
    source: toContractSource(row.source),
  };
}

export function toLeaderMember(row: LeaderMemberRow): LeaderMember {
  return {
    id: row.id,
    givenName: row.givenName,
    familyName: row.familyName,
    title: row.title,
    region: row.region,
    joinedOn: row.joinedOn,
    synthetic: row.synthetic,
  };
}

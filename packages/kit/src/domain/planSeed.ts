import type {
  BranchCountData, BranchRow, CouncilMemberRow, CouncilRow, FigureData, ForumRow, OrganisationRow, SectionRow, SourceData,
} from '../db/entities';
import { planProfile } from './planProfile';
import type { DomainDocument, DomainFigure, DomainOrganisation, DomainSource } from './types';

/** The rows one organisation of organisations.json becomes. */
export interface OrganisationSeed {
  organisation: OrganisationRow;
  councils: CouncilRow[];
  councilMembers: CouncilMemberRow[];
  forums: ForumRow[];
  branches: BranchRow[];
  sections: SectionRow[];
}

export function toSource(source: DomainSource | null | undefined): SourceData | null {
  return source ? { document: source.file, quote: source.quote } : null;
}

export function toFigure(figure: DomainFigure | null | undefined, label: string | null = null): FigureData | null {
  if (!figure) return null;
  return {
    label,
    note: figure.note ?? null,
    low: figure.low,
    high: figure.high,
    approximate: figure.approximate,
    estimate: figure.estimate,
    qualifier: figure.qualifier ?? null,
    scope: figure.scope ?? null,
    unit: figure.unit ?? null,
    source: toSource(figure.source),
  };
}

function asList<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * Maps one organisation as the sources describe it to rows. Nothing is invented: where a source
 * gives only a count (Lederne's 13 geographic branches), the count is kept and no rows are made.
 */
export function planSeed(org: DomainOrganisation, documents: Readonly<Record<string, DomainDocument>> = {}): OrganisationSeed {
  const sections = org.sections ?? [];
  const branchCounts: BranchCountData[] = [];
  const branches: BranchRow[] = [];
  const sectionRows: SectionRow[] = [];

  for (const section of sections) {
    if (section.schemaType === 'Branch') {
      if (section.count) {
        branchCounts.push({ kind: section.kind ?? null, originalTerm: section.name, count: toFigure(section.count)! });
      }
      for (const byKind of section.byKind ?? []) {
        branchCounts.push({ kind: byKind.kind, originalTerm: byKind.originalTerm, count: toFigure(byKind.count)! });
      }
      for (const item of section.items ?? []) {
        branches.push({
          id: item.id,
          organisationId: org.id,
          position: branches.length,
          name: item.name,
          kind: section.kind ?? 'LOCAL',
          sector: item.sector ?? null,
          memberCount: toFigure(item.memberCount),
          status: item.status ?? null,
          source: toSource(item.source),
        });
      }
    } else if (section.schemaType === 'Section') {
      for (const item of section.items ?? []) {
        sectionRows.push({
          id: item.id,
          organisationId: org.id,
          position: sectionRows.length,
          name: item.name ?? item.id,
          abbreviation: item.abbreviation ?? null,
          kind: section.kind ?? 'OCCUPATIONAL',
          source: toSource(item.source),
        });
      }
    }
  }

  const councils: CouncilRow[] = [];
  const councilMembers: CouncilMemberRow[] = [];
  for (const body of org.governingBodies ?? []) {
    const evidence = body.evidence ?? [];
    councils.push({
      id: body.id,
      organisationId: org.id,
      position: councils.length,
      name: body.name,
      kind: body.kind,
      role: body.role ?? null,
      meetingFrequency: body.meetingFrequency ?? null,
      electedBy: body.electedBy ?? null,
      term: body.term ?? null,
      size: toFigure(body.size),
      seats: (body.composition ?? []).map((seat) => ({ role: seat.role, originalTitle: seat.originalTitle, count: seat.seats })),
      sources: evidence.map((source) => toSource(source)!),
      participants: body.participants ?? null,
      agenda: body.agenda ?? null,
      elects: body.elects ?? [],
      reportsTo: body.reportsTo ?? null,
      audience: body.audience ?? null,
      levels: body.levels ?? [],
      statutory: body.statutory ?? null,
      status: body.status ?? null,
    });
    (body.members ?? []).forEach((member, position) => {
      councilMembers.push({
        id: `${body.id}-${position + 1}`,
        councilId: body.id,
        position,
        role: member.role,
        originalTitle: member.originalTitle,
        name: member.name,
        // A named office-holder is kept only with the quote that names them.
        source: toSource(evidence.find((source) => source.quote.includes(member.name))),
      });
    });
  }

  const forums: ForumRow[] = (org.forums ?? []).map((forum, position) => ({
    id: forum.id,
    organisationId: org.id,
    position,
    name: forum.name,
    kind: forum.kind,
    levels: asList(forum.level),
    audience: forum.audience ?? null,
    sources: (forum.evidence ?? []).map((source) => toSource(source)!),
    // A forum's participants are a figure (with its quote) or, without a quote, the curator's words.
    participantCount: typeof forum.participants === 'object' ? toFigure(forum.participants) : null,
    participants: typeof forum.participants === 'string' ? forum.participants : null,
    partOf: forum.partOf ?? null,
    cardinality: forum.cardinality ?? null,
    status: forum.status ?? null,
    meetingFrequency: forum.meetingFrequency ?? null,
    focusAreas: forum.focusAreas ?? [],
    ends: forum.ends ?? null,
  }));

  const kind = org.kind.toUpperCase();
  return {
    organisation: {
      id: org.id,
      name: org.name,
      displayName: org.displayName ?? org.name,
      country: org.country,
      kind,
      parentId: org.parent?.id ?? null,
      memberCount: toFigure(org.memberCount),
      leaderMemberCount: toFigure(org.leaderMemberCount),
      branchCounts,
      hasRegister: kind === 'UNION',
      profile: planProfile(org, toFigure, documents),
    },
    councils,
    councilMembers,
    forums,
    branches,
    sections: sectionRows,
  };
}

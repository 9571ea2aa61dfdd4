import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@nlf/stack';
import { useTestFederation } from '../harness/federation';
import { readSources } from './sourceFields';

const federation = useTestFederation();

/**
 * Where each kind of quote of organisations.json must be found through the gateway: its path in the
 * file ([] for any index) → its path in the answer. A quote under a rule must be under that rule.
 */
const WHERE: Record<string, string[]> = {
  '.affiliatesEvidence[]': ['affiliates.sources[]'],
  '.congressDecisions[].evidence[]': ['decisions[].sources[]'],
  '.congressDecisions[].source': ['decisions[].sources[]'],
  '.cooperation.evidence[]': ['/workGroups[].sources[]'],
  '.cooperation.politicalMeetings.frequency.source': ['/workGroups[].meetingRhythm[].frequency.source'],
  '.countryBasis.source': ['countryBasis.source'],
  '.forums[].evidence[]': ['forums[].sources[]'],
  '.forums[].participants.source': ['forums[].participantCount.source'],
  '.governingBodies[].evidence[]': ['councils[].sources[]'],
  '.governingBodies[].size.source': ['councils[].size.source'],
  '.initiatives[].evidence[]': ['initiatives[].sources[]'],
  '.leaderDefinition.evidence[]': ['leaderDefinition.sources[]'],
  '.leaderMemberCount.source': ['leaderMemberCount.source'],
  '.leaderMemberCountAlternatives[].value.source': ['leaderMemberCountAlternatives[].source'],
  '.leaderMemberCountCaption': ['leaderMemberCountCaption'],
  '.leaderOrganisationPattern.evidence[]': ['leaderOrganisationPattern.sources[]'],
  '.leaderRegistration.source': ['leaderRegistration.sources[]'],
  '.memberCount.source': ['memberCount.source'],
  '.membershipBenefits[].source': ['membershipBenefits[].sources[]'],
  '.membershipFee.evidence[]': ['membershipFee.sources[]'],
  '.officers[].source': ['officers[].source'],
  '.otherNumbers[].value.source': ['otherFigures[].source'],
  '.parent.source': ['parentSource'],
  '.policyDocuments[].source': ['policyDocuments[].source'],
  '.policyPositions.evidence[]': ['policyPositions.sources[]'],
  '.representationRule.source': ['representationRule.sources[]'],
  '.representativeRules.evidence[]': ['representativeRules[].sources[]'],
  '.representativeRules.multiOrgNumberMandate.evidence[]': ['representativeRules[].exceptions[].sources[]'],
  '.representativeRules.principles[].source': ['representativeRules[].clauses[].sources[]'],
  '.roles[].source': ['cooperationRoles[].source'],
  '.scope.evidence[]': ['scope.sources[]'],
  '.secretariat.evidence[]': ['secretariat.sources[]'],
  '.secretariat.staffCount.source': ['secretariat.staffCount.source'],
  '.secretariat.staffUnits.count.source': ['secretariat.staffUnits.count.source'],
  '.secretariat.staffUnits.evidence[]': ['secretariat.staffUnits.sources[]'],
  '.sections[].byKind[].count.source': ['branchCounts[].count.source'],
  '.sections[].count.source': ['unitGroups[].count.source', 'workplaceGroups[].count.source'],
  '.sections[].evidence[]': ['unitGroups[].sources[]', 'workplaceGroups[].sources[]'],
  '.sections[].items[].memberCount.source': ['branches[].memberCount.source'],
  '.sections[].items[].source': ['branches[].source', 'sections[].source'],
  '.sections[].minimumMembers.source': ['workplaceGroups[].minimumMembers.source'],
  '.tagline.source': ['tagline.sources[]'],
  '.typicalLeaderServicesOfAffiliates.evidence[]': ['affiliateLeaderServices.sources[]'],
  '.vision.source': ['vision.sources[]'],
  '.workGroup.source': ['authorship.sources[]'],
};

interface Held {
  organisationId: string;
  path: string;
  document: string;
  quote: string;
}

const anyIndex = (path: string) => path.replace(/\[\d+\]/g, '[]');

/** Every {file, quote} of organisations.json with its path, as the services' copies hold it. */
function heldQuotes(): Held[] {
  const file = JSON.parse(readFileSync(join(REPO_ROOT, 'services', 'cooperation', 'data', 'organisations.json'), 'utf8'));
  const held: Held[] = [];
  const walk = (organisationId: string, value: unknown, path: string): void => {
    if (Array.isArray(value)) value.forEach((item, index) => walk(organisationId, item, `${path}[${index}]`));
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.quote === 'string') held.push({ organisationId, path, document: String(record.file), quote: record.quote });
      for (const [key, child] of Object.entries(record)) walk(organisationId, child, `${path}.${key}`);
    }
  };
  for (const org of file.organisations) walk(org.id, org, '');
  return held;
}

/** Every {document, quote} in an answer, with its path (indexes as []). */
function servedQuotes(value: unknown, path: string, into: { path: string; document: string; quote: string }[] = []) {
  if (Array.isArray(value)) value.forEach((item) => servedQuotes(item, `${path}[]`, into));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.quote === 'string') into.push({ path, document: String(record.document), quote: record.quote });
    for (const [key, child] of Object.entries(record)) servedQuotes(child, path ? `${path}.${key}` : key, into);
  }
  return into;
}

const normalised = (text: string) => text.replace(/-\s*\n\s*/g, '').replace(/\s+/g, ' ');

describe('every quote of organisations.json through the gateway', () => {
  let served: Map<string, { path: string; document: string; quote: string }[]>;

  beforeAll(async () => {
    const answer = await readSources(federation);
    served = new Map();
    for (const [id, organisation] of answer.organisations) served.set(id, servedQuotes(organisation, ''));
    served.set('/', servedQuotes(answer.workGroups, '/workGroups'));
  });

  it('finds all 203 distinct quotes, each at its typed field', () => {
    const held = heldQuotes();
    // 199 when the issue was filed, and the four of Utdanningsforbundet's positions on pay and reporting since.
    expect(new Set(held.map((h) => h.quote)).size).toBe(203);
    const missing: string[] = [];
    for (const item of held) {
      const where = WHERE[anyIndex(item.path)];
      if (!where) {
        missing.push(`${item.organisationId}${item.path}: no field in the API is meant to carry it`);
        continue;
      }
      const found = where.some((target) => {
        const [scope, path] = target.startsWith('/') ? ['/', `/${target.slice(1)}`] : [item.organisationId, target];
        return (served.get(scope) ?? []).some((s) => s.path === path && s.quote === item.quote && s.document === item.document);
      });
      if (!found) missing.push(`${item.organisationId}${item.path} not at ${where.join(' or ')}: "${item.quote}"`);
    }
    expect(missing).toEqual([]);
  });

  it('serves no quote the sources do not hold', () => {
    const held = heldQuotes();
    const heldBy = new Set(held.map((h) => `${h.organisationId}\u0000${h.document}\u0000${h.quote}`));
    const anywhere = new Set(held.map((h) => `${h.document}\u0000${h.quote}`));
    const unheld: string[] = [];
    for (const [scope, quotes] of served) {
      for (const quote of quotes) {
        if (scope !== '/' && heldBy.has(`${scope}\u0000${quote.document}\u0000${quote.quote}`)) continue;
        if (scope === '/' && anywhere.has(`${quote.document}\u0000${quote.quote}`)) continue;
        // The cooperation subgraph's few quotes beyond organisations.json must be verbatim in their seed document.
        const seed = normalised(readFileSync(join(REPO_ROOT, '..', 'shared', 'seeds', quote.document), 'utf8'));
        if (scope === '/' && seed.includes(quote.quote)) continue;
        unheld.push(`${scope} ${quote.path}: "${quote.quote}"`);
      }
    }
    expect(unheld).toEqual([]);
  });

  it("gives Ledarna's rules for its företrädare clause by clause, with the § 5 mom 4 exception and who pays", async () => {
    const { data } = await federation.query(`{ organisation(id: "ledarna") { representativeRules {
      originalTerm decidedBy clauses { key english sources { quote } } exceptions { grantedBy conditions sources { quote } }
    } } }`);
    const [rules] = data.organisation.representativeRules;
    expect(rules.originalTerm).toBe('företrädare');
    expect(rules.decidedBy).toBe('förbundsstyrelsen, 2017');
    expect(rules.clauses.map((c: { key: string }) => c.key)).toEqual(['a', 'b', 'c', 'd']);
    expect(rules.clauses[0].sources[0].quote).toBe('Endast den som är certifierad kan få förhandlingsmandat att företräda Ledarna');
    expect(rules.clauses[2].sources[0].quote).toBe('Regelbundna val ska hållas (vart annat år)');
    expect(rules.exceptions[0].grantedBy).toContain('§ 5 mom 4');
    expect(rules.exceptions[0].conditions).toContain("Ledarna does not pay for the time; the representative's employer must accept the time and pay");
  });

  it("gives Lederne's bedriftsgrupper: at least three members, their own tillitsvalgt, under one branch", async () => {
    const { data } = await federation.query(`{ organisation(id: "lederne") {
      workplaceGroups { originalTerm minimumMembers { low high unit source { quote } } representative belongsTo count { low } }
      unitGroups { originalTerm composition board { originalTerm } meeting { originalTerm frequency deadline } }
      otherFigures { low high qualifier unit label }
      curatorNotes { field english }
    } }`);
    const [groups] = data.organisation.workplaceGroups;
    expect(groups).toMatchObject({ originalTerm: 'bedriftsgrupper', minimumMembers: { low: 3, high: 3, unit: 'members' }, count: null });
    expect(groups.minimumMembers.source.quote).toContain('minst tre medlemmer');
    expect(groups.belongsTo).toBe('exactly one geographic or industry branch');
    expect(data.organisation.unitGroups[0]).toMatchObject({
      originalTerm: 'avdelinger', composition: 'workplace groups (bedriftsgrupper) and individual members',
      board: { originalTerm: 'styre' }, meeting: { originalTerm: 'avdelingsmøte', deadline: 'before 1 March' },
    });
    expect(data.organisation.otherFigures).toEqual([
      { low: 110, high: null, qualifier: 'over', unit: 'years', label: 'years supporting members' },
    ]);
    expect(data.organisation.curatorNotes).toContainEqual({ field: 'workplaceGroups.lederne-bedriftsgrupper', english: 'Number of workplace groups not given.' });
  });

  it('answers null or empty where the sources say nothing (never invented)', async () => {
    const { data } = await federation.query(`{ organisation(id: "3f") {
      tagline { english } vision { english } representativeRules { originalTerm } workplaceGroups { id } secretariat { originalTerm }
      membershipFee { rate } otherFigures { low } leaderMemberCountCaption { quote }
    } }`);
    expect(data.organisation).toEqual({
      tagline: null, vision: null, representativeRules: [], workplaceGroups: [], secretariat: null, membershipFee: null, otherFigures: [],
      leaderMemberCountCaption: { quote: 'Ledermedlemmer i det offentlige, skønnet:' },
    });
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@nlf/stack';
import { useTestFederation } from '../harness/federation';
import { readSources } from './sourceFields';

const federation = useTestFederation();

/**
 * Where a value of organisations.json must be found through the gateway. `at`: its path in the answer
 * ([] for any index; a leading / for the work groups); `as`: what the value becomes there (an enum's
 * case, a schema type's name), given the object that holds it; `loose`: the API groups it differently
 * (a count by kind, a curator's note), so it is looked for anywhere in the organisation, not only under
 * the record with the same id.
 */
interface Target {
  at: string;
  as?: (value: unknown, holder: Record<string, unknown>) => unknown;
  loose?: boolean;
}
type Where = (string | Target)[];

const FIGURE_KEYS = ['low', 'high', 'approximate', 'estimate', 'qualifier', 'unit', 'scope', 'note'];

/** A figure of the file at `from` (and the figure itself when null) → the API's Figure at each of `to`. */
function figure(from: string, to: string[], options: { loose?: boolean } = {}): Record<string, Where> {
  const entries: Record<string, Where> = { [from]: to.map((at) => ({ at, ...options })) };
  for (const key of FIGURE_KEYS) entries[`${from}.${key}`] = to.map((at) => ({ at: `${at}.${key}`, ...options }));
  return entries;
}

/** A fact the API keeps as a curator's remark: looked for among the organisation's curatorNotes. */
const NOTE: Where = [{ at: 'curatorNotes[].english', loose: true }];
const upper = (value: unknown) => String(value).toUpperCase();

/** Every kind of fact of organisations.json (its path, [] for any index) → where the API answers it. */
const WHERE: Record<string, Where> = {
  '.id': ['id'], '.name': ['name'], '.displayName': ['displayName'], '.country': ['country'],
  '.kind': [{ at: 'kind', as: upper }],
  '.countryBasis.basis': ['countryBasis.basis'], '.countryBasis.note': ['countryBasis.note'],
  '.parent': ['parentId'], '.parent.id': ['parentId'],
  '.tableRowOrder': ['leaderMemberCountTableRow'],
  ...figure('.memberCount', ['memberCount']),
  ...figure('.leaderMemberCount', ['leaderMemberCount']),
  '.otherNumbers[].label': ['otherFigures[].label'],
  ...figure('.otherNumbers[].value', ['otherFigures[]']),
  '.leaderMemberCountAlternatives[].text': ['leaderMemberCountAlternatives[].label'],
  ...figure('.leaderMemberCountAlternatives[].value', ['leaderMemberCountAlternatives[]']),
  // The curator's remarks where the sources give no quote.
  '.parentNote': NOTE, '.memberCountNote': NOTE, '.leaderMemberCountNote': NOTE, '.forumsNote': NOTE, '.sectionsNote': NOTE,
  '.governingBodiesNote': NOTE, '.congressDecisionsNote': NOTE, '.note': NOTE, '.ambiguity': NOTE,
  '.sections[].countNote': NOTE, '.sections[].note': NOTE,
  '.governingBodies[].membersNote': NOTE, '.governingBodies[].meetingFrequencyNote': NOTE,
  '.governingBodies[].statusNote': NOTE, '.governingBodies[].note': NOTE,
  // Statements: the curator's English beside their quotes.
  '.tagline.text': ['tagline.english'], '.scope.summary': ['scope.english'], '.vision.text': ['vision.english'],
  '.representationRule.text': ['representationRule.english'], '.leaderRegistration.text': ['leaderRegistration.english'],
  '.policyPositions.summary': ['policyPositions.english'], '.leaderDefinition.text': ['leaderDefinition.english'],
  '.leaderOrganisationPattern.text': ['leaderOrganisationPattern.english'], '.workGroup.text': ['authorship.english'],
  '.typicalLeaderServicesOfAffiliates.items[]': ['affiliateLeaderServices.items[]'],
  '.membershipBenefits': ['membershipBenefits'], '.membershipBenefits[].text': ['membershipBenefits[].english'],
  // Kinds of units: a kind with its units listed, a count by kind, or workplace groups.
  '.sections': ['unitGroups', 'workplaceGroups'],
  '.sections[].id': ['unitGroups[].id', 'workplaceGroups[].id'],
  '.sections[].name': ['unitGroups[].originalTerm', 'workplaceGroups[].originalTerm'],
  '.sections[].schemaType': [
    { at: 'unitGroups[].unitType', as: (value) => ({ Branch: 'BRANCH', Section: 'SECTION' })[String(value)] },
    { at: 'workplaceGroups[].id', as: (value, holder) => (value === 'WorkplaceGroup' ? holder.id : undefined) },
  ],
  '.sections[].kind': ['unitGroups[].kind'],
  ...figure('.sections[].count', ['unitGroups[].count', 'workplaceGroups[].count']),
  '.sections[].byKind[].kind': [{ at: 'branchCounts[].kind', loose: true }],
  '.sections[].byKind[].originalTerm': [{ at: 'branchCounts[].originalTerm', loose: true }],
  ...figure('.sections[].byKind[].count', ['branchCounts[].count'], { loose: true }),
  '.sections[].members': ['unitGroups[].composition'],
  '.sections[].fees': ['unitGroups[].fees'], '.sections[].membershipRule': ['unitGroups[].membershipRule'],
  '.sections[].work': ['unitGroups[].work'],
  '.sections[].branchBoard.name': ['unitGroups[].board.originalTerm'], '.sections[].branchBoard.electedBy': ['unitGroups[].board.electedBy'],
  '.sections[].branchMeeting.name': ['unitGroups[].meeting.originalTerm'],
  '.sections[].branchMeeting.frequency': ['unitGroups[].meeting.frequency'],
  '.sections[].branchMeeting.deadline': ['unitGroups[].meeting.deadline'],
  ...figure('.sections[].minimumMembers', ['workplaceGroups[].minimumMembers']),
  '.sections[].representative': ['workplaceGroups[].representative'], '.sections[].belongsTo': ['workplaceGroups[].belongsTo'],
  '.sections[].mainTask': ['workplaceGroups[].mainTask'], '.sections[].scopeRule': ['workplaceGroups[].scopeRule'],
  '.sections[].items[].id': ['branches[].id', 'sections[].id'],
  '.sections[].items[].name': ['branches[].name', 'sections[].name'],
  '.sections[].items[].abbreviation': ['sections[].abbreviation'],
  '.sections[].items[].status': ['branches[].status'], '.sections[].items[].sector': ['branches[].sector'],
  ...figure('.sections[].items[].memberCount', ['branches[].memberCount']),
  // Governing bodies.
  '.governingBodies': ['councils'],
  ...Object.fromEntries(
    ['id', 'name', 'kind', 'role', 'meetingFrequency', 'electedBy', 'term', 'participants', 'agenda', 'reportsTo', 'audience',
      'statutory', 'status'].map((key) => [`.governingBodies[].${key}`, [`councils[].${key}`]]),
  ),
  '.governingBodies[].elects[]': ['councils[].elects[]'], '.governingBodies[].levels[]': ['councils[].levels[]'],
  ...figure('.governingBodies[].size', ['councils[].size']),
  '.governingBodies[].composition[].role': ['councils[].seats[].role'],
  '.governingBodies[].composition[].originalTitle': ['councils[].seats[].originalTitle'],
  '.governingBodies[].composition[].seats': ['councils[].seats[].count'],
  '.governingBodies[].members[].role': ['councils[].members[].role'],
  '.governingBodies[].members[].originalTitle': ['councils[].members[].originalTitle'],
  '.governingBodies[].members[].name': ['councils[].members[].name'],
  '.officers[].role': ['officers[].role'], '.officers[].originalTitle': ['officers[].originalTitle'],
  '.officers[].electedBy': ['officers[].electedBy'], '.officers[].note': ['officers[].note'],
  // Forums.
  '.forums': ['forums'],
  ...Object.fromEntries(
    ['id', 'name', 'kind', 'audience', 'partOf', 'cardinality', 'status', 'meetingFrequency', 'ends']
      .map((key) => [`.forums[].${key}`, [`forums[].${key}`]]),
  ),
  '.forums[].level': ['forums[].levels[]'], '.forums[].level[]': ['forums[].levels[]'],
  '.forums[].participants': ['forums[].participants'],
  ...Object.fromEntries(Object.entries(figure('.forums[].participants', ['forums[].participantCount'])).slice(1)),
  '.forums[].focusAreas[]': ['forums[].focusAreas[]'],
  // The secretariat.
  '.secretariat': ['secretariat'],
  '.secretariat.originalTerm': ['secretariat.originalTerm'], '.secretariat.ledBy': ['secretariat.ledBy'],
  ...figure('.secretariat.staffCount', ['secretariat.staffCount']),
  '.secretariat.offices[].city': ['secretariat.offices[].city'], '.secretariat.offices[].type': ['secretariat.offices[].english'],
  '.secretariat.staffUnits.originalTerm': ['secretariat.staffUnits.originalTerm'],
  ...figure('.secretariat.staffUnits.count', ['secretariat.staffUnits.count']),
  '.secretariat.staffUnits.names[]': ['secretariat.staffUnits.names[]'], '.secretariat.units[]': ['secretariat.units[]'],
  // Documents, initiatives, fees, levels, rules, affiliates, roles.
  '.policyDocuments[].name': ['policyDocuments[].name'],
  '.policyDocuments[].schemaType': [{ at: 'policyDocuments[].documentType', as: (value) => (value === 'Statutes' ? 'STATUTES' : 'POLICY_DOCUMENT') }],
  '.levels[].level': ['levels[].level'], '.levels[].originalTerm': ['levels[].originalTerm'],
  '.initiatives[].name': ['initiatives[].name'], '.initiatives[].period': ['initiatives[].period'],
  '.initiatives[].goal': ['initiatives[].goals[]'], '.initiatives[].goals[]': ['initiatives[].goals[]'],
  '.membershipFee.rate.value': ['membershipFee.rate'], '.membershipFee.rate.unit': ['membershipFee.rateUnit'],
  '.membershipFee.rate.appliesTo': ['membershipFee.appliesTo'], '.membershipFee.extras[]': ['membershipFee.extras[]'],
  '.membershipFee.students': ['membershipFee.students'],
  '.representativeRules.originalTerm': ['representativeRules[].originalTerm'],
  '.representativeRules.decidedBy': ['representativeRules[].decidedBy'],
  '.representativeRules.principles[].key': ['representativeRules[].clauses[].key'],
  '.representativeRules.principles[].text': ['representativeRules[].clauses[].english'],
  '.representativeRules.multiOrgNumberMandate.grantedBy': ['representativeRules[].exceptions[].grantedBy'],
  '.representativeRules.multiOrgNumberMandate.conditions[]': ['representativeRules[].exceptions[].conditions[]'],
  // An affiliate is listed by its organisation's id, not as a record of its own.
  '.affiliates[].id': [{ at: 'affiliates.organisations[].organisationId', loose: true }],
  '.affiliates[].note': [{ at: 'affiliates.organisations[].note', loose: true }],
  '.affiliatesWithLeaderMembers[]': ['affiliates.organisations[].organisationId'], '.affiliatesNote': ['affiliates.note'],
  '.roles[].cooperation': ['cooperationRoles[].cooperationId'], '.roles[].role': ['cooperationRoles[].role'],
  '.roles[].text': ['cooperationRoles[].english'],
  // Congress decisions, served by the cooperation subgraph under their organisation.
  ...Object.fromEntries(
    ['id', 'congress', 'motionNumber', 'origin', 'title', 'statusNote', 'deadline', 'outcome']
      .map((key) => [`.congressDecisions[].${key}`, [`decisions[].${key}`]]),
  ),
  '.congressDecisions[].decisionText': ['decisions[].clauses[]'], '.congressDecisions[].decisionClauses[]': ['decisions[].clauses[]'],
  '.congressDecisions[].status': ['decisions[].originalStatus'], '.congressDecisions[].statusEnum': ['decisions[].status'],
  '.congressDecisions[].activitiesDone[]': ['decisions[].activities[].text'],
  '.congressDecisions[].activitiesPlanned[]': ['decisions[].activities[].text'],
  '.congressDecisions[].remainingParts[]': ['decisions[].remainingParts[]'],
  // The joint work, served by the cooperation subgraph as a work group.
  '.cooperation.id': ['/workGroups[].id'], '.cooperation.name': ['/workGroups[].name'],
  '.cooperation.secretariat': ['/workGroups[].secretariat.id'], '.cooperation.supportedBy': ['/workGroups[].supportedBy.id'],
  '.cooperation.participants': ['/workGroups[].meetingRhythm[].participants'],
  '.cooperation.form': ['/workGroups[].meetingRhythm[].description'],
  ...figure('.cooperation.politicalMeetings.frequency', ['/workGroups[].meetingRhythm[].frequency']),
  '.cooperation.politicalMeetings.participants': ['/workGroups[].meetingRhythm[].participants'],
  '.cooperation.politicalMeetings.purpose': ['/workGroups[].meetingRhythm[].purpose'],
  '.cooperation.topics[]': ['/workGroups[].topics[].title'],
};

interface Leaf {
  path: string;
  value: unknown;
}
interface HeldFact extends Leaf {
  organisationId: string;
  /** The id of the record it belongs to (the organisation's, unless it is under a listed record). */
  anchor: string;
  holder: Record<string, unknown>;
}
interface ServedFact extends Leaf {
  /** The ids of every record it is under. */
  anchors: Set<string>;
}

const isSource = (value: Record<string, unknown>) => typeof value.quote === 'string' && typeof value.file === 'string';

/**
 * Every value of organisations.json outside its quotes (walked by everyQuote.test.ts): each string, number,
 * boolean, null and empty list, with its path and the record it belongs to.
 */
function heldFacts(): HeldFact[] {
  const file = JSON.parse(readFileSync(join(REPO_ROOT, 'services', 'cooperation', 'data', 'organisations.json'), 'utf8'));
  const held: HeldFact[] = [];
  const walk = (organisationId: string, value: unknown, path: string, anchor: string, holder: Record<string, unknown>): void => {
    if (Array.isArray(value)) {
      if (!value.length) held.push({ organisationId, path, value, anchor, holder });
      for (const item of value) {
        const own = item && typeof item === 'object' && typeof item.id === 'string' ? item.id : anchor;
        walk(organisationId, item, `${path}[]`, own, holder);
      }
    } else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (isSource(record)) return;
      // The joint work is one record, not a list item, and has an id of its own.
      const own = path === '.cooperation' ? String(record.id) : anchor;
      for (const [key, child] of Object.entries(record)) walk(organisationId, child, `${path}.${key}`, own, record);
    } else {
      held.push({ organisationId, path, value, anchor, holder });
    }
  };
  for (const org of file.organisations) walk(org.id, org, '', org.id, org);
  return held;
}

/** Every value of an answer, with its path (indexes as []) and the ids of the records it is under. */
function servedFacts(value: unknown, path: string, anchors: Set<string>, into: ServedFact[] = []): ServedFact[] {
  if (Array.isArray(value)) {
    if (!value.length) into.push({ path, value, anchors });
    for (const item of value) servedFacts(item, `${path}[]`, anchors, into);
  } else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const own = typeof record.id === 'string' ? new Set([...anchors, record.id]) : anchors;
    for (const [key, child] of Object.entries(record)) servedFacts(child, path ? `${path}.${key}` : key, own, into);
  } else {
    into.push({ path, value, anchors });
  }
  return into;
}

/** Every quote's document file, with the organisation whose facts quote it. */
function heldQuotes(file: { organisations: { id: string }[] }): { organisationId: string; file: string }[] {
  const found: { organisationId: string; file: string }[] = [];
  const walk = (organisationId: string, value: unknown): void => {
    if (Array.isArray(value)) value.forEach((item) => walk(organisationId, item));
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (isSource(record)) found.push({ organisationId, file: String(record.file) });
      else Object.values(record).forEach((child) => walk(organisationId, child));
    }
  };
  for (const org of file.organisations) walk(org.id, org);
  return found;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

describe('every fact of organisations.json through the gateway, not only its quotes', () => {
  let served: Map<string, ServedFact[]>;
  let answers: Map<string, Record<string, unknown>>;

  beforeAll(async () => {
    const answer = await readSources(federation);
    answers = answer.organisations;
    served = new Map();
    for (const [id, organisation] of answer.organisations) served.set(id, servedFacts(organisation, '', new Set([id])));
    served.set('/', servedFacts(answer.workGroups, '/workGroups', new Set()));
  });

  it('finds each value at its typed field, under the record it belongs to', () => {
    const missing: string[] = [];
    for (const fact of heldFacts()) {
      const where = WHERE[fact.path];
      if (!where) {
        missing.push(`${fact.organisationId}${fact.path}: no field in the API is meant to carry ${JSON.stringify(fact.value)}`);
        continue;
      }
      const found = where.some((entry) => {
        const target: Target = typeof entry === 'string' ? { at: entry } : entry;
        const expected = target.as ? target.as(fact.value, fact.holder) : fact.value;
        if (expected === undefined) return false;
        const scope = target.at.startsWith('/') ? '/' : fact.organisationId;
        return (served.get(scope) ?? []).some((leaf) =>
          leaf.path === target.at && same(leaf.value, expected) && (target.loose || leaf.anchors.has(fact.anchor)));
      });
      if (!found) {
        const targets = where.map((entry) => (typeof entry === 'string' ? entry : entry.at)).join(' or ');
        missing.push(`${fact.organisationId}${fact.path} (${fact.anchor}) not at ${targets}: ${JSON.stringify(fact.value)}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('gives each source document with its language, organisation and description, under every organisation that quotes it', () => {
    const file = JSON.parse(readFileSync(join(REPO_ROOT, 'services', 'cooperation', 'data', 'organisations.json'), 'utf8'));
    const documents = Object.entries(file.meta.sources as Record<string, { language: string; organisation: string; what: string }>);
    expect(documents).toHaveLength(5);
    const quotedBy = new Map<string, Set<string>>();
    for (const quote of heldQuotes(file)) quotedBy.set(quote.file, (quotedBy.get(quote.file) ?? new Set()).add(quote.organisationId));
    const missing: string[] = [];
    for (const [document, about] of documents) {
      const expected = { document, language: about.language, organisationId: about.organisation, about: about.what };
      expect(quotedBy.get(document)).toContain(about.organisation);
      for (const id of quotedBy.get(document) ?? []) {
        if (!(answers.get(id)!.sourceDocuments as unknown[]).some((listed) => same(listed, expected))) {
          missing.push(`${id}: ${JSON.stringify(expected)}`);
        }
      }
    }
    expect(missing).toEqual([]);
    // Nothing listed that the organisation's facts do not quote.
    for (const [id, answer] of answers) {
      for (const listed of answer.sourceDocuments as { document: string }[]) expect(quotedBy.get(listed.document)).toContain(id);
    }
  });

  it("gives Ledarna's, Utdanningsforbundet's and Fagforbundet's forums as the sources describe them", async () => {
    const forums = async (id: string) =>
      (await federation.query(`query ($id: ID!) { organisation(id: $id) { forums {
        id levels audience participants participantCount { low } partOf cardinality status meetingFrequency focusAreas ends
      } } }`, { id })).data.organisation.forums as Record<string, unknown>[];
    const ledarna = await forums('ledarna');
    expect(ledarna.find((forum) => forum.id === 'ledarna-arliga-moten-branschforeningar')).toMatchObject({
      status: 'planned from 2022', meetingFrequency: 'annual', participantCount: null,
      participants: "the office's sales and marketing functions and the industry associations",
    });
    expect(ledarna.find((forum) => forum.id === 'ledarna-aspirantuppdrag')).toMatchObject({
      participantCount: { low: 16 }, participants: null, ends: "2022, with reports at Ledarna's congress",
      focusAreas: ['Jämlikhet', 'Ålder', 'Etnisk representation', 'Ledarnas arbete inom offentlig sektor', 'Former för inflytande och påverkan'],
    });
    expect((await forums('utdanningsforbundet'))[1]).toMatchObject({ levels: ['LOCAL', 'COUNTY', 'CENTRAL'], audience: null, ends: null });
    expect((await forums('fagforbundet')).find((forum) => forum.id === 'fagforbundet-shs-nettverkskontakt')).toEqual({
      id: 'fagforbundet-shs-nettverkskontakt', levels: ['COUNTY'], audience: null, participants: null, participantCount: null,
      partOf: 'fagforbundet-shs', cardinality: 'one per county (i hvert fylke); number of counties not given', status: null,
      meetingFrequency: null, focusAreas: [], ends: null,
    });
  });

  it("gives a council's participants, agenda, elections and standing, with the curator's remarks beside it", async () => {
    const { data } = await federation.query(`{
      lederne: organisation(id: "lederne") { councils { id participants agenda elects reportsTo statutory status } curatorNotes { field english } }
      utdanningsforbundet: organisation(id: "utdanningsforbundet") { councils { id audience levels statutory } countryBasis { basis note } }
      foa: organisation(id: "foa") { leaderMemberCountTableRow leaderMemberCount { low high } }
      ledarna: organisation(id: "ledarna") { councils { id status } leaderMemberCountTableRow }
    }`);
    expect(data.lederne.councils[0]).toMatchObject({
      id: 'lederne-kongressen', participants: "representatives from Lederne's branches (avdelinger)", agenda: 'political matters and strategies',
      reportsTo: null, statutory: null, status: null,
    });
    expect(data.lederne.councils[0].elects).toHaveLength(3);
    expect(data.lederne.councils.find((council: { id: string }) => council.id === 'lederne-kontrollutvalg').reportsTo).toBe('congress, every second year');
    expect(data.lederne.curatorNotes).toContainEqual({
      field: 'councils.lederne-hovedstyre.members', english: 'The page lists the 2021-2025 board only as a heading; no names are in the seed.',
    });
    expect(data.utdanningsforbundet.councils.find((council: { id: string }) => council.id === 'utdanningsforbundet-lederrad'))
      .toEqual({ id: 'utdanningsforbundet-lederrad', audience: 'LEADERS', levels: ['CENTRAL', 'COUNTY'], statutory: true });
    expect(data.utdanningsforbundet.countryBasis).toEqual({
      basis: 'inferred', note: 'Norwegian-language text; county level (fylkesnivå). Norway is not named in the seed.',
    });
    expect(data.foa.leaderMemberCountTableRow).toBe(1);
    expect(data.ledarna.leaderMemberCountTableRow).toBeNull();
    expect(data.ledarna.councils.find((council: { id: string }) => council.id === 'ledarna-ersattningsutskott').status).toBe('PROPOSED');
  });

  it("searches a forum's English rendering beside its quote", async () => {
    const { data } = await federation.query(`{ organisation(id: "ledarna") {
      sourceSearch(text: "marketing functions") { edges { node { field kind language text sources { quote } } } }
    } }`);
    expect(data.organisation.sourceSearch.edges.map((edge: { node: unknown }) => edge.node)).toContainEqual({
      field: 'forums[0]', kind: 'ENGLISH_RENDERING', language: 'en',
      text: "the office's sales and marketing functions and the industry associations",
      sources: [{ quote: 'Årliga möten med branschföreningarna planeras från och med 2022' }],
    });
  });
});

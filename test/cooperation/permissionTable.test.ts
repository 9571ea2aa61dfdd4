import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@nlf/stack';
import { startTestFederation, type Caller, type TestFederation } from '../harness/federation';

/**
 * docs/security.md's table of every write × role × organisation, run as it is written: the test reads
 * the table from the page, so the page cannot say one thing while the services do another.
 */
const CALLERS: Record<string, Caller | undefined> = {
  'secretariat, no `org`': { role: 'secretariat' },
  'secretariat `oao` (runs the group)': { role: 'secretariat', org: 'oao' },
  'secretariat `ledarna`': { role: 'secretariat', org: 'ledarna' },
  'union staff `foa` (takes part)': { role: 'union-staff', org: 'foa' },
  'union staff `lederne` (does not)': { role: 'union-staff', org: 'lederne' },
  dashboard: { role: 'dashboard' },
  anonymous: undefined,
};

function readTable(): { write: string; cells: Record<string, 'yes' | 'no'> }[] {
  const page = readFileSync(join(REPO_ROOT, 'docs', 'security.md'), 'utf8');
  const section = page.slice(page.indexOf('## Who may change the joint work'));
  const lines = section.split('\n').filter((line) => line.startsWith('|'));
  const split = (line: string) => line.split('|').slice(1, -1).map((cell) => cell.trim());
  const header = split(lines[0]!).slice(1);
  expect(header).toEqual(Object.keys(CALLERS));
  const rows = lines.slice(2).map((line) => split(line));
  return rows
    .filter((row) => row.length === header.length + 1)
    .map(([write, ...cells]) => ({ write: write!, cells: Object.fromEntries(header.map((h, i) => [h, cells[i] as 'yes' | 'no'])) }));
}

interface Fixture {
  groupId: string;
  meetingId: string;
  decisionId: string;
  name: string;
}

/** Each write, as the row names it: the mutation and its input against a fresh fixture. */
const WRITES: Record<string, (f: Fixture) => { mutation: string; input: Record<string, unknown> }> = {
  '`createWorkGroup` (secretariat `oao`)': (f) => ({ mutation: 'createWorkGroup(input: $input) { id }', input: { name: `${f.name} (new)`, secretariatId: 'oao' } }),
  '`updateWorkGroup`': (f) => ({ mutation: 'updateWorkGroup(input: $input) { id }', input: { id: f.groupId, expectedVersion: 1, name: `${f.name} renamed` } }),
  '`addParticipant` (`ledarna`)': (f) => ({ mutation: 'addParticipant(input: $input) { id }', input: { workGroupId: f.groupId, organisationId: 'ledarna' } }),
  '`removeParticipant` (`foa`)': (f) => ({ mutation: 'removeParticipant(input: $input) { id }', input: { workGroupId: f.groupId, organisationId: 'foa' } }),
  '`scheduleMeeting`': (f) => ({ mutation: 'scheduleMeeting(input: $input) { id }', input: { workGroupId: f.groupId, date: '2027-05-04', kind: 'OTHER' } }),
  '`recordMeeting`': (f) => ({ mutation: 'recordMeeting(input: $input) { id }', input: { meetingId: f.meetingId, expectedVersion: 1, minutes: 'Held as planned.' } }),
  '`addAgendaItem`': (f) => ({ mutation: 'addAgendaItem(input: $input) { id }', input: { meetingId: f.meetingId, title: 'Leader pay survey' } }),
  '`createDecision` (of `foa`, in the group)': (f) => ({ mutation: 'createDecision(input: $input) { id }', input: { organisationId: 'foa', workGroupId: f.groupId, title: `${f.name}: survey` } }),
  '`createDecision` (of `lederne`, in the group)': (f) => ({ mutation: 'createDecision(input: $input) { id }', input: { organisationId: 'lederne', workGroupId: f.groupId, title: `${f.name}: survey` } }),
  '`createDecision` (of `lederne`, in no group)': (f) => ({ mutation: 'createDecision(input: $input) { id }', input: { organisationId: 'lederne', title: `${f.name}: own survey` } }),
  '`changeDecisionStatus` (FOA\'s, in the group)': (f) => ({ mutation: 'changeDecisionStatus(input: $input) { id }', input: { decisionId: f.decisionId, status: 'IN_PROGRESS', expectedVersion: 1 } }),
};

const INPUT_TYPES: Record<string, string> = {
  createWorkGroup: 'CreateWorkGroupInput', updateWorkGroup: 'UpdateWorkGroupInput', addParticipant: 'ParticipantInput',
  removeParticipant: 'ParticipantInput', scheduleMeeting: 'ScheduleMeetingInput', recordMeeting: 'RecordMeetingInput',
  addAgendaItem: 'AddAgendaItemInput', createDecision: 'CreateDecisionInput', changeDecisionStatus: 'ChangeDecisionStatusInput',
};

let federation: TestFederation;
beforeAll(async () => {
  // Each case builds its own fixture as the federation-wide secretariat: far above the per-identity rate limit.
  federation = await startTestFederation({ env: { NLF_RATE_LIMIT_PER_MINUTE: '0' } });
}, 120_000);
afterAll(() => federation?.stop());

const SECRETARIAT: Caller = { role: 'secretariat' };
let counter = 0;

async function run(mutation: string, input: Record<string, unknown>, as?: Caller) {
  const name = mutation.slice(0, mutation.indexOf('('));
  return federation.query(`mutation($input: ${INPUT_TYPES[name]}!) { ${mutation} }`, { input }, as ? { as } : {});
}

async function fixture(): Promise<Fixture> {
  const name = `Permission table ${process.pid}-${Date.now()}-${(counter += 1)}`;
  const group = await run('createWorkGroup(input: $input) { id }', { name, secretariatId: 'oao', supportedById: 'lo-denmark', participantIds: ['foa'] }, SECRETARIAT);
  const groupId = group.data.createWorkGroup.id;
  const meeting = await run('scheduleMeeting(input: $input) { id }', { workGroupId: groupId, date: '2027-04-01', kind: 'STAFF_COORDINATION' }, SECRETARIAT);
  const decision = await run('createDecision(input: $input) { id }', { organisationId: 'foa', workGroupId: groupId, title: `${name}: pay` }, SECRETARIAT);
  return { groupId, meetingId: meeting.data.scheduleMeeting.id, decisionId: decision.data.createDecision.id, name };
}

/** Everything a write could have changed, the audit trail included. */
async function state(f: Fixture) {
  const { data } = await federation.query(
    `query($id: ID!, $meeting: ID!, $decision: ID!) {
      workGroup(id: $id) { name version participations { organisation { id } role } history { action }
        meetings { id status version agenda { title } history { action } } decisions { id status version } }
      meeting(id: $meeting) { status version history { action } }
      decision(id: $decision) { status version }
      workGroups { name }
      decisions(organisationId: "lederne") { title } }`,
    { id: f.groupId, meeting: f.meetingId, decision: f.decisionId },
    { as: SECRETARIAT },
  );
  const own = (title: string) => title.startsWith(f.name);
  return { ...data, workGroups: data.workGroups.filter((g: { name: string }) => own(g.name)), decisions: data.decisions.filter((d: { title: string }) => own(d.title)) };
}

const table = readTable();

test('the table covers every mutation of the cooperation subgraph', () => {
  const covered = new Set(Object.values(WRITES).map((write) => write({} as Fixture).mutation.split('(')[0]));
  expect([...covered].sort()).toEqual(Object.keys(INPUT_TYPES).sort());
  expect(table.map((row) => row.write).sort()).toEqual(Object.keys(WRITES).sort());
});

describe.each(table)('$write', ({ write, cells }) => {
  it.each(Object.entries(cells))('as %s: %s', async (column, expected) => {
    const f = await fixture();
    const before = await state(f);
    const { mutation, input } = WRITES[write]!(f);
    const response = await run(mutation, input, CALLERS[column]);
    if (expected === 'yes') {
      expect(response.errors).toBeUndefined();
      expect(await state(f)).not.toEqual(before);
      return;
    }
    const code = column === 'dashboard' ? 'PERSISTED_QUERY_REQUIRED' : 'FORBIDDEN';
    expect(response.errors?.map((e) => e.extensions?.code)).toEqual([code]);
    expect(response.errors![0]!.message.length).toBeGreaterThan(20);
    // Nothing changed, and nothing was audited as done.
    expect(await state(f)).toEqual(before);
  });
});

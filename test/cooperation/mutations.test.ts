import { openDatabase } from '@nlf/kit';
import { harnessState } from '../harness/state';
import { useTestFederation, type GraphQLResponse } from '../harness/federation';

const federation = useTestFederation();
/** The joint work is run by the secretariat: every request here is made with its token. */
const asSecretariat = (query: string, variables?: Record<string, unknown>) =>
  federation.query(query, variables, { as: { role: 'secretariat' } });

const JOINT_WORK = 'lo-dk-faelles-ledelsesarbejde';

function expectRefused(response: GraphQLResponse, code: string, field: string): void {
  expect(response.data ?? null).toBeNull();
  expect(response.errors).toHaveLength(1);
  expect(response.errors![0]!.extensions).toMatchObject({ code, field });
}

const createGroup = (input: Record<string, unknown>) =>
  asSecretariat(`mutation($input: CreateWorkGroupInput!) { createWorkGroup(input: $input) { id name purpose version
    participations { organisation { id } role } topics { id title } } }`, { input });

const newGroup = async (name: string) => {
  const { data, errors } = await createGroup({ name, secretariatId: 'oao', supportedById: 'lo-denmark', participantIds: ['foa', 'ledarna'], topics: ['tripartite negotiations'] });
  expect(errors).toBeUndefined();
  return data.createWorkGroup;
};

const historyOf = async (id: string) =>
  (await asSecretariat(`{ auditTrail(entityId: "${id}") { edges { node { actor action entityType changes { field from to } } } } }`)).data.auditTrail.edges
    .map((edge: { node: unknown }) => edge.node);

describe('createWorkGroup', () => {
  it('creates a group across countries with its secretariat as first participant, and records who did it', async () => {
    const group = await newGroup('Nordic leader pay');
    expect(group).toMatchObject({ name: 'Nordic leader pay', version: 1, topics: [{ title: 'tripartite negotiations' }] });
    expect(group.participations).toEqual([
      { organisation: { id: 'oao' }, role: 'SECRETARIAT' },
      { organisation: { id: 'lo-denmark' }, role: 'SUPPORT' },
      { organisation: { id: 'foa' }, role: 'MEMBER' },
      { organisation: { id: 'ledarna' }, role: 'MEMBER' },
    ]);
    const [event] = await historyOf(group.id);
    expect(event).toMatchObject({ actor: 'secretariat:secretariat', action: 'createWorkGroup', entityType: 'WorkGroup' });
    expect(event.changes).toContainEqual({ field: 'name', from: null, to: '"Nordic leader pay"' });
  });

  it.each([
    ['an empty name', { name: '   ', secretariatId: 'oao' }, 'VALUE_REQUIRED', 'name'],
    ['an over-long name', { name: 'x'.repeat(201), secretariatId: 'oao' }, 'VALUE_TOO_LONG', 'name'],
    ['an over-long purpose', { name: 'G', purpose: 'x'.repeat(2001), secretariatId: 'oao' }, 'VALUE_TOO_LONG', 'purpose'],
    ['an unknown secretariat', { name: 'G', secretariatId: 'no-such-union' }, 'UNKNOWN_ORGANISATION', 'secretariatId'],
    ['an unknown participant', { name: 'G', secretariatId: 'oao', participantIds: ['foa', 'nope'] }, 'UNKNOWN_ORGANISATION', 'participantIds[1]'],
    ['a participant twice', { name: 'G', secretariatId: 'oao', participantIds: ['foa', '3f', 'foa'] }, 'DUPLICATE_PARTICIPANT', 'participantIds[2]'],
    ['the secretariat again as participant', { name: 'G', secretariatId: 'oao', participantIds: ['oao'] }, 'DUPLICATE_PARTICIPANT', 'participantIds[0]'],
    ['an empty topic', { name: 'G', secretariatId: 'oao', topics: ['pay', ''] }, 'VALUE_REQUIRED', 'topics[1]'],
  ])('refuses %s', async (_what, input, code, field) => {
    const before = (await asSecretariat('{ workGroups { id } }')).data.workGroups.length;
    expectRefused(await createGroup(input), code, field);
    expect((await asSecretariat('{ workGroups { id } }')).data.workGroups).toHaveLength(before);
  });
});

describe('updateWorkGroup', () => {
  const update = (input: Record<string, unknown>) =>
    asSecretariat(`mutation($input: UpdateWorkGroupInput!) { updateWorkGroup(input: $input) { name purpose version } }`, { input });

  it('changes the name and purpose, bumps the version and keeps what changed', async () => {
    const group = await newGroup('Working title');
    const { data, errors } = await update({ id: group.id, expectedVersion: 1, name: 'Leader education', purpose: 'Shared courses' });
    expect(errors).toBeUndefined();
    expect(data.updateWorkGroup).toEqual({ name: 'Leader education', purpose: 'Shared courses', version: 2 });
    const [latest] = await historyOf(group.id);
    expect(latest).toMatchObject({ action: 'updateWorkGroup', actor: 'secretariat:secretariat' });
    expect(latest.changes).toEqual([
      { field: 'name', from: '"Working title"', to: '"Leader education"' },
      { field: 'purpose', from: null, to: '"Shared courses"' },
    ]);
  });

  it('refuses an unknown group, an empty name and a stale version', async () => {
    const group = await newGroup('Stale');
    expectRefused(await update({ id: 'no-such-group', expectedVersion: 1, name: 'X' }), 'NOT_FOUND', 'id');
    expectRefused(await update({ id: group.id, expectedVersion: 1, name: '' }), 'VALUE_REQUIRED', 'name');
    expectRefused(await update({ id: group.id, expectedVersion: 7, name: 'X' }), 'VERSION_CONFLICT', 'expectedVersion');
  });
});

describe('addParticipant and removeParticipant', () => {
  const participant = (mutation: string, input: Record<string, unknown>) =>
    asSecretariat(`mutation($input: ParticipantInput!) { ${mutation}(input: $input) { participants { ... on Organisation { id name } } } }`, { input });

  it('adds an organisation from another country and removes it again', async () => {
    const group = await newGroup('Cross-border');
    const added = await participant('addParticipant', { workGroupId: group.id, organisationId: 'lederne' });
    expect(added.errors).toBeUndefined();
    expect(added.data.addParticipant.participants.at(-1)).toEqual({ id: 'lederne', name: 'Lederne' });
    const removed = await participant('removeParticipant', { workGroupId: group.id, organisationId: 'lederne' });
    expect(removed.data.removeParticipant.participants.map((p: { id: string }) => p.id)).toEqual(['oao', 'lo-denmark', 'foa', 'ledarna']);
    expect((await historyOf(group.id)).slice(0, 2).map((e: { action: string }) => e.action)).toEqual(['removeParticipant', 'addParticipant']);
  });

  it.each([
    ['a group that does not exist', 'addParticipant', { workGroupId: 'nope', organisationId: 'sl' }, 'NOT_FOUND', 'workGroupId'],
    ['an unknown organisation', 'addParticipant', { organisationId: 'nope' }, 'UNKNOWN_ORGANISATION', 'organisationId'],
    ['a participant twice', 'addParticipant', { organisationId: 'foa' }, 'DUPLICATE_PARTICIPANT', 'organisationId'],
    ['removing a non-participant', 'removeParticipant', { organisationId: 'sl' }, 'NOT_A_PARTICIPANT', 'organisationId'],
    ['removing the secretariat', 'removeParticipant', { organisationId: 'oao' }, 'SECRETARIAT_REQUIRED', 'organisationId'],
  ])('refuses %s', async (_what, mutation, input, code, field) => {
    const group = await newGroup(`Refusing ${code}`);
    expectRefused(await participant(mutation, { workGroupId: group.id, ...input }), code, field);
  });
});

describe('meetings', () => {
  const schedule = (input: Record<string, unknown>) =>
    asSecretariat(`mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id date kind status version
      participants { ... on Organisation { id } } } }`, { input });
  const record = (input: Record<string, unknown>) =>
    asSecretariat(`mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { status minutes version
      participants { ... on Organisation { id } } } }`, { input });
  const addItem = (input: Record<string, unknown>) =>
    asSecretariat(`mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { agenda { title topic { title } } } }`, { input });

  it('schedules a meeting of the elected representatives, sets its agenda from the topics, then records it', async () => {
    // The seeded joint work has no meetings (the sources date none) and keeps none: this uses a group of its own.
    const group = await newGroup('Meeting group');
    const scheduled = await schedule({ workGroupId: group.id, date: '2026-03-12', kind: 'ELECTED_REPRESENTATIVES', participantIds: ['oao', 'foa', 'ledarna'] });
    expect(scheduled.errors).toBeUndefined();
    const meeting = scheduled.data.scheduleMeeting;
    expect(meeting).toMatchObject({ date: '2026-03-12', kind: 'ELECTED_REPRESENTATIVES', status: 'SCHEDULED', version: 1 });
    expect(meeting.participants).toEqual([{ id: 'oao' }, { id: 'foa' }, { id: 'ledarna' }]);

    const tripartite = group.topics[0];
    const withItem = await addItem({ meetingId: meeting.id, title: 'Implementing the tripartite agreement', topicId: tripartite.id });
    expect(withItem.data.addAgendaItem.agenda).toEqual([{ title: 'Implementing the tripartite agreement', topic: { title: tripartite.title } }]);

    const recorded = await record({ meetingId: meeting.id, expectedVersion: 1, minutes: 'Agreed to map leader education.', participantIds: ['oao', 'foa'] });
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data.recordMeeting).toEqual({
      status: 'HELD', minutes: 'Agreed to map leader education.', version: 2, participants: [{ id: 'oao' }, { id: 'foa' }],
    });
    const actions = (await historyOf(meeting.id)).map((e: { action: string }) => e.action);
    expect(actions).toEqual(['recordMeeting', 'addAgendaItem', 'scheduleMeeting']);
  });

  it.each([
    ['a group that does not exist', { workGroupId: 'nope' }, 'NOT_FOUND', 'workGroupId'],
    ['a date that is not a date', { date: '2026-02-30' }, 'INVALID_DATE', 'date'],
    ['an unknown participant', { participantIds: ['nope'] }, 'UNKNOWN_ORGANISATION', 'participantIds[0]'],
    ['a participant twice', { participantIds: ['foa', 'foa'] }, 'DUPLICATE_PARTICIPANT', 'participantIds[1]'],
    ['an organisation outside the group', { participantIds: ['lederne'] }, 'NOT_A_PARTICIPANT', 'participantIds[0]'],
  ])('refuses to schedule with %s', async (_what, input, code, field) => {
    const group = await newGroup(`Scheduling ${code}`);
    expectRefused(await schedule({ workGroupId: group.id, date: '2026-09-01', kind: 'STAFF_COORDINATION', ...input }), code, field);
  });

  it('gives concurrent agenda additions distinct positions, every one of them succeeding', async () => {
    const group = await newGroup('Concurrent agenda');
    const meeting = (await schedule({ workGroupId: group.id, date: '2026-11-01', kind: 'STAFF_COORDINATION' })).data.scheduleMeeting;
    const titles = Array.from({ length: 8 }, (_, index) => `Point ${index + 1}`);
    const added = await Promise.all(titles.map((title) => addItem({ meetingId: meeting.id, title })));
    expect(added.map((response) => response.errors)).toEqual(titles.map(() => undefined));
    const { data } = await asSecretariat(`{ meeting(id: "${meeting.id}") { agenda { title } history { action } } }`);
    expect(data.meeting.agenda.map((item: { title: string }) => item.title).sort()).toEqual([...titles].sort());
    expect(data.meeting.history.filter((e: { action: string }) => e.action === 'addAgendaItem')).toHaveLength(8);
    const database = await openDatabase({ url: harnessState().databaseUrls.cooperation!, poolSize: 1 });
    try {
      const rows: { position: number }[] = await database.orm.em.getConnection().execute(
        'select position from agenda_item where meeting_id = ? order by position',
        [meeting.id],
      );
      expect(rows.map((row) => row.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    } finally {
      await database.close();
    }
  });

  it('refuses agenda items and records that break the rules, leaving the meeting as it was', async () => {
    const [group, other] = [await newGroup('Recording group'), await newGroup('Other group')];
    const meeting = (await schedule({ workGroupId: group.id, date: '2026-10-01', kind: 'STAFF_COORDINATION' })).data.scheduleMeeting;
    expectRefused(await addItem({ meetingId: 'nope', title: 'X' }), 'NOT_FOUND', 'meetingId');
    expectRefused(await addItem({ meetingId: meeting.id, title: ' ' }), 'VALUE_REQUIRED', 'title');
    expectRefused(await addItem({ meetingId: meeting.id, title: 'X', topicId: other.topics[0].id }), 'NOT_FOUND', 'topicId');
    expectRefused(await record({ meetingId: meeting.id, expectedVersion: 1, minutes: 'x'.repeat(20_001) }), 'VALUE_TOO_LONG', 'minutes');
    expectRefused(await record({ meetingId: meeting.id, expectedVersion: 1, minutes: 'ok', participantIds: ['lederne'] }), 'NOT_A_PARTICIPANT', 'participantIds[0]');
    expectRefused(await record({ meetingId: meeting.id, expectedVersion: 3, minutes: 'ok' }), 'VERSION_CONFLICT', 'expectedVersion');
    const { data } = await asSecretariat(`{ meeting(id: "${meeting.id}") { status minutes version agenda { title } } }`);
    expect(data.meeting).toEqual({ status: 'SCHEDULED', minutes: null, version: 1, agenda: [] });
  });
});

describe('decisions', () => {
  const create = (input: Record<string, unknown>) =>
    asSecretariat(`mutation($input: CreateDecisionInput!) { createDecision(input: $input) { id status version clauses
      organisation { ... on Organisation { id name } } workGroup { id } } }`, { input });
  const change = (input: Record<string, unknown>) =>
    asSecretariat(`mutation($input: ChangeDecisionStatusInput!) { changeDecisionStatus(input: $input) { status version statusNote
      statusHistory { status changedBy note } } }`, { input });

  it('creates a decision PROPOSED and moves it one step at a time to DONE, keeping its history', async () => {
    const created = await create({ organisationId: 'oao', workGroupId: JOINT_WORK, title: 'Joint leader survey', clauses: ['att kartlägga'] });
    expect(created.errors).toBeUndefined();
    const decision = created.data.createDecision;
    expect(decision).toMatchObject({ status: 'PROPOSED', version: 1, organisation: { id: 'oao', name: 'OAO' }, workGroup: { id: JOINT_WORK } });
    expect((await change({ decisionId: decision.id, status: 'IN_PROGRESS', expectedVersion: 1 })).data.changeDecisionStatus.version).toBe(2);
    const done = await change({ decisionId: decision.id, status: 'DONE', expectedVersion: 2, note: 'Survey sent' });
    expect(done.data.changeDecisionStatus).toEqual({
      status: 'DONE', version: 3, statusNote: 'Survey sent',
      statusHistory: [
        { status: 'PROPOSED', changedBy: 'secretariat:secretariat', note: null },
        { status: 'IN_PROGRESS', changedBy: 'secretariat:secretariat', note: null },
        { status: 'DONE', changedBy: 'secretariat:secretariat', note: 'Survey sent' },
      ],
    });
    const [latest] = await historyOf(decision.id);
    expect(latest.changes).toContainEqual({ field: 'status', from: '"IN_PROGRESS"', to: '"DONE"' });
  });

  it.each([
    ['an unknown organisation', { organisationId: 'nope' }, 'UNKNOWN_ORGANISATION', 'organisationId'],
    ['a work group that does not exist', { workGroupId: 'nope' }, 'NOT_FOUND', 'workGroupId'],
    ['an empty title', { title: '' }, 'VALUE_REQUIRED', 'title'],
    ['an over-long title', { title: 'x'.repeat(501) }, 'VALUE_TOO_LONG', 'title'],
    ['an empty clause', { clauses: ['att', ' '] }, 'VALUE_REQUIRED', 'clauses[1]'],
  ])('refuses to create one with %s', async (_what, input, code, field) => {
    expectRefused(await create({ organisationId: 'hk-stat', title: 'T', ...input }), code, field);
  });

  it.each([
    ['skips a step', 'PROPOSED', 'DONE'],
    ['goes back', 'IN_PROGRESS', 'PROPOSED'],
    ['stays where it is', 'PROPOSED', 'PROPOSED'],
    ['makes a decision UNKNOWN', 'PROPOSED', 'UNKNOWN'],
  ])('refuses a status change that %s', async (_what, from, to) => {
    const decision = (await create({ organisationId: 'hk-stat', title: `From ${from} to ${to}` })).data.createDecision;
    let version = 1;
    if (from === 'IN_PROGRESS') version = (await change({ decisionId: decision.id, status: 'IN_PROGRESS', expectedVersion: 1 })).data.changeDecisionStatus.version;
    const refused = await change({ decisionId: decision.id, status: to, expectedVersion: version });
    expectRefused(refused, 'INVALID_STATUS_TRANSITION', 'status');
    expect(refused.errors![0]!.extensions).toMatchObject({ from, to });
    const { data } = await asSecretariat(`{ decision(id: "${decision.id}") { status version } }`);
    expect(data.decision).toEqual({ status: from, version });
  });

  it('refuses a status change of a decision that does not exist', async () => {
    expectRefused(await change({ decisionId: 'nope', status: 'DONE', expectedVersion: 1 }), 'NOT_FOUND', 'decisionId');
  });
});

describe('auditTrail', () => {
  const page = (variables: Record<string, unknown>) =>
    asSecretariat(
      `query($entityId: ID, $first: Int, $after: String) { auditTrail(entityId: $entityId, first: $first, after: $after) {
        edges { cursor node { action entityId } } pageInfo { hasNextPage endCursor } } }`,
      variables,
    );

  it('pages a group\'s changes newest first as a connection, each page after the last cursor of the one before', async () => {
    const group = await newGroup('Paged trail');
    for (const [version, name] of [[1, 'Paged trail 2'], [2, 'Paged trail 3']] as const) {
      const renamed = await asSecretariat(`mutation($input: UpdateWorkGroupInput!) { updateWorkGroup(input: $input) { version } }`, {
        input: { id: group.id, expectedVersion: version, name },
      });
      expect(renamed.errors).toBeUndefined();
    }
    const first = (await page({ entityId: group.id, first: 2 })).data.auditTrail;
    expect(first.edges.map((e: { node: { action: string } }) => e.node.action)).toEqual(['updateWorkGroup', 'updateWorkGroup']);
    expect(first.pageInfo).toEqual({ hasNextPage: true, endCursor: first.edges[1].cursor });
    const second = (await page({ entityId: group.id, first: 2, after: first.pageInfo.endCursor })).data.auditTrail;
    expect(second.edges.map((e: { node: { action: string; entityId: string } }) => e.node)).toEqual([{ action: 'createWorkGroup', entityId: group.id }]);
    expect(second.pageInfo).toEqual({ hasNextPage: false, endCursor: second.edges[0].cursor });
    const past = (await page({ entityId: group.id, after: second.pageInfo.endCursor })).data.auditTrail;
    expect(past).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('refuses a page over 100 and a cursor it did not hand out (a leaderMembers one included)', async () => {
    const tooLarge = await page({ first: 101 });
    expect(tooLarge.data ?? null).toBeNull();
    expect(tooLarge.errors?.map((e) => e.extensions?.code)).toEqual(['PAGE_SIZE_EXCEEDED']);
    const memberCursor = Buffer.from('lm1:4711').toString('base64url');
    for (const after of ['not-a-cursor', memberCursor]) {
      const refused = await page({ after });
      expect(refused.data ?? null).toBeNull();
      expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['INVALID_CURSOR']);
    }
  });
});

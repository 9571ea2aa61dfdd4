import { useTestFederation } from '../harness/federation';

const federation = useTestFederation();
/** The joint work is run by the secretariat: every request here is made with its token. */
const asSecretariat = (query: string, variables?: Record<string, unknown>) =>
  federation.query(query, variables, { as: { role: 'secretariat' } });

const CHANGE = `mutation($input: ChangeDecisionStatusInput!) { changeDecisionStatus(input: $input) { status version } }`;

const newDecision = async (title: string) => {
  const { data, errors } = await asSecretariat(
    `mutation($input: CreateDecisionInput!) { createDecision(input: $input) { id } }`,
    { input: { organisationId: 'faengselsforbundet', title } },
  );
  expect(errors).toBeUndefined();
  return data.createDecision.id as string;
};

describe('two concurrent updates of one decision', () => {
  it('lets exactly one win; the other gets VERSION_CONFLICT and nothing is overwritten', async () => {
    const id = await newDecision('Concurrent update');
    const [first, second] = await Promise.all([
      asSecretariat(CHANGE, { input: { decisionId: id, status: 'IN_PROGRESS', expectedVersion: 1, note: 'from the first' } }),
      asSecretariat(CHANGE, { input: { decisionId: id, status: 'IN_PROGRESS', expectedVersion: 1, note: 'from the second' } }),
    ]);
    const winners = [first, second].filter((r) => !r.errors);
    const losers = [first, second].filter((r) => r.errors);
    expect(winners).toHaveLength(1);
    expect(winners[0]!.data.changeDecisionStatus).toEqual({ status: 'IN_PROGRESS', version: 2 });
    expect(losers).toHaveLength(1);
    expect(losers[0]!.errors![0]!.extensions).toMatchObject({
      code: 'VERSION_CONFLICT', field: 'expectedVersion', expectedVersion: 1, currentVersion: 2,
    });

    const winner = winners[0] === first ? 'from the first' : 'from the second';
    const { data } = await asSecretariat(`{ decision(id: "${id}") { statusNote version statusHistory { status note } history { action } } }`);
    expect(data.decision).toEqual({
      statusNote: winner,
      version: 2,
      statusHistory: [{ status: 'PROPOSED', note: null }, { status: 'IN_PROGRESS', note: winner }],
      history: [{ action: 'createDecision' }, { action: 'changeDecisionStatus' }],
    });
  });
});

describe('a restart of the cooperation subgraph', () => {
  it('loses nothing written before it, and the rest of the federation answers meanwhile', async () => {
    const created = await asSecretariat(
      `mutation { createWorkGroup(input: { name: "Restart group", secretariatId: "oao", participantIds: ["sl"], topics: ["pay"] }) { id } }`,
    );
    const groupId = created.data.createWorkGroup.id;
    const meeting = await asSecretariat(
      `mutation { scheduleMeeting(input: { workGroupId: "${groupId}", date: "2026-05-20", kind: STAFF_COORDINATION, participantIds: ["sl"] }) { id } }`,
    );
    const meetingId = meeting.data.scheduleMeeting.id;
    await asSecretariat(`mutation { recordMeeting(input: { meetingId: "${meetingId}", expectedVersion: 1, minutes: "Minutes kept" }) { id } }`);
    const decisionId = await newDecision('Survives a restart');
    await asSecretariat(CHANGE, { input: { decisionId, status: 'IN_PROGRESS', expectedVersion: 1 } });
    const READ = `{
      workGroup(id: "${groupId}") { name participants { ... on Organisation { id name } } topics { title }
        meetings { date status minutes participants { ... on Organisation { id } } } history { action } }
      decision(id: "${decisionId}") { status version statusHistory { status } }
    }`;
    const before = await asSecretariat(READ);

    await federation.running.stopSubgraph('cooperation');
    const during = await asSecretariat(`{ organisation(id: "sl") { name leaderMemberCount { low } workGroups { name } } }`);
    expect(during.data.organisation).toEqual({ name: 'SL', leaderMemberCount: { low: 2300 }, workGroups: null });
    expect(during.errors![0]!.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'cooperation' });

    await federation.running.startSubgraph('cooperation');
    const after = await asSecretariat(READ);
    expect(after.errors).toBeUndefined();
    expect(after.data).toEqual(before.data);
    expect(after.data.workGroup).toMatchObject({
      name: 'Restart group',
      participants: [{ id: 'oao', name: 'OAO' }, { id: 'sl', name: 'SL' }],
      meetings: [{ date: '2026-05-20', status: 'HELD', minutes: 'Minutes kept', participants: [{ id: 'sl' }] }],
      history: [{ action: 'createWorkGroup' }],
    });
    expect(after.data.decision).toEqual({ status: 'IN_PROGRESS', version: 2, statusHistory: [{ status: 'PROPOSED' }, { status: 'IN_PROGRESS' }] });
  });
});

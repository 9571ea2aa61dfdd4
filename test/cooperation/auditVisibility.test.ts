import { issueToken } from '@nlf/stack';
import { useTestFederation, type Caller } from '../harness/federation';

/**
 * The audit trail is readable by every authenticated caller, but the token subject of who made a
 * change (a person) is shown only to the work group's secretariat and the actor's own organisation's
 * staff; the rest read role and organisation. Anonymous callers are refused the trail.
 */
const federation = useTestFederation();
const run = Date.now();
const OAO_SUBJECT = `oao-runner-${process.pid}-${run}`;
const FOA_SUBJECT = `foa-author-${process.pid}-${run}`;
let groupId: string;
let decisionId: string;

beforeAll(async () => {
  const oao = await issueToken(federation.keys.issuer.privateKey, { role: 'secretariat', organisationId: 'oao', subject: OAO_SUBJECT });
  const foa = await issueToken(federation.keys.issuer.privateKey, { role: 'union-staff', organisationId: 'foa', subject: FOA_SUBJECT });
  const group = await federation.query(
    'mutation($input: CreateWorkGroupInput!) { createWorkGroup(input: $input) { id } }',
    { input: { name: `Audit visibility ${run}`, secretariatId: 'oao', participantIds: ['foa'] } },
    { as: { token: oao } },
  );
  groupId = group.data.createWorkGroup.id;
  const decision = await federation.query(
    'mutation($input: CreateDecisionInput!) { createDecision(input: $input) { id } }',
    { input: { organisationId: 'foa', workGroupId: groupId, title: `Audit visibility ${run}` } },
    { as: { token: foa } },
  );
  decisionId = decision.data.createDecision.id;
  const moved = await federation.query(
    'mutation($input: ChangeDecisionStatusInput!) { changeDecisionStatus(input: $input) { status } }',
    { input: { decisionId, status: 'IN_PROGRESS', expectedVersion: 1 } },
    { as: { token: foa } },
  );
  expect(moved.errors).toBeUndefined();
});

async function actorsSeenBy(as: Caller) {
  const { data, errors } = await federation.query(
    `query($group: ID!, $decision: ID!) {
      group: auditTrail(entityId: $group) { edges { node { actor action } } }
      decision(id: $decision) { history { actor action } statusHistory { changedBy } }
      workGroup(id: $group) { history { actor } } }`,
    { group: groupId, decision: decisionId },
    { as },
  );
  expect(errors).toBeUndefined();
  return {
    createWorkGroup: data.group.edges.map((e: { node: { actor: string } }) => e.node.actor),
    decision: data.decision.history.map((e: { actor: string }) => e.actor),
    statusChangedBy: data.decision.statusHistory.map((s: { changedBy: string }) => s.changedBy),
    groupHistory: data.workGroup.history.map((e: { actor: string }) => e.actor),
  };
}

const OAO_FULL = `secretariat:oao:${OAO_SUBJECT}`;
const FOA_FULL = `union-staff:foa:${FOA_SUBJECT}`;

it.each<[string, Caller, string, string]>([
  ['the secretariat running the group', { role: 'secretariat', org: 'oao' }, OAO_FULL, FOA_FULL],
  ['the federation-wide secretariat', { role: 'secretariat' }, OAO_FULL, FOA_FULL],
  ['another secretariat', { role: 'secretariat', org: 'ledarna' }, 'secretariat:oao', 'union-staff:foa'],
  ["the actor's own organisation's staff", { role: 'union-staff', org: 'foa' }, 'secretariat:oao', FOA_FULL],
  ["another union's staff", { role: 'union-staff', org: 'lederne' }, 'secretariat:oao', 'union-staff:foa'],
])('%s reads the trail, with subjects as allowed', async (_who, as, oao, foa) => {
  expect(await actorsSeenBy(as)).toEqual({
    createWorkGroup: [oao],
    decision: [foa, foa],
    statusChangedBy: [foa, foa],
    groupHistory: [oao],
  });
});

it('refuses anonymous callers the trail, and shows them no subject in a status history', async () => {
  const trail = await federation.query(`{ auditTrail(entityId: "${groupId}") { edges { node { actor } } } }`);
  expect(trail.data ?? null).toBeNull();
  expect(trail.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  const history = await federation.query(`{ workGroup(id: "${groupId}") { name history { actor } } }`);
  expect(history.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([['workGroup.history', 'FORBIDDEN']]);
  const status = await federation.query(`{ decision(id: "${decisionId}") { statusHistory { changedBy } } }`);
  expect(status.data.decision.statusHistory.map((s: { changedBy: string }) => s.changedBy)).toEqual(['union-staff:foa', 'union-staff:foa']);
});

import { useTestFederation, type Caller } from '../harness/federation';

const federation = useTestFederation();

const CREATE_GROUP = 'mutation($input: CreateWorkGroupInput!) { createWorkGroup(input: $input) { id secretariat { id } } }';
const CREATE_DECISION = 'mutation($input: CreateDecisionInput!) { createDecision(input: $input) { id status } }';
const CHANGE_STATUS = 'mutation($input: ChangeDecisionStatusInput!) { changeDecisionStatus(input: $input) { status version } }';

async function attempt(query: string, input: Record<string, unknown>, as?: Caller) {
  const response = await federation.query(query, { input }, as ? { as } : {});
  return { data: response.data, code: response.errors?.[0]?.extensions?.code ?? null };
}

describe('who may change the joint work', () => {
  it('lets no anonymous caller or dashboard write', async () => {
    const input = { name: 'Leadership survey 2027', secretariatId: 'oao' };
    expect((await attempt(CREATE_GROUP, input)).code).toBe('FORBIDDEN');
    // A dashboard runs only its registered, read-only operations: refused before any resolver.
    expect((await attempt(CREATE_GROUP, input, { role: 'dashboard' })).code).toBe('PERSISTED_QUERY_REQUIRED');
  });

  it('lets a secretariat that names its organisation run only its own work groups', async () => {
    const own = await attempt(CREATE_GROUP, { name: 'OAO leadership network', secretariatId: 'oao' }, { role: 'secretariat', org: 'oao' });
    expect(own.code).toBeNull();
    expect(own.data.createWorkGroup.secretariat).toEqual({ id: 'oao' });
    const other = await attempt(CREATE_GROUP, { name: 'Not ours', secretariatId: 'lo-denmark' }, { role: 'secretariat', org: 'oao' });
    expect(other.code).toBe('FORBIDDEN');
  });

  it("lets a union's staff create and move their own decisions, and no one else's", async () => {
    const foaStaff: Caller = { role: 'union-staff', org: 'foa' };
    const created = await attempt(CREATE_DECISION, { organisationId: 'foa', title: 'Lederundersøgelse 2027' }, foaStaff);
    expect(created.code).toBeNull();
    const decisionId = created.data.createDecision.id;
    const byOtherUnion = await attempt(CHANGE_STATUS, { decisionId, status: 'IN_PROGRESS', expectedVersion: 1 }, { role: 'union-staff', org: 'lederne' });
    expect(byOtherUnion.code).toBe('FORBIDDEN');
    const byOwnStaff = await attempt(CHANGE_STATUS, { decisionId, status: 'IN_PROGRESS', expectedVersion: 1 }, foaStaff);
    expect(byOwnStaff.data.changeDecisionStatus).toEqual({ status: 'IN_PROGRESS', version: 2 });
    expect((await attempt(CREATE_DECISION, { organisationId: 'lederne', title: 'Not theirs' }, foaStaff)).code).toBe('FORBIDDEN');
  });
});

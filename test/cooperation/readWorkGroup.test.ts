import { domainOrganisations, UNION_SUBGRAPHS } from '../harness/domain';
import { useTestFederation } from '../harness/federation';

const federation = useTestFederation();
/** The joint work is run by the secretariat: every request here is made with its token. */
const asSecretariat = (query: string, variables?: Record<string, unknown>) =>
  federation.query(query, variables, { as: { role: 'secretariat' } });

const JOINT_WORK = 'lo-dk-faelles-ledelsesarbejde';

const requestCounts = () =>
  Promise.all([...UNION_SUBGRAPHS, 'cooperation'].map((s) => federation.metric(s, 'nlf_graphql_requests_total')));

describe("the Danish LO unions' joint leader work", () => {
  it('is run by OAO with LO in support, as the LO paper says', async () => {
    const { data, errors } = await asSecretariat(`{
      workGroup(id: "${JOINT_WORK}") {
        name secretariat { id name kind } supportedBy { id name }
        participations { organisation { id } role basis source { quote } }
      }
    }`);
    expect(errors).toBeUndefined();
    expect(data.workGroup).toMatchObject({
      name: 'LO-forbundenes fælles ledelsesarbejde',
      secretariat: { id: 'oao', name: 'OAO', kind: 'SECRETARIAT' },
      supportedBy: { id: 'lo-denmark', name: 'LO' },
    });
    const [secretariat, support, ...members] = data.workGroup.participations;
    expect(secretariat).toMatchObject({ organisation: { id: 'oao' }, role: 'SECRETARIAT', basis: null });
    expect(secretariat.source.quote).toContain('OAO varetager sekretariatsfunktionen for dette løbende samarbejde med støtte fra LO');
    expect(support).toMatchObject({ organisation: { id: 'lo-denmark' }, role: 'SUPPORT' });
    expect(members.map((m: { organisation: { id: string } }) => m.organisation.id)).toEqual([
      'foa', 'hk-kommunal', 'sl', 'teknisk-landsforbund', '3f', 'hk-stat', 'metal-elforbundet', 'faengselsforbundet', 'hk-trafik-jernbane',
    ]);
    for (const member of members) {
      expect(member.role).toBe('MEMBER');
      expect(member.basis).toContain('does not list the participating unions by name');
    }
  });

  it("gives every participant's live leader-member figures side by side, each from its own subgraph", async () => {
    const before = await requestCounts();
    const { data, errors } = await asSecretariat(`{
      workGroup(id: "${JOINT_WORK}") {
        participants { __typename ... on Organisation { id name leaderMemberCount { low high } register { leaderMemberCount } } }
      }
    }`);
    const after = await requestCounts();
    expect(errors).toBeUndefined();
    const reported = new Map(domainOrganisations().map((org) => [org.id, org.leaderMemberCount]));
    for (const participant of data.workGroup.participants) {
      expect(participant.__typename).toBe('LoDenmark');
      const figure = reported.get(participant.id);
      expect(participant.leaderMemberCount).toEqual(figure ? { low: figure.low, high: figure.high } : null);
    }
    expect(data.workGroup.participants.find((p: { id: string }) => p.id === 'foa')).toMatchObject({
      name: 'FOA',
      leaderMemberCount: { low: 5000, high: 5000 },
      register: { leaderMemberCount: expect.any(Number) },
    });
    expect(data.workGroup.participants.find((p: { id: string }) => p.id === 'oao').register).toBeNull();
    // One call to the cooperation subgraph, one batched call to the LO subgraph, none to the others.
    expect(after.map((n, i) => n - before[i]!)).toEqual([0, 0, 0, 0, 1, 1]);
  });

  it('works on the six joint topics the paper lists, each with its quote', async () => {
    const { data } = await asSecretariat(`{ workGroup(id: "${JOINT_WORK}") { topics { title source { document quote } } } }`);
    expect(data.workGroup.topics).toHaveLength(6);
    expect(data.workGroup.topics[2]).toEqual({
      title: 'tripartite negotiations',
      source: { document: '002_9b5a86c7636ab037.txt', quote: 'trepartsforhandlinger' },
    });
    expect(data.workGroup.topics[1].source.quote).toContain('Væksthus for Ledelse');
    expect(data.workGroup.topics[5].source.quote).toBe('løbende erfaringsudveksling');
  });

  it('meets as the paper describes: elected officials about twice a year, staff in ongoing coordination, and no invented meetings', async () => {
    const { data } = await asSecretariat(`{
      workGroup(id: "${JOINT_WORK}") {
        meetingRhythm { kind participants purpose frequency { low high approximate unit source { quote } } source { quote } }
        meetings { id }
      }
    }`);
    const [elected, staff] = data.workGroup.meetingRhythm;
    expect(elected).toMatchObject({
      kind: 'ELECTED_REPRESENTATIVES',
      frequency: { low: 2, high: 2, approximate: true, unit: 'meetings per year' },
    });
    expect(elected.frequency.source.quote).toContain('cirka to gange om året');
    expect(elected.participants).toContain('sektorformændene');
    expect(elected.source.quote).toContain('Formålet med disse møder');
    expect(staff).toMatchObject({ kind: 'STAFF_COORDINATION', frequency: null });
    expect(staff.source.quote).toContain('løbende, praktisk samarbejde');
    expect(data.workGroup.meetings).toEqual([]);
  });
});

describe("Ledarna's congress decisions", () => {
  it('are Ledarna\'s items, with clauses, status as reported and activities', async () => {
    const { data, errors } = await asSecretariat(`{
      organisation(id: "ledarna") {
        name
        decisions { id congress motionNumber title clauses status originalStatus statusNote activities { text state }
          statusHistory { status originalStatus changedAt changedBy source { quote } } }
      }
    }`);
    expect(errors).toBeUndefined();
    const decisions = data.organisation.decisions;
    expect(decisions).toHaveLength(8);
    expect(decisions.filter((d: { status: string }) => d.status === 'DONE')).toHaveLength(6);
    expect(decisions.filter((d: { status: string }) => d.status === 'IN_PROGRESS').map((d: { id: string }) => d.id)).toEqual([
      'ledarna-2018-demokratiutveckling',
      'ledarna-2020-motion-19',
    ]);
    const motion19 = decisions.find((d: { id: string }) => d.id === 'ledarna-2020-motion-19');
    expect(motion19).toMatchObject({ congress: 2020, motionNumber: 19, title: 'Instiftande av ersättningsutskott', originalStatus: 'Pågår' });
    expect(motion19.clauses).toHaveLength(4);
    expect(motion19.statusHistory).toEqual([
      {
        status: 'IN_PROGRESS', originalStatus: 'Pågår', changedAt: null, changedBy: 'seed',
        source: { quote: expect.stringContaining('Status: Pågår') },
      },
    ]);
    const motion20 = decisions.find((d: { id: string }) => d.id === 'ledarna-2020-motion-20');
    expect(motion20.status).toBe('DONE');
    expect(motion20.statusNote).toContain('system rollout is still running');
    expect(motion20.activities).toContainEqual({ text: 'implementation of the adjusted system (pågår)', state: 'ONGOING' });
    expect(motion20.activities).toContainEqual({ text: 'procurement of an adjusted system', state: 'DONE' });
  });

  it("keeps Utdanningsforbundet's landsmøte decision as UNKNOWN: its source gives no status", async () => {
    const { data } = await asSecretariat(`{ decisions(organisationId: "utdanningsforbundet") { origin status originalStatus nextStatuses } }`);
    expect(data.decisions).toEqual([
      { origin: 'Landsmøtevedtak 2023', status: 'UNKNOWN', originalStatus: null, nextStatuses: ['PROPOSED', 'IN_PROGRESS', 'DONE'] },
    ]);
  });
});

describe('workGroups on every organisation', () => {
  it('costs one batched call to the cooperation subgraph for all of them', async () => {
    const before = await federation.metric('cooperation', 'nlf_graphql_requests_total');
    const { data, errors } = await asSecretariat(`{ organisations { id workGroups { name } } }`);
    const after = await federation.metric('cooperation', 'nlf_graphql_requests_total');
    expect(errors).toBeUndefined();
    expect(after - before).toBe(1);
    const groupsOf = Object.fromEntries(data.organisations.map((o: { id: string; workGroups: { name: string }[] }) => [o.id, o.workGroups]));
    const jointWork = { name: 'LO-forbundenes fælles ledelsesarbejde' };
    for (const id of ['oao', 'lo-denmark', 'foa', '3f', 'hk-trafik-jernbane']) expect(groupsOf[id]).toContainEqual(jointWork);
    // No source links the Norwegian or Swedish unions to this joint work.
    for (const id of ['lederne', 'utdanningsforbundet', 'fagforbundet', 'ledarna']) expect(groupsOf[id]).not.toContainEqual(jointWork);
  });
});

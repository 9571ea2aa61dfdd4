import { issueToken } from '@nlf/stack';
import { useTestFederation, type RequestOptions } from '../harness/federation';

// Cache off: every request reaches the subgraphs, so only in-flight sharing can save a call; the
// public snapshot off, so that every call it saves would have cost statements.
const federation = useTestFederation({ env: { NLF_RESPONSE_CACHE: 'off', NLF_PUBLIC_SNAPSHOT: 'off' } });

const COMPARISON = `{ organisations { id name leaderMemberCount { low high } councils { name size { low } } register { leaderMemberCount } }
  comparison { leaderMemberCount { low high reporting missing } } }`;
const BREAKDOWN = `{ organisation(id: "lederne") { register { leaderMemberCount breakdown(by: REGION) { total } } } }`;

describe('identical subgraph calls in flight at the same moment', () => {
  it('are sent once: twenty comparisons at once cost the subgraphs far less than twenty one after another', async () => {
    let alone: Awaited<ReturnType<typeof federation.query>> = { status: 0 };
    const { total: one } = await federation.growthDuring('nlf_sql_statements_total', async () => {
      alone = await federation.query(COMPARISON);
    });
    expect(alone.errors).toBeUndefined();

    let answers: Awaited<ReturnType<typeof federation.query>>[] = [];
    const { total: twenty } = await federation.growthDuring('nlf_sql_statements_total', async () => {
      answers = await Promise.all(Array.from({ length: 20 }, () => federation.query(COMPARISON)));
    });
    for (const answer of answers) expect(answer.data).toEqual(alone.data);
    expect(twenty).toBeLessThan((20 * one) / 2);
  });

  it('are answered by one execution: identical requests at the same moment join the one in flight', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => federation.query(COMPARISON)));
    const joined = answers.filter((answer) => answer.headers?.get('x-nlf-shared') === 'joined');
    expect(joined.length).toBeGreaterThan(0);
    expect(joined.length).toBeLessThan(20);
    for (const answer of answers) expect(answer.data).toEqual(answers[0]!.data);
  });

  it('are never shared between roles: each caller gets what its own role may see', async () => {
    const secretariat: RequestOptions = { as: { role: 'secretariat' } };
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => federation.query(BREAKDOWN, {}, i % 2 ? secretariat : {})),
    );
    answers.forEach((answer, i) => {
      if (i % 2) {
        expect(answer.errors).toBeUndefined();
        expect(answer.data.organisation.register.breakdown.total).toBe(1000);
      } else {
        // breakdown is non-null in the contract, so the forbidden field nulls the register.
        expect(answer.data.organisation.register).toBeNull();
        expect(answer.errors?.map((error) => [error.path?.join('.'), error.extensions?.code])).toEqual([
          ['organisation.register.breakdown', 'FORBIDDEN'],
        ]);
      }
    });
  });

  it('are never shared for personal data: each of two identical reads at once reaches the audit log', async () => {
    const subject = `twin-reader-${process.pid}-${Date.now()}`;
    const token = await issueToken(federation.keys.issuer.privateKey, { role: 'union-staff', organisationId: 'ledarna', subject });
    const read = `{ organisation(id: "ledarna") { leaderMembers(first: 3) { edges { node { id } } } } }`;
    await Promise.all([federation.query(read, {}, { as: { token } }), federation.query(read, {}, { as: { token } })]);
    const { data } = await federation.query(
      `{ organisation(id: "ledarna") { personalDataAccessLog(first: 100) { edges { node { actor field memberIds } } } } }`,
      {},
      { as: { token } },
    );
    const mine = data.organisation.personalDataAccessLog.edges.filter((edge: { node: { actor: string } }) => edge.node.actor === subject);
    expect(mine.map((edge: { node: unknown }) => edge.node)).toEqual([
      { actor: subject, field: 'leaderMembers', memberIds: ['ledarna-m0000001', 'ledarna-m0000002', 'ledarna-m0000003'] },
      { actor: subject, field: 'leaderMembers', memberIds: ['ledarna-m0000001', 'ledarna-m0000002', 'ledarna-m0000003'] },
    ]);
  });
});

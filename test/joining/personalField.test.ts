import { issueToken } from '@nlf/stack';
import type { TestFederation } from '../harness/federation';
import { startScaffoldedUnion } from '../harness/newUnion';
import { startFederationWithUnion, type UnionFederation } from '../harness/unionFederation';

/**
 * A union adds a personal field of its own, marked only in its own subgraph with the contract's
 * mark, and gets what the contract's personal fields get: its staff alone may read it, every read
 * is audited, and the gateway never caches or shares it. Left unmarked, the kit refuses to serve it.
 */
const indexWith = (marked: boolean) => `import 'reflect-metadata';
import { join } from 'node:path';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { leaderMemberPage, main, type SubgraphContext } from '@nlf/kit';
import { LeaderMemberConnection, ${marked ? 'Personal, ' : ''}type OrganisationClass, type OrganisationFields } from '@nlf/contract';

const resolvers = (OrganisationType: OrganisationClass) => {
  @Resolver(() => OrganisationType)
  class MentorResolver {
    @FieldResolver(() => LeaderMemberConnection, { nullable: true, description: 'Members who mentor new leaders.' })
    ${marked ? '@Personal()' : ''}
    mentors(@Root() org: OrganisationFields, @Ctx() ctx: SubgraphContext, @Arg('first', () => Int) first: number) {
      return leaderMemberPage(ctx, org.id, first, null);
    }
  }
  return [MentorResolver];
};

main({ name: 'mentorled', typeName: 'MentorledsForbund', defaultPort: 4190, dataFile: join(__dirname, '..', 'data', 'organisations.json'), resolvers });
`;

const UNION = { id: 'mentorled', name: 'Mentorleds Förbund', country: 'SE' };
let federation: TestFederation;
let running: UnionFederation;

beforeAll(async () => {
  running = await startFederationWithUnion(UNION, undefined, { files: { 'src/index.ts': indexWith(true) } });
  federation = running.federation;
}, 240_000);
afterAll(() => running?.stop());

const MENTORS = `{ organisation(id: "mentorled") { ... on MentorledsForbund { mentors(first: 2) { totalCount edges { node { id } } } } } }`;

test('its own staff read it, live every time, and each read is on its audit log', async () => {
  const subject = `mentor-reader-${process.pid}-${Date.now()}`;
  const token = await issueToken(federation.keys.issuer.privateKey, { role: 'union-staff', organisationId: 'mentorled', subject });
  const reads = [await federation.query(MENTORS, {}, { as: { token } }), await federation.query(MENTORS, {}, { as: { token } })];
  for (const read of reads) {
    expect(read.errors).toBeUndefined();
    expect(read.data.organisation.mentors.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(['mentorled-m0000001', 'mentorled-m0000002']);
    expect(read.headers?.get('x-nlf-cache')).toBe('live');
  }
  // Two at once are not joined either: each reaches the log under its caller.
  const twins = await Promise.all([federation.query(MENTORS, {}, { as: { token } }), federation.query(MENTORS, {}, { as: { token } })]);
  expect(twins.map((t) => t.headers?.get('x-nlf-shared') ?? null)).toEqual([null, null]);

  const log = await federation.query(
    `{ organisation(id: "mentorled") { personalDataAccessLog(first: 100) { edges { node { actor field memberIds arguments } } } } }`,
    {},
    { as: { role: 'union-staff', org: 'mentorled' } },
  );
  const mine = log.data.organisation.personalDataAccessLog.edges.filter((e: { node: { actor: string } }) => e.node.actor === subject);
  expect(mine.map((e: { node: unknown }) => e.node)).toEqual(
    Array(4).fill({ actor: subject, field: 'mentors', memberIds: ['mentorled-m0000001', 'mentorled-m0000002'], arguments: '{"first":2}' }),
  );
});

test('anyone else is refused it, another union\'s staff and the secretariat alike', async () => {
  // (Dashboards send registered operations only, none of which reads a union's own fields.)
  for (const as of [{ role: 'union-staff', org: 'lederne' }, { role: 'secretariat' }, { role: 'secretariat', org: 'oao' }] as const) {
    const response = await federation.query(MENTORS, {}, { as });
    expect(response.data.organisation.mentors).toBeNull();
    expect(response.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([['organisation.mentors', 'FORBIDDEN']]);
  }
  const anonymous = await federation.query(MENTORS);
  expect(anonymous.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
});

test('unmarked, the same union does not start: the kit names the field and the mark', async () => {
  await expect(startScaffoldedUnion({ ...UNION, id: 'mentorlos', name: 'Mentorlös Förbund' }, undefined, { files: { 'src/index.ts': indexWith(false).replace(/mentorled|MentorledsForbund/g, (m) => (m === 'mentorled' ? 'mentorlos' : 'MentorlosForbund')) } })).rejects.toThrow(
    /refusing to serve personal data without the mark @tag\(name: \\+"personal\\+"\): MentorlosForbund\.mentors returns personal data \(LeaderMember, through LeaderMemberConnection\.edges → LeaderMemberEdge\.node\)/,
  );
});

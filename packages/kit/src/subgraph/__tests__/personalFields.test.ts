import 'reflect-metadata';
import type { GraphQLObjectType } from 'graphql';
import { FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { LeaderMember, LeaderMemberConnection, Personal, type OrganisationClass } from '@nlf/contract';
import { buildSubgraph } from '../buildSchema';
import type { SubgraphContext } from '../context';

/** A union's own field on its organisation type, returning personal data: marked or not. */
function ownField(marked: boolean, returns: 'connection' | 'member' | 'count' = 'connection') {
  return (OrganisationType: OrganisationClass) => {
    @Resolver(() => OrganisationType)
    class MentorResolver {
      @FieldResolver(() => (returns === 'connection' ? LeaderMemberConnection : returns === 'member' ? LeaderMember : Int), { nullable: true })
      mentors(@Root() _org: { id: string }): unknown {
        return returns === 'count' ? 2 : null;
      }
    }
    if (marked) Personal()(MentorResolver.prototype, 'mentors', Object.getOwnPropertyDescriptor(MentorResolver.prototype, 'mentors')!);
    return [MentorResolver];
  };
}

describe('the kit and the personal mark', () => {
  it('prints the mark on the contract\'s personal fields and types', async () => {
    const { sdl } = await buildSubgraph({ typeName: 'Testforbund' });
    expect(sdl).toMatch(/leaderMembers\(first: Int = 20, after: String\): LeaderMemberConnection @tag\(name: "personal"\)/);
    expect(sdl).toMatch(/personalDataAccessLog\(first: Int = 20, after: String\): PersonalDataAccessConnection @tag\(name: "personal"\)/);
    expect(sdl).toContain('type LeaderMember @shareable @tag(name: "personal")');
    expect(sdl).toContain('type PersonalDataAccess @shareable @tag(name: "personal")');
    expect(sdl).not.toMatch(/register: RegisterStats[^\n]*@tag/);
  });

  it.each(['connection', 'member'] as const)('refuses to start a union field returning a LeaderMember %s without the mark', async (returns) => {
    await expect(buildSubgraph({ typeName: 'Testforbund', resolvers: ownField(false, returns) })).rejects.toThrow(
      /refusing to serve personal data without the mark @tag\(name: "personal"\): Testforbund\.mentors returns personal data \(LeaderMember[,)]/,
    );
  });

  it('guards a marked union field: others are refused before it runs, its own staff are audited, counts included', async () => {
    const { schema, sdl } = await buildSubgraph({ typeName: 'Testforbund', resolvers: ownField(true, 'count') });
    expect(sdl).toMatch(/mentors: Int @tag\(name: "personal"\)/);
    const writes: unknown[][] = [];
    const contextFor = (role: string, organisationId: string | null) =>
      ({ viewer: { subject: 'kari', role, organisationId }, em: { getConnection: () => ({ execute: async (_sql: string, values: unknown[]) => writes.push(values) }) } }) as unknown as SubgraphContext;
    // The field's resolver as the schema runs it (the reference resolver would need the database).
    const field = (schema.getType('Testforbund') as GraphQLObjectType).getFields().mentors!;
    const read = (context: SubgraphContext) => field.resolve!({ id: 'testforbund' }, {}, context, { fieldName: 'mentors' } as never);
    await expect(read(contextFor('union-staff', 'lederne'))).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(read(contextFor('secretariat', null))).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(writes).toEqual([]);
    await expect(read(contextFor('union-staff', 'testforbund'))).resolves.toBe(2);
    expect(writes).toEqual([['testforbund', 'kari', 'union-staff', 'mentors', '[]', '{}']]);
  });

  it('refuses a mark on a type whose data no organisation owns', async () => {
    @Resolver(() => LeaderMember)
    class Odd {
      @FieldResolver(() => String)
      @Personal()
      nickname(): string {
        return 'x';
      }
    }
    await expect(buildSubgraph({ typeName: 'Testforbund', resolvers: [Odd] })).rejects.toThrow(
      'LeaderMember.nickname is marked @tag(name: "personal"), but personal fields must be fields of Testforbund',
    );
  });
});

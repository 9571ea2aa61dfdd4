import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { RegisterDimension } from '@nlf/contract';
import {
  OrganisationEntity, type BranchRow, type CouncilMemberRow, type CouncilRow, type ForumRow, type OrganisationRow, type SectionRow,
} from '../db/entities';
import type { CountCell } from '../privacy/suppress';
import { entityLoaders } from './entityLoaders';
import { breakdownKey, DIMENSION_SQL, PUBLIC_LISTS, type PublicFacts, type PublicListName, type RegisterCount } from './publicFacts';

export interface BreakdownKey {
  organisationId: string;
  dimension: RegisterDimension;
}

/** The loaders of the contract's public facts: from the request's snapshot, or by SQL per request. */
export interface PublicLoaders {
  organisation: DataLoader<string, OrganisationRow | null>;
  councils: DataLoader<string, readonly CouncilRow[]>;
  councilMembers: DataLoader<string, readonly CouncilMemberRow[]>;
  forums: DataLoader<string, readonly ForumRow[]>;
  branches: DataLoader<string, readonly BranchRow[]>;
  sections: DataLoader<string, readonly SectionRow[]>;
  register: DataLoader<string, RegisterCount | null>;
  breakdown: DataLoader<BreakdownKey, readonly CountCell[], string>;
}

const REGISTER_SQL = `
select r.organisation_id, r.synthetic,
       (select count(*) from leader_member m where m.organisation_id = r.organisation_id)::int as leader_member_count
from register_info r
where r.organisation_id in (select jsonb_array_elements_text(?::jsonb))`;

const breakdownCacheKey = (key: BreakdownKey) => breakdownKey(key.dimension, key.organisationId);

/** The public facts by SQL, one statement per kind and request whatever the number of organisations. */
export function sqlPublicLoaders(em: EntityManager): PublicLoaders {
  const connection = em.getConnection();
  const { byId, listBy } = entityLoaders(em);
  const lists = Object.fromEntries(
    Object.entries(PUBLIC_LISTS).map(([name, list]) => [name, listBy(list.entity as never, list.by as never, { [list.order]: 'asc' })]),
  ) as unknown as { [Name in PublicListName]: PublicLoaders[Name] };
  return {
    organisation: byId<OrganisationRow>(OrganisationEntity),
    ...lists,
    register: new DataLoader(async (ids) => {
      const rows: { organisation_id: string; synthetic: boolean; leader_member_count: number }[] = await connection.execute(
        REGISTER_SQL,
        [JSON.stringify(ids)],
      );
      const byId = new Map(rows.map((row) => [row.organisation_id, row]));
      return ids.map((id) => {
        const row = byId.get(id);
        return row ? { synthetic: row.synthetic, leaderMemberCount: row.leader_member_count } : null;
      });
    }),
    breakdown: new DataLoader(
      async (keys) => {
        const results = new Map<string, CountCell[]>();
        for (const dimension of new Set(keys.map((key) => key.dimension))) {
          const ids = [...new Set(keys.filter((key) => key.dimension === dimension).map((key) => key.organisationId))];
          const rows: { organisation_id: string; key: string; count: number }[] = await connection.execute(
            `select organisation_id, ${DIMENSION_SQL[dimension]} as key, count(*)::int as count from leader_member
             where organisation_id in (select jsonb_array_elements_text(?::jsonb)) group by 1, 2 order by 1, 2`,
            [JSON.stringify(ids)],
          );
          for (const id of ids) results.set(breakdownKey(dimension, id), []);
          for (const row of rows) results.get(breakdownKey(dimension, row.organisation_id))!.push({ key: row.key, count: row.count });
        }
        return keys.map((key) => results.get(breakdownCacheKey(key))!);
      },
      { cacheKeyFn: breakdownCacheKey },
    ),
  };
}

/**
 * The public facts from the request's snapshot (no SQL), or from `fallback` when the request has none
 * (over the snapshot's bound, or its statement failed). `facts` is read once per request, so every
 * field of one request answers from the same data version.
 */
export function snapshotPublicLoaders(facts: () => Promise<PublicFacts | undefined>, fallback: PublicLoaders): PublicLoaders {
  const from = <K, V, C = K>(fallbackLoader: DataLoader<K, V, C>, pick: (facts: PublicFacts, key: K) => V, cacheKeyFn?: (key: K) => C) =>
    new DataLoader<K, V, C>(
      async (keys) => {
        const current = await facts();
        return current ? keys.map((key) => pick(current, key)) : fallbackLoader.loadMany(keys);
      },
      cacheKeyFn ? { cacheKeyFn } : {},
    );
  const lists = Object.fromEntries(
    (Object.keys(PUBLIC_LISTS) as PublicListName[]).map((name) => [
      name,
      from(fallback[name] as DataLoader<string, readonly unknown[]>, (current, id) => current.lists[name].get(id) ?? []),
    ]),
  ) as unknown as { [Name in PublicListName]: PublicLoaders[Name] };
  return {
    organisation: from(fallback.organisation, (current, id) => current.organisations.get(id) ?? null),
    ...lists,
    register: from(fallback.register, (current, id) => current.registers.get(id) ?? null),
    breakdown: from(fallback.breakdown, (current, key) => current.breakdowns.get(breakdownCacheKey(key)) ?? [], breakdownCacheKey),
  };
}

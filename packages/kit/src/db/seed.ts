import type { MikroORM } from '@mikro-orm/postgresql';
import { planSeed } from '../domain/planSeed';
import { planPassages, SourcePassageEntity } from '../search';
import type { DomainDocument, DomainOrganisation } from '../domain/types';
import { DEFAULT_REGISTER_SEED, generateRegister, type RegisterCountry } from '@nlf/register';
import {
  BranchEntity, CouncilEntity, CouncilMemberEntity, ForumEntity, LeaderMemberEntity, OrganisationEntity,
  RegisterInfoEntity, SectionEntity, type LeaderMemberRow,
} from './entities';

export interface SeedOptions {
  /** Synthetic leader members per union, unless `registerSizes` names the union. */
  registerSize: number;
  /** Per-organisation sizes, e.g. { lederne: 100000 }. Default: none. */
  registerSizes?: Readonly<Record<string, number>>;
  /** Seed of the register generator. Default: DEFAULT_REGISTER_SEED. */
  seed?: number;
  /** Each source document's language (organisations.json's meta), for searching it. Default: none known (searched unstemmed). */
  documentLanguages?: Readonly<Record<string, string>>;
  /** What organisations.json's meta says of each source document (sourceDocuments). Default: nothing known. */
  documents?: Readonly<Record<string, DomainDocument>>;
  /** Called with a line per step and every 10 000 members. Default: silent. */
  onProgress?: (line: string) => void;
}

export interface SeedReport {
  organisations: number;
  leaderMembers: number;
}

const BATCH = 2000;

/**
 * Loads the organisations (replacing what was there for them) and generates their synthetic
 * registers, all in one transaction: a failed seed leaves the database as it was.
 */
export async function seedOrganisations(
  orm: MikroORM,
  organisations: readonly DomainOrganisation[],
  options: SeedOptions,
): Promise<SeedReport> {
  const progress = options.onProgress ?? (() => undefined);
  const seed = options.seed ?? DEFAULT_REGISTER_SEED;
  const plans = organisations.map((org) => planSeed(org, options.documents ?? {}));
  const ids = plans.map((plan) => plan.organisation.id);
  let leaderMembers = 0;

  await orm.em.fork().transactional(async (em) => {
    // Cascades to every row that belongs to these organisations.
    await em.nativeDelete(OrganisationEntity, { id: { $in: ids } });
    await em.insertMany(OrganisationEntity, plans.map((plan) => plan.organisation));
    const councils = plans.flatMap((plan) => plan.councils);
    const councilMembers = plans.flatMap((plan) => plan.councilMembers);
    const forums = plans.flatMap((plan) => plan.forums);
    const branches = plans.flatMap((plan) => plan.branches);
    const sections = plans.flatMap((plan) => plan.sections);
    if (councils.length) await em.insertMany(CouncilEntity, councils);
    if (councilMembers.length) await em.insertMany(CouncilMemberEntity, councilMembers);
    if (forums.length) await em.insertMany(ForumEntity, forums);
    if (branches.length) await em.insertMany(BranchEntity, branches);
    if (sections.length) await em.insertMany(SectionEntity, sections);
    const passages = plans.flatMap((plan) => planPassages(plan, options.documentLanguages ?? {}));
    if (passages.length) await em.insertMany(SourcePassageEntity, passages as never[]);
    progress(`loaded ${plans.length} organisation(s): ${ids.join(', ')}; ${passages.length} searchable passages`);

    for (const plan of plans) {
      const org = plan.organisation;
      if (!org.hasRegister) continue;
      const size = options.registerSizes?.[org.id] ?? options.registerSize;
      let batch: LeaderMemberRow[] = [];
      let written = 0;
      const members = generateRegister({
        organisationId: org.id,
        country: org.country as RegisterCountry,
        size,
        seed,
        branchIds: plan.branches.map((branch) => branch.id),
        sectionIds: plan.sections.map((section) => section.id),
      });
      for (const member of members) {
        batch.push({ ...member, synthetic: true });
        if (batch.length === BATCH) {
          await em.insertMany(LeaderMemberEntity, batch);
          written += batch.length;
          batch = [];
          if (written % 10000 === 0) progress(`${org.id}: ${written}/${size} synthetic leader members`);
        }
      }
      if (batch.length) await em.insertMany(LeaderMemberEntity, batch);
      await em.insertMany(RegisterInfoEntity, [{ organisationId: org.id, synthetic: true, seed, size, generatedAt: new Date() }]);
      leaderMembers += size;
      progress(`${org.id}: register of ${size} synthetic leader members`);
    }
  });
  return { organisations: plans.length, leaderMembers };
}

/** True when no organisation has been loaded yet (a fresh database). */
export async function isEmpty(orm: MikroORM): Promise<boolean> {
  return (await orm.em.fork().count(OrganisationEntity, {})) === 0;
}

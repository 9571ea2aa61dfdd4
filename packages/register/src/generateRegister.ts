import { daysFromCivil, daysFromIsoDate, isoDateFromDays } from './dates';
import { NAMES_BY_COUNTRY } from './names';
import { fmix32, fnv1a32, Mulberry32, WeightedPicker } from './random';
import { REGION_WEIGHTS_BY_COUNTRY } from './regions';
import { leaderTitlesFor } from './titles';
import { REGISTER_COUNTRIES, type RegisterOptions, type SyntheticLeaderMember } from './types';

/**
 * The register's "today". Fixed rather than Date.now() so that a register generated next year (or
 * on a machine with a wrong clock) is byte-for-byte the one the tests and snapshots expect.
 */
export const REGISTER_REFERENCE_DATE = '2025-01-01';
/** Derived, not restated, so the date and the year used for ages cannot drift apart. */
export const REGISTER_REFERENCE_YEAR: number = Number(REGISTER_REFERENCE_DATE.slice(0, 4));

/** Arbitrary but fixed; changing it changes every synthetic register. */
export const DEFAULT_REGISTER_SEED = 20_250_101;

/** Large enough for load tests of the biggest unions, small enough to keep ids at 7 digits. */
export const MAX_REGISTER_SIZE = 5_000_000;

/** Age band for leaders, in whole years at the reference year. */
export const LEADER_MIN_AGE = 28;
export const LEADER_MAX_AGE = 67;
/** Nobody joins before this age; see joinedOn below for how it is enforced without a birth date. */
export const MIN_JOIN_AGE = 22;

/** For API descriptions and exports, so consumers cannot mistake the rows for real people. */
export const SYNTHETIC_REGISTER_NOTICE =
  'SYNTHETIC DATA: generated leader members for load and privacy testing. No row describes a real person.';

// Bound once: hot per-row code must not look up globals, which is very slow under Jest's vm context.
const { imul, max } = Math;

const ID_DIGITS = 7;
const REFERENCE_DAYS = daysFromIsoDate(REGISTER_REFERENCE_DATE) as number;
const GOLDEN_RATIO_32 = 0x9e3779b9;
// Two draws in [0, A) and [0, B) sum to [0, LEADER_MAX_AGE - LEADER_MIN_AGE]; see memberAt.
const AGE_DRAW_A = Math.floor((LEADER_MAX_AGE - LEADER_MIN_AGE) / 2) + 1;
const AGE_DRAW_B = Math.ceil((LEADER_MAX_AGE - LEADER_MIN_AGE) / 2) + 1;

/** Everything derived from the options once, so rows are cheap and random access is possible. */
interface RegisterPlan {
  readonly organisationId: string;
  readonly size: number;
  readonly baseSeed: number;
  readonly givenNames: readonly string[];
  readonly familyNames: readonly string[];
  readonly titles: readonly string[];
  readonly regions: WeightedPicker<string>;
  readonly sectionIds: readonly string[];
  readonly branchIds: readonly string[];
}

/** The 32-bit seed for one organisation's register: FNV-1a of the id and seed, then avalanched. */
export function registerSeed(organisationId: string, seed: number = DEFAULT_REGISTER_SEED): number {
  // NUL cannot occur in a decimal seed, so ("a", 12) and ("a\u00001", 2) cannot collide by construction.
  return fmix32(fnv1a32(`${organisationId}\u0000${seed}`));
}

export function formatMemberId(organisationId: string, seq: number): string {
  return `${organisationId}-m${`${seq}`.padStart(ID_DIGITS, '0')}`;
}

/** Inverse of formatMemberId; undefined for anything that is not a synthetic member id. */
export function parseMemberId(id: string): { organisationId: string; seq: number } | undefined {
  // Greedy prefix, so an organisation id that itself contains "-m" still splits at the last one.
  const match = /^(.+)-m(\d{7})$/.exec(id);
  if (match === null) return undefined;
  const seq = Number(match[2]);
  return seq >= 1 ? { organisationId: match[1] as string, seq } : undefined;
}

function validIdList(ids: readonly string[] | undefined, name: string): readonly string[] {
  if (ids === undefined) return [];
  if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string' || id.length === 0)) {
    throw new TypeError(`${name} must be an array of non-empty strings`);
  }
  // Copied so that a caller mutating its array mid-stream cannot change rows already promised.
  return [...ids];
}

function planRegister(options: RegisterOptions): RegisterPlan {
  const { organisationId, country, size, seed = DEFAULT_REGISTER_SEED } = options;
  if (typeof organisationId !== 'string' || organisationId.length === 0) {
    throw new TypeError('organisationId must be a non-empty string');
  }
  if (!REGISTER_COUNTRIES.includes(country)) {
    throw new RangeError(`country must be one of ${REGISTER_COUNTRIES.join(', ')}, got ${String(country)}`);
  }
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 0 || size > MAX_REGISTER_SIZE) {
    throw new RangeError(`size must be an integer from 0 to ${MAX_REGISTER_SIZE}, got ${String(size)}`);
  }
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) {
    throw new RangeError(`seed must be a safe integer, got ${String(seed)}`);
  }
  const names = NAMES_BY_COUNTRY[country];
  return {
    organisationId,
    size,
    baseSeed: registerSeed(organisationId, seed),
    givenNames: names.givenNames,
    familyNames: names.familyNames,
    titles: leaderTitlesFor(organisationId, country),
    regions: new WeightedPicker(REGION_WEIGHTS_BY_COUNTRY[country]),
    sectionIds: validIdList(options.sectionIds, 'sectionIds'),
    branchIds: validIdList(options.branchIds, 'branchIds'),
  };
}

/**
 * Row `seq` depends only on (organisationId, seed, seq, options lists): each row gets its own PRNG
 * seeded from the register seed and seq. That lets a paginated resolver start at any cursor without
 * replaying earlier rows, and keeps rows stable when the register's size changes.
 */
function memberAt(plan: RegisterPlan, seq: number): SyntheticLeaderMember {
  const random = new Mulberry32(fmix32((plan.baseSeed + imul(seq, GOLDEN_RATIO_32)) >>> 0));

  const givenName = random.pick(plan.givenNames);
  const familyName = random.pick(plan.familyNames);
  const title = random.pick(plan.titles);
  const region = plan.regions.pick(random);

  // Sum of two uniform draws: a triangular age distribution peaking near 47, because leaders
  // cluster in mid-career rather than being spread evenly from 28 to 67.
  const age = LEADER_MIN_AGE + random.nextInt(AGE_DRAW_A) + random.nextInt(AGE_DRAW_B);
  const birthYear = REGISTER_REFERENCE_YEAR - age;

  // Only the birth year is known, so the earliest join date is 1 January of the year after the
  // 22nd birthday year: by then the member is 22 whatever their birthday. Since LEADER_MIN_AGE
  // exceeds MIN_JOIN_AGE + 1, this window always ends after it starts.
  const earliestJoin = daysFromCivil(birthYear + MIN_JOIN_AGE + 1, 1, 1);
  const joinedOn = isoDateFromDays(earliestJoin + random.nextInt(REFERENCE_DAYS - earliestJoin + 1));

  // Drawn even when unused, so every row consumes the same number of values whatever lists are given.
  const sectionDraw = random.nextInt(max(plan.sectionIds.length, 1));
  const branchDraw = random.nextInt(max(plan.branchIds.length, 1));

  return {
    id: formatMemberId(plan.organisationId, seq),
    organisationId: plan.organisationId,
    givenName,
    familyName,
    title,
    region,
    birthYear,
    joinedOn,
    sectionId: plan.sectionIds.length > 0 ? (plan.sectionIds[sectionDraw] as string) : null,
    branchId: plan.branchIds.length > 0 ? (plan.branchIds[branchDraw] as string) : null,
  };
}

function* streamMembers(plan: RegisterPlan, firstSeq: number): Generator<SyntheticLeaderMember> {
  for (let seq = firstSeq; seq <= plan.size; seq++) yield memberAt(plan, seq);
}

/**
 * Streams a synthetic register in id order, one row at a time (never the whole array).
 * Not itself a generator function: options are validated at the call, not at the first next().
 */
export function generateRegister(options: RegisterOptions): Generator<SyntheticLeaderMember> {
  return streamMembers(planRegister(options), 1);
}

/**
 * Streams rows from sequence number `startSeq` (1-based) to the end: the rows generateRegister
 * would yield from that point. For keyset pagination, pass parseMemberId(cursor).seq + 1.
 */
export function generateRegisterFrom(options: RegisterOptions, startSeq: number): Generator<SyntheticLeaderMember> {
  if (!Number.isInteger(startSeq) || startSeq < 1) {
    throw new RangeError(`startSeq must be an integer >= 1, got ${String(startSeq)}`);
  }
  return streamMembers(planRegister(options), startSeq);
}

/** Row `seq` (1-based) of the register, or undefined when seq is outside 1..size. */
export function syntheticLeaderMemberAt(options: RegisterOptions, seq: number): SyntheticLeaderMember | undefined {
  const plan = planRegister(options);
  return Number.isInteger(seq) && seq >= 1 && seq <= plan.size ? memberAt(plan, seq) : undefined;
}

/** Countries that have unions with a synthetic register; matches the schema's `Country` enum. */
export type RegisterCountry = 'NO' | 'SE' | 'DK';

export const REGISTER_COUNTRIES: readonly RegisterCountry[] = ['NO', 'SE', 'DK'];

/**
 * One fake leader member. Every value is generated: no row describes a real person, even when a
 * name happens to match someone, because names, titles and regions are drawn independently.
 */
export interface SyntheticLeaderMember {
  /** `${organisationId}-m${seq padded to 7 digits}`: fixed width so ids sort in generation order. */
  id: string;
  organisationId: string;
  givenName: string;
  familyName: string;
  /** Leader job title in the country's language. */
  title: string;
  /** First-level region: fylke (NO), län (SE) or region (DK). */
  region: string;
  birthYear: number;
  /** ISO date, YYYY-MM-DD. */
  joinedOn: string;
  sectionId: string | null;
  branchId: string | null;
}

export interface RegisterOptions {
  organisationId: string;
  country: RegisterCountry;
  /** Number of members: an integer from 0 to MAX_REGISTER_SIZE. */
  size: number;
  /** Any safe integer; defaults to DEFAULT_REGISTER_SEED. */
  seed?: number;
  /** When non-empty, every member gets one of these; otherwise branchId is null. */
  branchIds?: readonly string[];
  /** When non-empty, every member gets one of these; otherwise sectionId is null. */
  sectionIds?: readonly string[];
}

/** Public surface of the synthetic leader-member register. */
export {
  DEFAULT_REGISTER_SEED,
  LEADER_MAX_AGE,
  LEADER_MIN_AGE,
  MAX_REGISTER_SIZE,
  MIN_JOIN_AGE,
  REGISTER_REFERENCE_DATE,
  REGISTER_REFERENCE_YEAR,
  SYNTHETIC_REGISTER_NOTICE,
  formatMemberId,
  generateRegister,
  generateRegisterFrom,
  parseMemberId,
  registerSeed,
  syntheticLeaderMemberAt,
} from './generateRegister';
export { NAMES_BY_COUNTRY, type CountryNames } from './names';
export { REGION_WEIGHTS_BY_COUNTRY, regionsOf, type RegionWeights } from './regions';
export { leaderTitlesFor } from './titles';
export { REGISTER_COUNTRIES, type RegisterCountry, type RegisterOptions, type SyntheticLeaderMember } from './types';

import type { RegisterCountry } from './types';

/**
 * First-level regions with weights for drawing a member's region.
 *
 * The weights are APPROXIMATE resident populations in thousands (national statistics, 2023-2024,
 * rounded). They only shape the synthetic distribution so that big regions get more members than
 * small ones; they are not a source for real figures, and leader membership need not follow
 * population exactly.
 */
export type RegionWeights = readonly (readonly [region: string, weight: number])[];

/** Norway: the 15 fylker in force from 1 January 2024 (Norwegian short names). */
const NO: RegionWeights = [
  ['Akershus', 728],
  ['Oslo', 717],
  ['Vestland', 651],
  ['Rogaland', 499],
  ['Trøndelag', 478],
  ['Innlandet', 375],
  ['Agder', 318],
  ['Østfold', 311],
  ['Buskerud', 272],
  ['Møre og Romsdal', 270],
  ['Vestfold', 257],
  ['Nordland', 243],
  ['Telemark', 177],
  ['Troms', 169],
  ['Finnmark', 75],
];

/** Sweden: the 21 län. */
const SE: RegionWeights = [
  ['Stockholms län', 2455],
  ['Västra Götalands län', 1752],
  ['Skåne län', 1414],
  ['Östergötlands län', 470],
  ['Uppsala län', 400],
  ['Jönköpings län', 369],
  ['Hallands län', 342],
  ['Örebro län', 306],
  ['Södermanlands län', 301],
  ['Dalarnas län', 288],
  ['Gävleborgs län', 287],
  ['Värmlands län', 283],
  ['Västmanlands län', 280],
  ['Västerbottens län', 275],
  ['Norrbottens län', 249],
  ['Kalmar län', 247],
  ['Västernorrlands län', 243],
  ['Kronobergs län', 203],
  ['Blekinge län', 157],
  ['Jämtlands län', 132],
  ['Gotlands län', 61],
];

/** Denmark: the 5 regioner. */
const DK: RegionWeights = [
  ['Region Hovedstaden', 1880],
  ['Region Midtjylland', 1350],
  ['Region Syddanmark', 1230],
  ['Region Sjælland', 850],
  ['Region Nordjylland', 595],
];

export const REGION_WEIGHTS_BY_COUNTRY: Readonly<Record<RegisterCountry, RegionWeights>> = { NO, SE, DK };

export function regionsOf(country: RegisterCountry): readonly string[] {
  return REGION_WEIGHTS_BY_COUNTRY[country].map(([region]) => region);
}

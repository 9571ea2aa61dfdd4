/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, proleptic Gregorian), using Howard
 * Hinnant's civil-date algorithms. Pure integer maths: no Date objects, so no time zone or clock
 * can influence the output, and it is cheap enough for millions of rows.
 */

// Bound once: under Jest (a vm context) each global lookup such as Math.floor is very slow.
const { floor } = Math;

export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = month > 2 ? month - 3 : month + 9;
  const dayOfYear = floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + floor(yearOfEra / 4) - floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = floor(
    (dayOfEra - floor(dayOfEra / 1460) + floor(dayOfEra / 36524) - floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + floor(yearOfEra / 4) - floor(yearOfEra / 100));
  const monthFromMarch = floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isoDateFromDays(days: number): string {
  const { year, month, day } = civilFromDays(days);
  // Template literals rather than String(): no global lookup in the hot path (see above).
  return `${`${year}`.padStart(4, '0')}-${`${month}`.padStart(2, '0')}-${`${day}`.padStart(2, '0')}`;
}

/** Parses a strict 'YYYY-MM-DD' that names a real calendar day; returns undefined otherwise. */
export function daysFromIsoDate(iso: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const days = daysFromCivil(year, month, day);
  // Round-tripping rejects 2023-02-30 and month 13, which the formula would silently roll over.
  return isoDateFromDays(days) === iso ? days : undefined;
}

import type { RegisterCountry } from './types';

/**
 * Leader job titles (workplace titles, not union offices: "formand"/"leder" as chair of a body are
 * deliberately absent, see the glossary's false friends). Unions whose members work in a known
 * field get titles from that field; any other organisation falls back to its country's list.
 */
const COUNTRY_TITLES: Readonly<Record<RegisterCountry, readonly string[]>> = {
  NO: [
    'leder', 'avdelingsleder', 'enhetsleder', 'seksjonsleder', 'teamleder',
    'daglig leder', 'driftsleder', 'prosjektleder', 'kontorleder', 'fagleder',
  ],
  SE: [
    'chef', 'enhetschef', 'avdelningschef', 'gruppchef', 'arbetsledare',
    'teamledare', 'verksamhetschef', 'driftchef', 'projektledare', 'platschef',
  ],
  DK: [
    'leder', 'afdelingsleder', 'teamleder', 'institutionsleder', 'souschef',
    'daglig leder', 'driftsleder', 'sektionsleder', 'kontorleder', 'projektleder',
  ],
};

interface UnionTitles {
  /** The union's country: its titles are only used when the register is for that country. */
  readonly country: RegisterCountry;
  readonly titles: readonly string[];
}

/** Keyed by organisation id as in shared/domain/organisations.json. */
const UNION_TITLES: Readonly<Record<string, UnionTitles>> = {
  // Leaders, specialists and technical/administrative staff, mostly in the private sector.
  lederne: {
    country: 'NO',
    titles: [
      'driftsleder', 'produksjonsleder', 'arbeidsleder', 'prosjektleder', 'avdelingsleder',
      'daglig leder', 'teamleder', 'driftssjef', 'formann', 'HMS-leder',
    ],
  },
  // School and kindergarten leaders.
  utdanningsforbundet: {
    country: 'NO',
    titles: [
      'rektor', 'assisterende rektor', 'avdelingsleder', 'inspektør', 'styrer',
      'assisterende styrer', 'fagleder', 'enhetsleder',
    ],
  },
  // Health, care and social services plus municipal support functions.
  fagforbundet: {
    country: 'NO',
    titles: [
      'avdelingsleder', 'enhetsleder', 'fagleder', 'teamleder', 'driftsleder',
      'tjenesteleder', 'virksomhetsleder', 'kjøkkensjef', 'renholdsleder',
    ],
  },
  // Managers (chefer) at every level in every industry.
  ledarna: {
    country: 'SE',
    titles: [
      'chef', 'enhetschef', 'avdelningschef', 'gruppchef', 'arbetsledare', 'förman',
      'teamledare', 'produktionschef', 'driftchef', 'platschef', 'verksamhetschef', 'projektledare',
    ],
  },
  // Public care, kitchens and cleaning/service.
  foa: {
    country: 'DK',
    titles: ['teamleder', 'afdelingsleder', 'køkkenleder', 'gruppeleder', 'souschef', 'driftsleder'],
  },
  'hk-kommunal': {
    country: 'DK',
    titles: ['kontorleder', 'teamleder', 'afdelingsleder', 'sekretariatsleder', 'sektionsleder'],
  },
  // Social pedagogues: residential and day institutions.
  sl: {
    country: 'DK',
    titles: ['forstander', 'institutionsleder', 'afdelingsleder', 'souschef', 'pædagogisk leder', 'teamleder'],
  },
  'teknisk-landsforbund': {
    country: 'DK',
    titles: ['driftsleder', 'byggeleder', 'teknisk leder', 'projektleder', 'værkfører', 'afdelingsleder'],
  },
  '3f': {
    country: 'DK',
    titles: ['værkfører', 'holdleder', 'driftsleder', 'arbejdsleder', 'teamleder'],
  },
  'hk-stat': {
    country: 'DK',
    titles: ['kontorleder', 'teamleder', 'sektionsleder', 'afdelingsleder', 'sekretariatsleder'],
  },
  'metal-elforbundet': {
    country: 'DK',
    titles: ['værkfører', 'værkstedsleder', 'driftsleder', 'teknisk leder', 'teamleder'],
  },
  // Prison and probation service.
  faengselsforbundet: {
    country: 'DK',
    titles: ['afdelingsleder', 'souschef', 'overvagtmester', 'teamleder', 'værkstedsleder'],
  },
  'hk-trafik-jernbane': {
    country: 'DK',
    titles: ['teamleder', 'driftsleder', 'afdelingsleder', 'kontorleder', 'stationsleder'],
  },
};

/** The titles a member of this organisation can get in a register for `country`. */
export function leaderTitlesFor(organisationId: string, country: RegisterCountry): readonly string[] {
  // hasOwn, not `in` or plain indexing: an id such as "constructor" must not hit Object.prototype.
  const union = Object.hasOwn(UNION_TITLES, organisationId) ? UNION_TITLES[organisationId] : undefined;
  // A mismatched country (e.g. a test register for "lederne" in SE) falls back rather than mixing
  // Norwegian titles into a Swedish register.
  return union !== undefined && union.country === country ? union.titles : COUNTRY_TITLES[country];
}

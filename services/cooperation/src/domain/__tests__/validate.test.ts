import { calendarDate, optionalLanguage, optionalText, organisationIds, requiredText } from '../validate';

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { extensions: Record<string, unknown> }).extensions;
  }
  throw new Error('did not throw');
};

describe('input rules', () => {
  it('trims text and refuses blank or over-long text, naming the field', () => {
    expect(requiredText('  OAO  ', 'name', 10)).toBe('OAO');
    expect(codeOf(() => requiredText(' \n', 'name', 10))).toMatchObject({ code: 'VALUE_REQUIRED', field: 'name' });
    expect(codeOf(() => requiredText('x'.repeat(11), 'name', 10))).toMatchObject({ code: 'VALUE_TOO_LONG', field: 'name', maximum: 10 });
    expect(optionalText('  ', 'purpose', 10)).toBeNull();
  });

  it('takes a language the search has a configuration for, null when absent, and refuses any other', () => {
    expect(optionalLanguage(' sv ', 'language')).toBe('sv');
    expect(optionalLanguage(undefined, 'language')).toBeNull();
    expect(optionalLanguage('', 'language')).toBeNull();
    expect(codeOf(() => optionalLanguage('toString', 'language'))).toMatchObject({ code: 'UNKNOWN_LANGUAGE', field: 'language' });
    expect(codeOf(() => optionalLanguage('de', 'language'))).toMatchObject({ code: 'UNKNOWN_LANGUAGE', allowed: ['nb', 'nn', 'no', 'sv', 'da', 'en'] });
  });

  it('accepts only real calendar dates', () => {
    expect(calendarDate('2024-02-29', 'date')).toBe('2024-02-29');
    for (const bad of ['2025-02-29', '2025-13-01', '12.03.2026', '2026-3-12']) {
      expect(codeOf(() => calendarDate(bad, 'date'))).toMatchObject({ code: 'INVALID_DATE', field: 'date' });
    }
  });

  it('names the position of an unknown or repeated organisation', () => {
    const known = new Set(['oao', 'foa']);
    expect(organisationIds(['foa', 'oao'], known, 'participantIds')).toEqual(['foa', 'oao']);
    expect(codeOf(() => organisationIds(['foa', 'x'], known, 'participantIds'))).toMatchObject({ code: 'UNKNOWN_ORGANISATION', field: 'participantIds[1]' });
    expect(codeOf(() => organisationIds(['foa', 'foa'], known, 'participantIds'))).toMatchObject({ code: 'DUPLICATE_PARTICIPANT', field: 'participantIds[1]' });
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planSeed } from '../../domain/planSeed';
import type { DomainFile } from '../../domain/types';
import { documentLanguages } from '../languages';
import { planPassages } from '../planPassages';

const file = JSON.parse(
  readFileSync(join(__dirname, '..', '..', '..', '..', '..', 'services', 'ledarna', 'data', 'organisations.json'), 'utf8'),
) as DomainFile;
const ledarna = planPassages(planSeed(file.organisations.find((org) => org.id === 'ledarna')!), documentLanguages(file.meta));

describe('planPassages', () => {
  it("makes each quote a passage in its document's language, under its field", () => {
    expect(ledarna).toContainEqual(expect.objectContaining({
      organisationId: 'ledarna', field: 'representativeRules[0].clauses[1]', kind: 'QUOTE', language: 'sv', config: 'swedish',
      text: 'Företrädaren kan endast företräda de som valt hen', document: '003_9b4a3abf904291a4.txt',
      fact: 'A representative can only represent those who elected them.',
    }));
  });

  it("makes the curator's English a passage in English, with the fact's quotes beside it", () => {
    const condition = ledarna.find((row) => row.text.startsWith('Ledarna does not pay for the time'))!;
    expect(condition).toMatchObject({ field: 'representativeRules[0].exceptions[0]', kind: 'ENGLISH_RENDERING', language: 'en', config: 'english' });
    expect(condition.sources.map((source) => source.quote)).toContain('Förhandlingsmandat lämnas av Ledarnas förhandlingschef.');
  });

  it('searches a document of unknown language unstemmed, never guessing one', () => {
    const unknown = planPassages(planSeed(file.organisations.find((org) => org.id === 'ledarna')!), {});
    expect(new Set(unknown.filter((row) => row.kind === 'QUOTE').map((row) => `${row.language}/${row.config}`))).toEqual(new Set(['und/simple']));
  });
});

import { useTestFederationOnOwnDatabase } from '../harness/federation';

// Decisions and work groups are created here, so the cooperation subgraph runs on a database of this
// file's own: the other files count the organisations' decisions as the sources give them.
const federation = useTestFederationOnOwnDatabase('cooperation');
/** The joint work is run by the secretariat: every request here is made with its token. */
const asSecretariat = (query: string, variables?: Record<string, unknown>) =>
  federation.query(query, variables, { as: { role: 'secretariat' } });

interface Passage {
  field: string;
  fact: string;
  kind: string;
  language: string;
  text: string;
  document: string | null;
  sources: unknown[];
}

/** The passages of one organisation's cooperationSearch that belong to `field` (a decision's or a work group's). */
async function found(organisationId: string, text: string, field: string): Promise<Passage[]> {
  const { data, errors } = await asSecretariat(
    `query ($id: ID!, $text: String!) { organisation(id: $id) {
      cooperationSearch(text: $text, first: 50) { edges { node { field fact kind language text document sources { quote } } } }
    } }`,
    { id: organisationId, text },
  );
  expect(errors).toBeUndefined();
  return (data.organisation.cooperationSearch.edges as { node: Passage }[])
    .map((edge) => edge.node)
    .filter((node) => node.field === field || node.field.startsWith(`${field}.`));
}

async function createDecision(input: Record<string, unknown>) {
  return asSecretariat('mutation ($input: CreateDecisionInput!) { createDecision(input: $input) { id version } }', { input });
}

async function changeStatus(decisionId: string, status: string, expectedVersion: number, note: string) {
  const { errors } = await asSecretariat(
    'mutation ($input: ChangeDecisionStatusInput!) { changeDecisionStatus(input: $input) { version } }',
    { input: { decisionId, status, expectedVersion, note } },
  );
  expect(errors).toBeUndefined();
}

describe('what a cooperation mutation writes is searchable as soon as it commits', () => {
  it('finds a new decision in the language it declares, by inflected forms of its words', async () => {
    const created = await createDecision({
      organisationId: 'ledarna', language: 'sv', title: 'Ledarna ska stärka medlemmarnas inflytande i regionerna',
      clauses: ['att förbundsstyrelsen utreder nya nätverk för chefer'],
    });
    expect(created.errors).toBeUndefined();
    const field = `decisions[id=${created.data.createDecision.id}]`;
    // "regionen" and "nätverket" are other forms of "regionerna" and "nätverk": Swedish stemming, not a substring.
    expect(await found('ledarna', 'regionen', field)).toEqual([{
      field, fact: 'Ledarna ska stärka medlemmarnas inflytande i regionerna', kind: 'ORIGINAL_TEXT', language: 'sv',
      text: 'Ledarna ska stärka medlemmarnas inflytande i regionerna', document: null, sources: [],
    }]);
    expect((await found('ledarna', 'nätverket', field)).map((passage) => passage.text))
      .toEqual(['att förbundsstyrelsen utreder nya nätverk för chefer']);
    // Under the organisation responsible, not another.
    expect(await found('lederne', 'regionen', field)).toEqual([]);
  });

  it('searches a decision that declares no language word for word (language "und", no stemming)', async () => {
    const created = await createDecision({ organisationId: 'foa', title: 'Mentorordning for nye ledere' });
    expect(created.errors).toBeUndefined();
    const field = `decisions[id=${created.data.createDecision.id}]`;
    expect(await found('foa', 'mentorordning', field)).toMatchObject([{ kind: 'ORIGINAL_TEXT', language: 'und', text: 'Mentorordning for nye ledere' }]);
  });

  it('replaces a decision\'s status note with the new one at each status change', async () => {
    const created = await createDecision({ organisationId: 'ledarna', language: 'sv', title: 'Översyn av föreningsstrukturen' });
    const { id } = created.data.createDecision;
    const field = `decisions[id=${id}]`;
    await changeStatus(id, 'IN_PROGRESS', 1, 'Förslaget remitteras till branschföreningarna');
    expect((await found('ledarna', 'branschföreningarnas', field)).map((passage) => passage.text))
      .toEqual(['Förslaget remitteras till branschföreningarna']);
    await changeStatus(id, 'DONE', 2, 'Kongressen antog förslaget');
    expect(await found('ledarna', 'remitteras', field)).toEqual([]);
    expect((await found('ledarna', 'kongressens', field)).map((passage) => passage.text)).toEqual(['Kongressen antog förslaget']);
  });

  it('finds a new work group\'s purpose and topics under its secretariat, and its new purpose after an update', async () => {
    const created = await asSecretariat(
      `mutation ($input: CreateWorkGroupInput!) { createWorkGroup(input: $input) { id } }`,
      { input: {
        name: 'Kursgruppen', secretariatId: 'oao', participantIds: ['3f'], language: 'da',
        purpose: 'Fælles kurser for ledermedlemmer i kommunerne', topics: ['Lønudvikling for ledere'],
      } },
    );
    expect(created.errors).toBeUndefined();
    const { id } = created.data.createWorkGroup;
    const field = `workGroups[id=${id}]`;
    expect(await found('oao', 'kommune', field)).toMatchObject([{
      field, fact: 'Fælles kurser for ledermedlemmer i kommunerne', kind: 'ORIGINAL_TEXT', language: 'da',
      text: 'Fælles kurser for ledermedlemmer i kommunerne',
    }]);
    expect(await found('oao', 'lønudviklingen', field)).toMatchObject([{ field: `${field}.topics[0]`, text: 'Lønudvikling for ledere', language: 'da' }]);

    const updated = await asSecretariat(
      `mutation ($input: UpdateWorkGroupInput!) { updateWorkGroup(input: $input) { version } }`,
      { input: { id, expectedVersion: 1, purpose: 'Netværk for nye ledere i regionerne' } },
    );
    expect(updated.errors).toBeUndefined();
    expect(await found('oao', 'kommune', field)).toEqual([]);
    expect(await found('oao', 'regionen', field)).toMatchObject([{
      field, fact: 'Netværk for nye ledere i regionerne', text: 'Netværk for nye ledere i regionerne', language: 'da',
    }]);
    // The topic keeps its passage.
    expect(await found('oao', 'lønudvikling', field)).toHaveLength(1);
  });

  it('refuses a language the search does not know before writing anything', async () => {
    const response = await createDecision({ organisationId: 'ledarna', title: 'Okänt språk', language: 'klingon' });
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'UNKNOWN_LANGUAGE', field: 'language', allowed: ['nb', 'nn', 'no', 'sv', 'da', 'en'],
    });
    const { data } = await asSecretariat('{ organisation(id: "ledarna") { decisions { title } } }');
    expect(data.organisation.decisions.map((decision: { title: string }) => decision.title)).not.toContain('Okänt språk');
  });
});

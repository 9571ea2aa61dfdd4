import { useTestFederationOnOwnDatabase } from '../harness/federation';

// The seeded joint work is changed here, so the cooperation subgraph runs on a database of this file's
// own: the other files read the sources' passages as `seed` wrote them.
const federation = useTestFederationOnOwnDatabase('cooperation');

const GROUP = 'lo-dk-faelles-ledelsesarbejde';
const FIELD = `workGroups[id=${GROUP}]`;
const asSecretariat = (query: string, variables?: Record<string, unknown>) =>
  federation.query(query, variables, { as: { role: 'secretariat' } });

async function passages(text: string) {
  const { data, errors } = await asSecretariat(
    `query ($text: String!) { organisation(id: "lo-denmark") {
      cooperationSearch(text: $text, first: 50) { edges { node { field fact kind language text sources { quote } } } }
    } }`,
    { text },
  );
  expect(errors).toBeUndefined();
  return (data.organisation.cooperationSearch.edges as { node: Record<string, unknown> }[])
    .map((edge) => edge.node)
    .filter((node) => node.field === FIELD);
}

describe("a seeded work group's passages after updateWorkGroup", () => {
  it("replace the curator's English purpose with the new one, and name the quotes by it", async () => {
    const { data } = await asSecretariat(`{ workGroup(id: "${GROUP}") { purpose version } }`);
    const { purpose, version } = data.workGroup;
    // Seeded: the purpose is the curator's English beside the paper's Danish quotes.
    const seeded = await passages('sekretariatsfunktionen');
    expect(seeded).toEqual([expect.objectContaining({ kind: 'QUOTE', language: 'da', fact: purpose })]);
    expect(await passages(purpose.split(' ').slice(0, 3).join(' '))).toContainEqual(
      expect.objectContaining({ kind: 'ENGLISH_RENDERING', language: 'en', text: purpose }),
    );

    const next = 'Fælles ledelsesarbejde på tværs af forbundene';
    const updated = await asSecretariat(
      'mutation ($input: UpdateWorkGroupInput!) { updateWorkGroup(input: $input) { version } }',
      { input: { id: GROUP, expectedVersion: version, purpose: next } },
    );
    expect(updated.errors).toBeUndefined();

    // The quote stays, now named by the new purpose; the old purpose is no longer searched.
    expect(await passages('sekretariatsfunktionen')).toEqual([{ ...seeded[0], fact: next }]);
    expect((await passages(purpose.split(' ').slice(0, 3).join(' '))).map((passage) => passage.text)).not.toContain(purpose);
    // The new purpose is in the group's language, the paper's (da): "forbundenes" finds "forbundene".
    expect(await passages('forbundenes')).toContainEqual({
      field: FIELD, fact: next, kind: 'ORIGINAL_TEXT', language: 'da', text: next, sources: [],
    });
  });
});

import { useTestFederation } from '../harness/federation';

const federation = useTestFederation();

const PASSAGE = 'organisationId field fact kind language text document score sources { document quote }';

/** Every organisation's answer to one search, by organisation id: the union's passages and the joint work's. */
async function search(text: string, first?: number) {
  const response = await federation.query(
    `query($text: String!, $first: Int) { organisations { id
      sourceSearch(text: $text, first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${PASSAGE} } } }
      cooperationSearch(text: $text, first: $first) { totalCount edges { node { ${PASSAGE} } } }
    } }`,
    { text, first },
  );
  expect(response.errors).toBeUndefined();
  return new Map<string, any>(response.data.organisations.map((org: { id: string }) => [org.id, org]));
}

const texts = (connection: { edges: { node: { text: string } }[] }) => connection.edges.map((edge) => edge.node.text);
const ilike = (passage: string, word: string) => passage.toLowerCase().includes(word.toLowerCase());

describe('search over the sources, in their own languages', () => {
  it('Norwegian: "lønnen" finds "lønna" and the leader pay position, which a plain ILIKE misses or half-finds', async () => {
    const answer = await search('lønnen', 20);
    const fagforbundet = texts(answer.get('fagforbundet').sourceSearch);
    const fee = 'Yrkesaktive medlemmer betaler 1,45 prosent av lønna i fagforenings kontingent.';
    expect(fagforbundet).toContain(fee);
    expect(ilike(fee, 'lønnen')).toBe(false);
    const utdanning = answer.get('utdanningsforbundet').sourceSearch.edges.map((edge: any) => edge.node);
    expect(utdanning[0]).toMatchObject({
      organisationId: 'utdanningsforbundet', field: 'policyPositions', kind: 'QUOTE', language: 'nb', document: '001_79697cc05bbd9d05.txt',
      text: expect.stringContaining('lønnen til dem man er satt til å lede'),
    });
    // Its fact: the English rendering of the positions, marked by its kind, never as a quote.
    expect(utdanning[0].fact).toMatch(/^Utdanningsforbundet works for:/);
    // "lønnsutvikling" starts with the stem "lønn": a prefix match, ranked below the exact stem.
    expect(texts(answer.get('utdanningsforbundet').sourceSearch)).toContain('at ledere må sikres god lønnsutvikling');
  });

  it('Swedish: "medlemmar" finds "medlemmen" and "medlemmens" in Ledarna\'s decisions; "certifierad" finds the first rule', async () => {
    const answer = await search('medlemmar', 50);
    const decisions = texts(answer.get('ledarna').cooperationSearch);
    const recruitment = decisions.find((text) => text.includes('så att medlemmen kommer till den branschförening'));
    expect(recruitment).toBeDefined();
    expect(ilike(recruitment!, 'medlemmar')).toBe(false);
    const rule = (await search('certifierad')).get('ledarna').sourceSearch.edges[0].node;
    expect(rule).toMatchObject({
      field: 'representativeRules[0].clauses[0]', kind: 'QUOTE', language: 'sv',
      text: 'Endast den som är certifierad kan få förhandlingsmandat att företräda Ledarna',
      fact: 'Only a certified person can get a negotiating mandate to represent Ledarna.',
    });
  });

  it('Danish: "ledermedlemmerne" finds "Ledermedlemmer" in every table row and the joint work\'s topics', async () => {
    const answer = await search('ledermedlemmerne');
    for (const id of ['foa', '3f', 'hk-stat', 'faengselsforbundet']) {
      const caption = answer.get(id).sourceSearch.edges.find((edge: any) => edge.node.field === 'leaderMemberCountCaption');
      expect(caption.node).toMatchObject({ text: 'Ledermedlemmer i det offentlige, skønnet:', language: 'da', organisationId: id });
      expect(ilike(caption.node.text, 'ledermedlemmerne')).toBe(false);
    }
    const joint = (await search('trepartsforhandlinger')).get('lo-denmark').cooperationSearch.edges.map((edge: any) => edge.node);
    expect(joint).toContainEqual(expect.objectContaining({
      field: 'workGroups[id=lo-dk-faelles-ledelsesarbejde].topics[2]', fact: 'tripartite negotiations', kind: 'QUOTE', language: 'da',
      text: 'trepartsforhandlinger',
    }));
    const overenskomst = texts((await search('overenskomsterne')).get('lo-denmark').sourceSearch);
    expect(overenskomst).toContain('At forhandle løn og overenskomster for ledere.');
  });

  it('English: "pay" finds Utdanningsforbundet\'s positions through their rendering, with the quotes beside it', async () => {
    const [hit] = (await search('pay')).get('utdanningsforbundet').sourceSearch.edges.map((edge: any) => edge.node);
    expect(hit).toMatchObject({ field: 'policyPositions', kind: 'ENGLISH_RENDERING', language: 'en', document: '001_79697cc05bbd9d05.txt' });
    expect(hit.text).toContain('good pay development for leaders');
    expect(hit.sources.map((source: { quote: string }) => source.quote)).toContain('at ledere må sikres god lønnsutvikling');
  });

  it('matches prefixes and small typos through pg_trgm; a compound is found by its start, not by a later part', async () => {
    expect(texts((await search('bedriftsgr')).get('lederne').sourceSearch)).toContain(
      'Hver bedriftsgruppe hører inn under en geografisk avdeling eller en bransjeavdeling.',
    );
    expect(texts((await search('certifirad')).get('ledarna').sourceSearch)).toContain(
      'Endast den som är certifierad kan få förhandlingsmandat att företräda Ledarna',
    );
    const compound = 'lederlønn skal samsvare med lederansvar, kompetanse og størrelse på virksomheten man leder';
    expect(texts((await search('lederlønnen')).get('utdanningsforbundet').sourceSearch)).toContain(compound);
    expect(texts((await search('lederl')).get('utdanningsforbundet').sourceSearch)).toContain(compound);
    expect(texts((await search('lønn', 50)).get('utdanningsforbundet').sourceSearch)).not.toContain(compound);
  });

  it('answers a word in no source with empty answers, not an error', async () => {
    const answer = await search('xylofonstemmer');
    for (const org of answer.values()) {
      expect(org.sourceSearch).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
      expect(org.cooperationSearch).toEqual({ totalCount: 0, edges: [] });
    }
  });

  it('pages each organisation on its own: 10 a page by default, every passage once, ranked within it', async () => {
    const query = `query($after: String) { organisation(id: "utdanningsforbundet") {
      sourceSearch(text: "leder", after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { field text score } } } } }`;
    const first = (await federation.query(query)).data.organisation.sourceSearch;
    expect(first.edges).toHaveLength(10);
    expect(first.totalCount).toBeGreaterThan(20);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const scores = first.edges.map((edge: any) => edge.node.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const seen: string[] = [];
    let page = first;
    for (;;) {
      seen.push(...page.edges.map((edge: any) => `${edge.node.field}|${edge.node.text}`));
      if (!page.pageInfo.hasNextPage) break;
      page = (await federation.query(query, { after: page.pageInfo.endCursor })).data.organisation.sourceSearch;
    }
    expect(seen).toHaveLength(first.totalCount);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('answers side by side for a comparison, each organisation with its own passages', async () => {
    const { data, errors } = await federation.query(`{ comparison(country: NO) { organisations { id sourceSearch(text: "tillitsvalgte", first: 2) {
      totalCount edges { node { organisationId } } } } } }`);
    expect(errors).toBeUndefined();
    for (const org of data.comparison.organisations) {
      for (const edge of org.sourceSearch.edges) expect(edge.node.organisationId).toBe(org.id);
    }
    expect(data.comparison.organisations.find((org: any) => org.id === 'fagforbundet').sourceSearch.totalCount).toBeGreaterThan(0);
  });

  it('bounds the text, the page and the cursor before searching', async () => {
    const ask = async (args: string) => {
      const { errors } = await federation.query(`{ organisation(id: "lederne") { sourceSearch(${args}) { totalCount } } }`);
      return errors?.map((error) => error.extensions?.code);
    };
    expect(await ask('text: " a "')).toEqual(['VALUE_TOO_SHORT']);
    expect(await ask(`text: "${'lønn '.repeat(41)}"`)).toEqual(['VALUE_TOO_LONG']);
    expect(await ask(`text: "${'l'.repeat(200)}"`)).toBeUndefined();
    expect(await ask(`text: "${'lønn '.repeat(13)}"`)).toEqual(['VALUE_TOO_LONG']);
    expect(await ask('text: "lønn", first: 51')).toEqual(['PAGE_SIZE_EXCEEDED']);
    expect(await ask('text: "lønn", first: 50')).toBeUndefined();
    expect(await ask('text: "lønn", after: "bm90LWEtY3Vyc29y"')).toEqual(['INVALID_CURSOR']);
    const { errors } = await federation.query(`{ organisations { cooperationSearch(text: "x") { totalCount } } }`);
    expect(new Set(errors?.map((error) => error.extensions?.code))).toEqual(new Set(['VALUE_TOO_SHORT']));
  });

  it('refuses an over-long text or page before any search statement runs, in a union subgraph and the cooperation subgraph', async () => {
    const spent = async (subgraph: string, field: string, args: string) =>
      (await federation.growthDuring('nlf_sql_statements_total', async () => {
        await federation.query(`{ organisation(id: "ledarna") { ${field}(${args}) { totalCount } } }`);
      }, [subgraph])).total;
    const words = 'lønn '.repeat(13);
    for (const [subgraph, field] of [['ledarna', 'sourceSearch'], ['cooperation', 'cooperationSearch']] as const) {
      // A search that runs: the statement the refused ones must not spend.
      const searched = await spent(subgraph, field, `text: "medlemmar ${subgraph}", first: 50`);
      expect(searched).toBeGreaterThan(0);
      for (const args of [`text: "${words}"`, `text: "${'l'.repeat(201)}"`, 'text: "medlemmar", first: 51']) {
        expect(await spent(subgraph, field, args)).toBeLessThan(searched);
      }
    }
    const { errors } = await federation.query(`{ organisation(id: "ledarna") {
      tooLong: cooperationSearch(text: "${words}") { totalCount } tooMany: cooperationSearch(text: "lønn", first: 51) { totalCount }
    } }`);
    expect(errors?.map((error) => [error.path?.at(-1), error.extensions?.code])).toEqual([
      ['tooLong', 'VALUE_TOO_LONG'], ['tooMany', 'PAGE_SIZE_EXCEEDED'],
    ]);
  });
});

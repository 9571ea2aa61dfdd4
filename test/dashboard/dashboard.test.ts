import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@nlf/stack';
import { colourPixels, openBrowser, type Browser } from '../harness/browser';
import { startTestFederation, type TestFederation } from '../harness/federation';

const BAR: [number, number, number] = [0x1f, 0x6f, 0xeb];
const SCREENSHOTS = join(__dirname, '__screenshots__');
const cooperationInSupergraph = readFileSync(join(REPO_ROOT, 'gateway', 'supergraph.graphql'), 'utf8').includes('workGroups');

let federation: TestFederation;
let browser: Browser | undefined;
beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  federation = await startTestFederation();
});
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});
afterAll(async () => {
  await federation?.stop();
});

async function openDashboard() {
  browser = await openBrowser();
  const { page } = browser;
  await page.goto(new URL('/dashboard', federation.url).toString());
  await page.locator('body[data-cooperation="done"]').waitFor();
  return page;
}

describe('the dashboard, in headless Chromium', () => {
  it('draws every union side by side, each reported figure as a bar from its low to its high', async () => {
    const page = await openDashboard();
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard.png'), fullPage: true });
    expect(await page.locator('body').getAttribute('data-state')).toBe('ready');
    const rows = page.locator('#leaders-chart .row[data-organisation]');
    expect(await rows.count()).toBe(13);
    expect(await page.locator('#leaders-chart .row[data-state="reported"]').count()).toBe(10);
    expect(await page.locator('#leaders-chart .row[data-state="not-reported"]').allTextContents()).toEqual([
      expect.stringContaining('Lederne'), expect.stringContaining('Fagforbundet'), expect.stringContaining('Ledarna'),
    ]);

    // The pixels, not the DOM: the chart has bars, every reported row has one, no other row has any.
    const chart = await colourPixels(page.locator('#leaders-chart'), BAR);
    expect(chart.matches).toBeGreaterThan(10 * 20);
    for (const id of ['utdanningsforbundet', 'foa', '3f', 'hk-stat']) {
      expect((await colourPixels(page.locator(`#leaders-chart .row[data-organisation="${id}"] svg`), BAR)).matches).toBeGreaterThan(20);
    }
    expect((await colourPixels(page.locator('#leaders-chart .row[data-organisation="lederne"]'), BAR)).matches).toBe(0);

    // A range starts at its low, not at 0: HK/Stat's 350–500 begins right of the axis start, and
    // FOA's 5000 sits about half way to Utdanningsforbundet's 9700.
    const firstBarColumn = (stats: { matchesPerColumn: number[] }) => stats.matchesPerColumn.findIndex((n) => n > 0);
    const hkStat = await colourPixels(page.locator('#leaders-chart .row[data-organisation="hk-stat"] svg'), BAR);
    expect(firstBarColumn(hkStat)).toBeGreaterThan(hkStat.width * 0.02);
    const foa = await colourPixels(page.locator('#leaders-chart .row[data-organisation="foa"] svg'), BAR);
    const utdanning = await colourPixels(page.locator('#leaders-chart .row[data-organisation="utdanningsforbundet"] svg'), BAR);
    expect(firstBarColumn(foa) / firstBarColumn(utdanning)).toBeCloseTo(5000 / 9700, 1);

    // "over 17 500" has no high: its bar fades towards the end instead of stopping at a made-up number.
    const lederneMembers = await colourPixels(page.locator('#members-chart .row[data-organisation="lederne"] svg'), BAR, 60);
    const start = firstBarColumn(lederneMembers);
    expect(lederneMembers.matchesPerColumn[start + 5]).toBeGreaterThan(0);
    expect(lederneMembers.matchesPerColumn[lederneMembers.width - 3]).toBe(0);
  });

  it('shows totals per country and which unions have not reported', async () => {
    const page = await openDashboard();
    expect(await page.locator('#countries tr[data-country="DK"]').textContent()).toContain('12,835–13,185');
    expect(await page.locator('#countries tr[data-country="NO"]').textContent()).toContain('1 of 3 (33 %)');
    expect(await page.locator('#missing li').allTextContents()).toEqual(['Lederne (Norway)', 'Fagforbundet (Norway)', 'Ledarna (Sweden)']);
    const cooperation = await page.locator('#cooperation').textContent();
    if (cooperationInSupergraph) expect(cooperation).toContain('Work groups');
    else expect(cooperation).toContain('not available in this federation');
  });

  it('searches the sources from its search box, side by side by organisation, in each language', async () => {
    const page = await openDashboard();
    const searchFor = async (text: string) => {
      await page.fill('#search-text', text);
      await page.click('#search button');
      await page.locator('body[data-search="done"]').waitFor();
    };
    await searchFor('lønnen');
    const utdanning = page.locator('#search-results article[data-organisation="utdanningsforbundet"]');
    expect(await utdanning.locator('li[data-kind="QUOTE"][data-language="nb"]').first().textContent()).toContain('lønnen til dem man er satt til å lede');
    expect(await page.locator('#search-results article[data-organisation="fagforbundet"]').textContent()).toContain('av lønna i fagforenings');
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-search.png'), fullPage: false });

    await searchFor('medlemmar');
    expect(await page.locator('#search-results article[data-organisation="ledarna"] li[data-language="sv"]').count()).toBeGreaterThan(0);
    await searchFor('pay');
    const rendering = utdanning.locator('li[data-kind="ENGLISH_RENDERING"]').first();
    expect(await rendering.textContent()).toContain('good pay development for leaders');
    expect(await rendering.getAttribute('data-field')).toBe('policyPositions');

    await searchFor('xylofonstemmer');
    expect(await page.locator('#search-results article').count()).toBe(0);
    expect(await page.locator('#search-status').textContent()).toBe('“xylofonstemmer” is in no source.');
  });

  it('shows a union whose subgraph is down as "not available", with the rest of the dashboard drawn', async () => {
    await federation.running.stopSubgraph('utdanningsforbundet');
    try {
      const page = await openDashboard();
      await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-subgraph-down.png'), fullPage: true });
      expect(await page.locator('#status').textContent()).toContain('not available right now: utdanningsforbundet');
      const row = page.locator('#leaders-chart .row[data-organisation="utdanningsforbundet"]');
      expect(await row.textContent()).toContain('not available');
      expect((await colourPixels(row, BAR)).matches).toBe(0);
      // Its red "not available" is drawn, and so are the other unions' bars.
      expect((await colourPixels(row, [0xb4, 0x23, 0x18])).matches).toBeGreaterThan(20);
      expect((await colourPixels(page.locator("#leaders-chart"), BAR)).matches).toBeGreaterThan(9 * 20);
      expect(await page.locator('#countries tr[data-country="NO"]').textContent()).toContain('not available: utdanningsforbundet');
    } finally {
      await federation.running.startSubgraph('utdanningsforbundet');
    }
  });
});

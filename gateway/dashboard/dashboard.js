// The federation's dashboard: reads the API like any client, through the registered operation
// DashboardIndicators (HTTP GET by id, cacheable). No framework and no build step.
'use strict';

const COUNTRY_NAMES = { NO: 'Norway', SE: 'Sweden', DK: 'Denmark', ALL: 'All unions' };
const BAR = '#1f6feb';
const numberFormat = new Intl.NumberFormat('en-GB');

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

function svg(tag, attributes) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

/** "700–800", "over 17 500", "≈ 9 700" as the source says it. */
function rangeText(figure) {
  if (!figure) return '';
  const low = figure.low === null ? null : numberFormat.format(figure.low);
  const high = figure.high === null ? null : numberFormat.format(figure.high);
  let text;
  if (low !== null && high !== null) text = low === high ? low : `${low}–${high}`;
  else if (low !== null) text = `over ${low}`;
  else text = `under ${high}`;
  return (figure.approximate ? '≈ ' : '') + text + (figure.estimate ? ' (estimate)' : '');
}

async function graphqlGet(operationName, id, variables) {
  const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: id } });
  const query = variables ? `&variables=${encodeURIComponent(JSON.stringify(variables))}` : '';
  const response = await fetch(`/graphql?operationName=${encodeURIComponent(operationName)}${query}&extensions=${encodeURIComponent(extensions)}`, {
    headers: { 'apollo-require-preflight': 'true' },
  });
  return response.json();
}

/** One bar row: the range from low to high on a shared scale; an open high fades to the end. */
function barRow(entry, figureName, scaleMax) {
  const label = el('div', { class: 'label' }, entry.name, ' ', el('small', {}, entry.country));
  const value = el('div', { class: 'value' });
  const row = el('div', { class: 'row', 'data-organisation': entry.id }, label);
  if (!entry.organisation) {
    row.append(el('div', { class: 'unavailable' }, 'not available'), value);
    value.append(el('span', { class: 'unavailable' }, 'subgraph down'));
    row.dataset.state = 'unavailable';
    return row;
  }
  const figure = entry.organisation.indicators[figureName];
  if (!figure || (figure.low === null && figure.high === null)) {
    row.append(el('div', { class: 'not-reported' }, 'not reported'), value);
    row.dataset.state = 'not-reported';
    return row;
  }
  const width = 1000;
  const x = (n) => Math.max(0, Math.min(width, (n / scaleMax) * width));
  const low = x(figure.low ?? 0);
  const high = figure.high === null ? width : x(figure.high);
  const chart = svg('svg', { viewBox: `0 0 ${width} 20`, preserveAspectRatio: 'none', role: 'img', 'aria-label': `${entry.name}: ${rangeText(figure)}` });
  const id = `g-${figureName}-${entry.id}`;
  const defs = svg('defs', {});
  if (figure.high === null) {
    const gradient = svg('linearGradient', { id: `${id}-open`, x1: 0, x2: 1, y1: 0, y2: 0 });
    gradient.append(svg('stop', { offset: '0%', 'stop-color': BAR, 'stop-opacity': 1 }), svg('stop', { offset: '100%', 'stop-color': BAR, 'stop-opacity': 0.05 }));
    defs.append(gradient);
  }
  if (figure.estimate) {
    const pattern = svg('pattern', { id: `${id}-hatch`, width: 8, height: 8, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
    pattern.append(svg('rect', { width: 8, height: 8, fill: BAR }), svg('rect', { width: 3, height: 8, fill: '#ffffff', 'fill-opacity': 0.45 }));
    defs.append(pattern);
  }
  chart.append(defs, svg('line', { x1: 0, x2: width, y1: 10, y2: 10, stroke: '#d0d7de', 'stroke-width': 1 }));
  const fill = figure.high === null ? `url(#${id}-open)` : figure.estimate ? `url(#${id}-hatch)` : BAR;
  // A single figure is a narrow range, still drawn as a bar (at least 8 units wide), never a dot.
  const barWidth = Math.max(8, high - low);
  chart.append(svg('rect', { x: Math.min(low, width - barWidth), y: 3, width: barWidth, height: 14, rx: 2, fill, class: 'range' }));
  value.append(rangeText(figure));
  if (figure.source) value.title = `${figure.source.document}: “${figure.source.quote}”`;
  row.append(el('div', {}, chart), value);
  row.dataset.state = 'reported';
  return row;
}

function drawChart(container, entries) {
  const figureName = container.dataset.figure;
  const bounds = entries
    .filter((entry) => entry.organisation && entry.organisation.indicators[figureName])
    .map((entry) => entry.organisation.indicators[figureName])
    .flatMap((figure) => [figure.low, figure.high])
    .filter((n) => n !== null);
  // Room past the largest bound for open ranges to fade out.
  const scaleMax = Math.max(1, ...bounds) * 1.15;
  container.replaceChildren(...entries.map((entry) => barRow(entry, figureName, scaleMax)), axisRow(scaleMax));
}

/** Tick labels under a chart, at quarters of its scale, so a bar's ends can be read off. */
function axisRow(scaleMax) {
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((share) => el('span', {}, numberFormat.format(Math.round((scaleMax * share) / 10) * 10)));
  return el('div', { class: 'row axis', 'aria-hidden': 'true' }, el('div', {}), el('div', { class: 'ticks' }, ...ticks), el('div', {}));
}

function totalText(total) {
  if (total.reporting === 0) return 'no figures';
  const low = numberFormat.format(total.low);
  const range = total.high === null ? `${low}–open` : total.high === total.low ? low : `${low}–${numberFormat.format(total.high)}`;
  return `${range}${total.estimate ? ' (incl. estimates)' : ''}`;
}

/**
 * A country's register total, and the registers too small to show: each is "fewer than N" on its
 * organisation and left out of the sum, so the dashboard says so rather than show a smaller total as whole.
 */
function registerText(country, organisations) {
  const small = organisations.filter(
    (entry) => (country.country === null || entry.country === country.country) && entry.organisation?.indicators?.registerLeaderMemberCountFewerThan,
  );
  const total = numberFormat.format(country.registerLeaderMemberCount);
  if (!small.length) return total;
  const threshold = small[0].organisation.indicators.registerLeaderMemberCountFewerThan;
  const names = small.map((entry) => entry.organisation.name).join(', ');
  return `${total} (not counted: ${names}, fewer than ${threshold} each)`;
}

function drawCountries(indicators) {
  const body = document.querySelector('#countries tbody');
  body.replaceChildren(
    ...[...indicators.countries, indicators.overall].map((country) => {
      const share = Math.round(country.reportingShare * 100);
      const filled = el('span', {});
      // Through the CSSOM: the Content-Security-Policy forbids inline style attributes.
      filled.style.width = `${share}%`;
      const bar = el('span', { class: 'share' }, filled);
      return el('tr', { 'data-country': country.id },
        el('th', {}, COUNTRY_NAMES[country.id] || country.id),
        el('td', { class: 'number' }, country.unions),
        el('td', { class: 'number' }, totalText(country.leaderMemberCount)),
        el('td', { class: 'number' }, totalText(country.memberCount)),
        el('td', {}, bar, `${country.leaderMemberCount.reporting} of ${country.unions} (${share} %)`),
        el('td', { class: 'number' }, registerText(country, indicators.organisations)),
        el('td', { class: 'number' }, country.councilCount),
        el('td', { class: 'number' }, country.forumCount),
        el('td', { class: country.unavailable.length ? 'unavailable' : '' }, country.unavailable.length ? `not available: ${country.unavailable.join(', ')}` : '–'));
    }),
  );
}

function drawMissing(indicators, names) {
  const list = document.getElementById('missing');
  const items = indicators.countries.flatMap((country) =>
    country.leaderMemberCount.missing.map((id) => el('li', {}, `${names[id] || id} (${COUNTRY_NAMES[country.id]})`)),
  );
  const unavailable = indicators.overall.unavailable.map((id) => el('li', { class: 'unavailable' }, `${names[id] || id}: not available right now`));
  list.replaceChildren(...(items.length || unavailable.length ? [...items, ...unavailable] : [el('li', {}, 'Every union has reported.')]));
}

async function drawCooperation() {
  const target = document.getElementById('cooperation');
  // Not a registered operation: the cooperation subgraph may not be part of this federation yet,
  // and then these fields do not exist. Absent fields show as "not available", never as a blank.
  const query = '{ workGroups { id name participants { id } } openDecisions: decisions(status: IN_PROGRESS) { id title } }';
  try {
    const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const answer = await response.json();
    if (!answer.data) {
      target.replaceChildren(el('p', { class: 'not-reported', 'data-state': 'not-available' }, 'Work groups and open decisions are not available in this federation (no cooperation subgraph).'));
      return;
    }
    const groups = answer.data.workGroups || [];
    const decisions = answer.data.openDecisions || [];
    target.replaceChildren(
      el('h3', {}, `Work groups (${groups.length})`),
      el('ul', {}, ...groups.map((group) => el('li', {}, `${group.name} (${(group.participants || []).length} participants)`))),
      el('h3', {}, `Open decisions (${decisions.length})`),
      el('ul', {}, ...decisions.map((decision) => el('li', {}, decision.title))),
    );
  } catch {
    target.replaceChildren(el('p', { class: 'unavailable', 'data-state': 'not-available' }, 'Work groups and open decisions: not available.'));
  }
}

const KIND_NAMES = { QUOTE: 'quote', ORIGINAL_TEXT: 'source text', ENGLISH_RENDERING: 'English rendering' };
const LANGUAGE_NAMES = { nb: 'Norwegian', sv: 'Swedish', da: 'Danish', en: 'English' };

/** One passage: its words, what kind they are (a quote or the curator's English), and the fact it supports. */
function passageItem(passage) {
  const kind = el('span', { class: `kind${passage.kind === 'ENGLISH_RENDERING' ? ' rendering' : ''}` },
    `${KIND_NAMES[passage.kind] || passage.kind}, ${LANGUAGE_NAMES[passage.language] || passage.language}`);
  const text = passage.kind === 'QUOTE' ? `“${passage.text}”` : passage.text;
  return el('li', { 'data-kind': passage.kind, 'data-language': passage.language, 'data-field': passage.field },
    kind, text, el('span', { class: 'meta' }, `${passage.field}: ${passage.fact}${passage.document ? ` (${passage.document})` : ''}`));
}

/** Each organisation with passages, side by side: its own sources first, then the joint work's. */
function drawSearch(organisations, text) {
  const target = document.getElementById('search-results');
  const status = document.getElementById('search-status');
  const cards = organisations.filter(Boolean).flatMap((org) => {
    const own = org.sourceSearch || { totalCount: 0, edges: [] };
    const joint = org.cooperationSearch || { totalCount: 0, edges: [] };
    const total = own.totalCount + joint.totalCount;
    if (!total) return [];
    const shown = own.edges.length + joint.edges.length;
    return [el('article', { 'data-organisation': org.id },
      el('h3', {}, `${org.displayName} `, el('small', {}, `${org.country} · ${total} passage${total === 1 ? '' : 's'}`)),
      el('ol', {}, ...[...own.edges, ...joint.edges].map((edge) => passageItem(edge.node))),
      ...(total > shown ? [el('p', { class: 'note' }, `${total - shown} more not shown`)] : []))];
  });
  target.replaceChildren(...cards);
  status.textContent = cards.length
    ? `“${text}” is in the sources of ${cards.length} organisation${cards.length === 1 ? '' : 's'}.`
    : `“${text}” is in no source.`;
  status.className = '';
}

function setUpSearch(ids) {
  const form = document.getElementById('search');
  const status = document.getElementById('search-status');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = document.getElementById('search-text').value.trim();
    document.body.dataset.search = 'running';
    try {
      const answer = await graphqlGet('DashboardSourceSearch', ids.DashboardSourceSearch, { text });
      if (!answer.data) throw new Error((answer.errors && answer.errors[0] && answer.errors[0].message) || 'no answer');
      drawSearch(answer.data.organisations, text);
      const failed = (answer.errors || []).filter((error) => !(error.path || []).includes('cooperationSearch'));
      if (failed.length) status.textContent += ` Some organisations could not be searched: ${failed[0].message}`;
    } catch (error) {
      document.getElementById('search-results').replaceChildren();
      status.textContent = `The search is not available right now (${error.message}).`;
      status.className = 'unavailable';
    }
    document.body.dataset.search = 'done';
  });
}

async function main() {
  const status = document.getElementById('status');
  try {
    const ids = await (await fetch('/dashboard/operations.json')).json();
    setUpSearch(ids);
    const answer = await graphqlGet('DashboardIndicators', ids.DashboardIndicators);
    const indicators = answer.data && answer.data.indicators;
    if (!indicators) throw new Error((answer.errors && answer.errors[0] && answer.errors[0].message) || 'no data');
    const unions = indicators.organisations.filter((entry) => entry.kind === 'UNION').map((entry) => ({
      ...entry,
      name: entry.organisation ? entry.organisation.displayName : entry.id,
    }));
    const names = Object.fromEntries(unions.map((entry) => [entry.id, entry.name]));
    drawChart(document.getElementById('leaders-chart'), unions);
    drawChart(document.getElementById('members-chart'), unions);
    drawCountries(indicators);
    drawMissing(indicators, names);
    const down = indicators.overall.unavailable;
    status.textContent = down.length
      ? `Some unions are not available right now: ${down.map((id) => names[id] || id).join(', ')}. Their figures are left out, not counted as 0.`
      : 'All unions answered.';
    status.className = down.length ? 'unavailable' : '';
    document.getElementById('computed').textContent = `Computed ${new Date(indicators.computedAt).toLocaleString('en-GB')} from each union's own subgraph.`;
    document.body.dataset.state = 'ready';
  } catch (error) {
    status.textContent = `The indicators are not available right now (${error.message}).`;
    status.className = 'unavailable';
    document.body.dataset.state = 'error';
  }
  await drawCooperation();
  document.body.dataset.cooperation = 'done';
}

main();

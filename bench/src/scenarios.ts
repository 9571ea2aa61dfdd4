import { encodeCursor } from '@nlf/contract';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The gateway accepts only its registered operations by hash: the dashboard's own, whose id is the
// SHA-256 of its body, so the stock systems can be sent the same hash after registering it by APQ.
const MANIFEST = join(__dirname, '..', '..', 'gateway', 'persisted-operations.json');
const DASHBOARD = (JSON.parse(readFileSync(MANIFEST, 'utf8')) as { operations: { name: string; body: string }[] }).operations.find(
  (operation) => operation.name === 'DashboardIndicators',
)!;

export interface Scenario {
  name: string;
  description: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Send as a persisted operation (APQ hash only) to the systems that support it. */
  persisted?: boolean;
  /** Selects personal data: the response cache must not apply, so the cached gateway is not run. */
  personal?: boolean;
  /** Part of the quick mode. */
  quick?: boolean;
}

const FIGURE = 'low high estimate qualifier source { quote }';
/** Page size of the pagination scenarios; the register of the largest union has 100 000 members. */
export const PAGE_SIZE = 50;
export const LARGEST_UNION = 'lederne';
export const LARGEST_REGISTER = 100_000;
// Synthetic ids are `${organisation}-m${seq padded to 7}` (packages/register): the cursor of page
// 2 000 is the id of the last member of page 1 999.
const deepCursor = encodeCursor(`${LARGEST_UNION}-m${String(1999 * PAGE_SIZE).padStart(7, '0')}`);

const PAGE = `query Page($id: ID!, $first: Int, $after: String) {
  organisation(id: $id) { leaderMembers(first: $first, after: $after) {
    totalCount edges { cursor node { id givenName familyName title region joinedOn synthetic } } pageInfo { hasNextPage endCursor } } } }`;

/** A name as a union's staff would type it into a member search: 3 573 of the 100 000 match (Hans, Hansen). */
export const SEARCH_TEXT = 'Hans';
const SEARCH = `query MemberSearch($id: ID!, $text: String!, $first: Int, $after: String) {
  organisation(id: $id) { leaderMemberSearch(text: $text, first: $first, after: $after) {
    totalCount edges { cursor node { id givenName familyName title region joinedOn synthetic } } pageInfo { hasNextPage endCursor } } } }`;

export const SCENARIOS: Scenario[] = [
  {
    name: 'cross-union',
    description: 'every organisation with councils and figures, and the comparison with totals',
    quick: true,
    query: `query CrossUnion { organisations { id name displayName country kind memberCount { ${FIGURE} } leaderMemberCount { ${FIGURE} }
      branchCounts { kind count { low } } councils { name kind size { low } members { name role } } register { leaderMemberCount } }
      comparison { leaderMemberCount { low high reporting missing unavailable estimate } memberCount { low high reporting } } }`,
  },
  {
    name: 'one-organisation',
    description: 'one organisation by id (Ledarna) with its councils and figures',
    query: `query One($id: ID!) { organisation(id: $id) { id name memberCount { ${FIGURE} } leaderMemberCount { ${FIGURE} }
      councils { name kind size { low } members { name role } } forums { name } register { leaderMemberCount } } }`,
    variables: { id: 'ledarna' },
  },
  {
    name: 'dashboard',
    description: "the dashboard's registered indicators operation (gateway/persisted-operations.json), sent by its id as an APQ hash",
    persisted: true,
    quick: true,
    query: DASHBOARD.body,
  },
  {
    name: 'page-1',
    description: `page 1 (${PAGE_SIZE} members) of the ${LARGEST_REGISTER}-member register`,
    personal: true,
    query: PAGE,
    variables: { id: LARGEST_UNION, first: PAGE_SIZE, after: null },
  },
  {
    name: 'page-2000',
    description: `page 2 000 of the same register, by keyset cursor`,
    personal: true,
    quick: true,
    query: PAGE,
    variables: { id: LARGEST_UNION, first: PAGE_SIZE, after: deepCursor },
  },
  {
    name: 'member-search',
    description: `a union staff member's search of the same register by name ("${SEARCH_TEXT}", first 20 matches and their count)`,
    personal: true,
    query: SEARCH,
    variables: { id: LARGEST_UNION, text: SEARCH_TEXT, first: 20, after: null },
  },
];

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The request body a system gets: APQ hash only where the scenario is persisted and the system supports it. */
export function requestBody(scenario: Scenario, apq: boolean): string {
  if (scenario.persisted && apq) {
    return JSON.stringify({ variables: scenario.variables ?? {}, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(scenario.query) } } });
  }
  return JSON.stringify({ query: scenario.query, variables: scenario.variables ?? {} });
}

/** The first APQ request: query and hash together, which registers the hash. */
export function registerBody(scenario: Scenario): string {
  return JSON.stringify({ query: scenario.query, variables: scenario.variables ?? {}, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(scenario.query) } } });
}

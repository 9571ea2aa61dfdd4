import { codeOf, describeErrors, entityQuery, fail, pass, representations, skip } from '../client';
import type { CheckContext, CheckOutcome, ConformanceCheck } from '../types';

/** The contract's largest page. */
export const MAX_PAGE = 100;

interface Page { totalCount: number; edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }

async function page(context: CheckContext, id: string, first: number, after: string | null) {
  const selection = 'leaderMembers(first: $first, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } }';
  const query = entityQuery(context.options.typeName, selection).replace('($representations: [_Any!]!)', '($representations: [_Any!]!, $first: Int, $after: String)');
  const answer = await context.query(query, { ...representations(context.options.typeName, [id]), first, after });
  return { answer, page: answer.data?._entities?.[0]?.leaderMembers as Page | null | undefined };
}

/** Reads up to `limit` ids in pages of `size`, following endCursor. */
async function walk(context: CheckContext, id: string, size: number, limit: number) {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const current = await page(context, id, size, after);
    if (!current.page) throw new Error(`the page after ${after ?? 'the start'} failed: ${describeErrors(current.answer)}`);
    ids.push(...current.page.edges.map((edge) => edge.node.id));
    const { totalCount: total } = current.page;
    if (!current.page.pageInfo.hasNextPage) return { ids, total, complete: true };
    if (ids.length >= limit) return { ids: ids.slice(0, limit), total, complete: false };
    after = current.page.pageInfo.endCursor;
    if (!after) throw new Error('hasNextPage is true but endCursor is null');
  }
}

async function checkOrganisation(context: CheckContext, id: string): Promise<CheckOutcome[]> {
  const start = await page(context, id, 1, null);
  if (start.answer.errors?.length) return [fail(`organisation "${id}": leaderMembers(first: 1) failed: ${describeErrors(start.answer)}`)];
  if (start.page === null) return [skip(`organisation "${id}" has no register (leaderMembers is null): nothing to page through`)];
  const outcomes: CheckOutcome[] = [];

  const tooLarge = await page(context, id, MAX_PAGE + 1, null);
  outcomes.push(codeOf(tooLarge.answer) === 'PAGE_SIZE_EXCEEDED'
    ? pass(`organisation "${id}": first: ${MAX_PAGE + 1} is refused with PAGE_SIZE_EXCEEDED`)
    : fail(`organisation "${id}": first: ${MAX_PAGE + 1} must be refused with code PAGE_SIZE_EXCEEDED; got ${describeErrors(tooLarge.answer)}`));

  const badCursor = await page(context, id, 5, 'not-a-cursor');
  outcomes.push(codeOf(badCursor.answer) === 'INVALID_CURSOR'
    ? pass(`organisation "${id}": a cursor the subgraph did not issue is refused with INVALID_CURSOR`)
    : fail(`organisation "${id}": after: "not-a-cursor" must be refused with code INVALID_CURSOR; got ${describeErrors(badCursor.answer)}`));

  const limit = context.options.walkLimit ?? 300;
  try {
    const big = await walk(context, id, MAX_PAGE, limit);
    const small = await walk(context, id, 7, big.ids.length || 1);
    const duplicates = big.ids.length - new Set(big.ids).size;
    if (duplicates) outcomes.push(fail(`organisation "${id}": walking pages of ${MAX_PAGE} returned ${duplicates} leader member(s) twice`));
    else if (small.ids.join() !== big.ids.join()) outcomes.push(fail(`organisation "${id}": pages of 7 and pages of ${MAX_PAGE} give different sequences: cursors skip or repeat members`));
    else if (big.complete && big.ids.length !== big.total) outcomes.push(fail(`organisation "${id}": walking every page gave ${big.ids.length} leader members, but totalCount is ${big.total}`));
    else outcomes.push(pass(`organisation "${id}": cursors walk ${big.complete ? `all ${big.total}` : `the first ${big.ids.length} of ${big.total}`} leader members without gaps or repeats, in pages of 7 and of ${MAX_PAGE}`));
  } catch (error) {
    outcomes.push(fail(`organisation "${id}": walking the pages failed: ${(error as Error).message}`));
  }
  return outcomes;
}

/** The contract's pagination rules on leaderMembers. */
export const paginationCheck: ConformanceCheck = {
  name: 'pagination',
  description: `leaderMembers pages hold at most ${MAX_PAGE} (PAGE_SIZE_EXCEEDED), refuse foreign cursors (INVALID_CURSOR), and walk without gaps`,
  async run(context) {
    const outcomes: CheckOutcome[] = [];
    for (const id of context.options.ids) outcomes.push(...(await checkOrganisation(context, id)));
    return outcomes;
  },
};

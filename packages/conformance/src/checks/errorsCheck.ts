import { ErrorCode } from '@nlf/contract';
import { entityQuery, fail, pass, representations } from '../client';
import type { ConformanceCheck, GraphQLAnswer } from '../types';

/** Codes a subgraph may answer with: the federation's catalogue, which holds the GraphQL server's own request errors. */
const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

function leaks(answer: GraphQLAnswer): string[] {
  return (answer.errors ?? []).flatMap((error) => {
    const extensions = error.extensions ?? {};
    const found: string[] = [];
    if ('stacktrace' in extensions || 'exception' in extensions) found.push(`a stack trace in "${error.message}"`);
    if (/\bat .+\.(js|ts):\d+/.test(error.message)) found.push(`a stack frame in the message "${error.message}"`);
    return found;
  });
}

/** Errors carry a stable code from the catalogue and never leak internals. */
export const errorsCheck: ConformanceCheck = {
  name: 'errors',
  description: 'errors carry a code from the federation catalogue (packages/contract/src/errors/codes.ts) and no stack traces',
  async run({ options, query }) {
    const id = options.ids[0]!;
    const answers: [string, GraphQLAnswer][] = [
      ['a page that is too large', await query(entityQuery(options.typeName, 'leaderMembers(first: 100000) { totalCount }'), representations(options.typeName, [id]))],
      ['a negative page size', await query(entityQuery(options.typeName, 'leaderMembers(first: -1) { totalCount }'), representations(options.typeName, [id]))],
      ['a query that does not parse', await query('{ _service { sdl ')],
      ['a field the schema does not have', await query('{ _service { noSuchField } }')],
    ];
    return answers.map(([what, answer]) => {
      const withoutCode = (answer.errors ?? []).filter((e) => typeof e.extensions?.code !== 'string');
      const unknown = (answer.errors ?? []).map((e) => e.extensions?.code).filter((c): c is string => typeof c === 'string' && !KNOWN_CODES.has(c));
      const leaked = leaks(answer);
      if (answer.data?._entities?.[0]?.leaderMembers === null && !answer.errors?.length) return pass(`${what}: organisation "${id}" has no register, nothing to refuse`);
      if (!answer.errors?.length) return fail(`${what} was accepted; it must answer with an error`);
      if (withoutCode.length) return fail(`${what}: an error without extensions.code ("${withoutCode[0]!.message}")`);
      if (unknown.length) return fail(`${what}: code ${unknown.join(', ')} is not in the federation's catalogue`);
      if (leaked.length) return fail(`${what}: the answer leaks ${leaked.join(', ')}`);
      return pass(`${what} answers with ${[...new Set(answer.errors.map((e) => String(e.extensions!.code)))].join(', ')} and no internals`);
    });
  },
};

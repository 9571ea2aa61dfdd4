import type { CheckContext, ConformanceOptions, GraphQLAnswer } from './types';

/** A plain HTTP client: the subgraph under test may be any GraphQL server. */
export function createQuery(options: ConformanceOptions): CheckContext['query'] {
  return async (query, variables, extraHeaders) => {
    const body = JSON.stringify({ query, variables });
    const signature = options.signRequest ? await options.signRequest(body) : {};
    const response = await fetch(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options.headers, ...signature, ...extraHeaders },
      body,
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    const text = await response.text();
    try {
      return { status: response.status, ...(JSON.parse(text) as object) } as GraphQLAnswer;
    } catch {
      return { status: response.status, errors: [{ message: `not a GraphQL answer (HTTP ${response.status}): ${text.slice(0, 200)}` }] };
    }
  };
}

export const pass = (message: string) => ({ status: 'pass' as const, message });
export const fail = (message: string) => ({ status: 'fail' as const, message });
export const skip = (message: string) => ({ status: 'skip' as const, message });

/** The first error's code, for messages. */
export function codeOf(answer: GraphQLAnswer): string | undefined {
  return answer.errors?.[0]?.extensions?.code as string | undefined;
}

export function describeErrors(answer: GraphQLAnswer): string {
  if (!answer.errors?.length) return 'no error';
  return answer.errors.map((e) => `${e.message}${e.extensions?.code ? ` (${String(e.extensions.code)})` : ''}`).join('; ');
}

/** `_entities` for one organisation, selecting `selection` on the subgraph's type. */
export function entityQuery(typeName: string, selection: string): string {
  return `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typeName} { ${selection} } } }`;
}

export function representations(typeName: string, ids: string[]) {
  return { representations: ids.map((id) => ({ __typename: typeName, id })) };
}

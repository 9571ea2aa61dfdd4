import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Kind, visit, type DocumentNode } from 'graphql';
import { ErrorCode } from './codes';
import { FederationError } from './errors';

/** PostgreSQL cannot store U+0000 in text: a value holding it fails deep in the driver instead. */
const NUL = '\u0000';

export class InvalidCharacterError extends FederationError {
  constructor(field: string) {
    super(`${field} holds the character U+0000, which no text may contain`, ErrorCode.INVALID_CHARACTER, { field, http: { status: 400 } });
  }
}

/** Where a string literal of the document holds U+0000, named by its argument and input fields (`workGroup.id`). */
export function nulInDocument(document: DocumentNode): string | undefined {
  const names: string[] = [];
  let found: string | undefined;
  visit(document, {
    [Kind.FIELD]: { enter: (node) => void names.push(node.alias?.value ?? node.name.value), leave: () => void names.pop() },
    [Kind.ARGUMENT]: { enter: (node) => void names.push(node.name.value), leave: () => void names.pop() },
    [Kind.OBJECT_FIELD]: { enter: (node) => void names.push(node.name.value), leave: () => void names.pop() },
    [Kind.STRING]: (node) => {
      if (found === undefined && node.value.includes(NUL)) found = names.join('.') || 'a text';
    },
  });
  return found;
}

/**
 * Where the variables hold U+0000, in a value or a key (`$input.name`, `$ids[1]`). Walked without
 * recursion, so that no nesting, however deep, can exhaust the stack.
 */
export function nulInVariables(variables: Record<string, unknown> | undefined): string | undefined {
  const pending: [string, unknown][] = Object.entries(variables ?? {}).map(([name, value]) => [`$${name}`, value]);
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [path, value] = next;
    if (path.includes(NUL)) return path.replaceAll(NUL, '\\u0000');
    if (typeof value === 'string') {
      if (value.includes(NUL)) return path;
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push([`${path}[${index}]`, item]));
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) pending.push([`${path}.${key}`, item]);
    }
  }
  return undefined;
}

/**
 * Refuses, before anything runs, an operation whose texts hold U+0000 (INVALID_CHARACTER, HTTP 400,
 * with the field). Installed by the gateway and by every kit-built subgraph, so no resolver and no
 * database ever sees such a text.
 */
export function nulCharacterPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const field = nulInVariables(request.variables) ?? nulInDocument(document);
          if (field !== undefined) throw new InvalidCharacterError(field);
        },
      };
    },
  };
}

import { Kind, visit, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { LruMap } from './lruMap';

/** Fields that return personal data: an operation that selects one is never cached across callers. */
export const DEFAULT_PERSONAL_FIELDS: readonly string[] = ['leaderMembers', 'leaderMemberSearch', 'personalDataAccessLog'];

/**
 * Whether an operation may be answered from the shared cache: a query (never a mutation or a
 * subscription) that selects no personal field anywhere, fragments included. Matching is by field
 * name, whatever the type, so a new union type cannot expose a personal field under a cached query.
 */
export function isShareableQuery(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  personalFields: ReadonlySet<string>,
): boolean {
  if (operation.operation !== 'query') return false;
  let personal = false;
  visit(document, {
    [Kind.FIELD](node) {
      if (personalFields.has(node.name.value)) {
        personal = true;
        return false;
      }
      return undefined;
    },
  });
  return !personal;
}

/** An operation to decide on: its document and the operation in it that would run. */
export interface DecidableOperation {
  document: DocumentNode;
  operation: OperationDefinitionNode;
}

/**
 * isShareableQuery decided once per key (the operation's text or its hash) for the hot paths that
 * ask it on every request: the response cache, in-flight requests and in-flight subgraph calls.
 * `read` is called only for a key not yet decided; undefined there means "not shareable".
 */
export function createShareableCheck(personalFields: readonly string[] = DEFAULT_PERSONAL_FIELDS, capacity = 1000) {
  const personal = new Set(personalFields);
  const decided = new LruMap<string, boolean>(capacity);
  return (key: string, read: () => DecidableOperation | undefined): boolean => {
    let shareable = decided.get(key);
    if (shareable === undefined) {
      const target = read();
      shareable = target !== undefined && isShareableQuery(target.document, target.operation, personal);
      decided.set(key, shareable);
    }
    return shareable;
  };
}

import { Kind, visit, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { personalFieldNames } from '@nlf/contract';
import { LRUCache } from 'lru-cache';

/**
 * The names of the fields the supergraph in force marks personal (`@tag(name: "personal")`, put
 * there by the contract or by a union's own subgraph), asked at every decision so that a reloaded
 * supergraph takes effect at once. The gateway holds no list of its own.
 */
export type PersonalFieldsSource = () => ReadonlySet<string>;

/** The personal fields of one supergraph, read from its marks. */
export function personalFieldsOf(supergraphSdl: string): ReadonlySet<string> {
  return personalFieldNames(supergraphSdl);
}

/**
 * Whether an operation may be answered from the shared cache: a query (never a mutation or a
 * subscription) that selects no personal field anywhere, fragments included. Matching is by field
 * name, whatever the type, so a field marked personal on one type is never cached on any.
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
 * `read` is called only for a key not yet decided; undefined there means "not shareable". The
 * decisions are forgotten when the personal fields change (a new supergraph).
 */
export function createShareableCheck(personalFields: PersonalFieldsSource, capacity = 1000) {
  const decided = new LRUCache<string, boolean>({ max: capacity });
  let decidedFor: ReadonlySet<string> | undefined;
  return (key: string, read: () => DecidableOperation | undefined): boolean => {
    const personal = personalFields();
    if (personal !== decidedFor) {
      decided.clear();
      decidedFor = personal;
    }
    let shareable = decided.get(key);
    if (shareable === undefined) {
      const target = read();
      shareable = target !== undefined && isShareableQuery(target.document, target.operation, personal);
      decided.set(key, shareable);
    }
    return shareable;
  };
}

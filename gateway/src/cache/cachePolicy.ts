import { Kind, visit, type DocumentNode, type OperationDefinitionNode } from 'graphql';

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

import { describeErrors, entityQuery, fail, pass, representations } from '../client';
import type { ConformanceCheck } from '../types';

/** A conformant subgraph never serves an id like this. */
export const UNKNOWN_ID = 'nlf-conformance-unknown-organisation';

/** The gateway reaches every organisation through `_entities`: each id resolves, in order; unknown ids give null. */
export const entitiesCheck: ConformanceCheck = {
  name: 'entities',
  description: "each of the union's ids resolves through _entities, and an unknown id resolves to null",
  async run({ options, query }) {
    const ids = [...options.ids, UNKNOWN_ID];
    const answer = await query(entityQuery(options.typeName, '__typename id name country kind'), representations(options.typeName, ids));
    const entities = answer.data?._entities as ({ __typename: string; id: string; name: string } | null)[] | undefined;
    if (!Array.isArray(entities)) return [fail(`_entities failed: ${describeErrors(answer)}`)];
    if (entities.length !== ids.length) return [fail(`_entities returned ${entities.length} entities for ${ids.length} representations`)];
    const outcomes = options.ids.map((id, index) => {
      const entity = entities[index];
      if (!entity) return fail(`organisation "${id}" does not resolve (null)${answer.errors?.length ? `: ${describeErrors(answer)}` : ''}`);
      if (entity.id !== id) return fail(`organisation "${id}" resolves to a different id, "${entity.id}": _entities must answer in the order asked`);
      if (entity.__typename !== options.typeName) return fail(`organisation "${id}" resolves as ${entity.__typename}, not ${options.typeName}`);
      return pass(`organisation "${id}" resolves as ${options.typeName} ("${entity.name}")`);
    });
    const unknown = entities[ids.length - 1];
    outcomes.push(unknown === null ? pass('an unknown id resolves to null') : fail(`an unknown id resolves to ${JSON.stringify(unknown)}; it must be null`));
    if (answer.errors?.length) outcomes.push(fail(`resolving known and unknown ids raised errors: ${describeErrors(answer)}`));
    return outcomes;
  },
};

import { compareWithContract } from '../contractDiff';
import { fail, pass } from '../client';
import type { ConformanceCheck } from '../types';

/** `_service { sdl }` against contract.graphql, field by field: composition alone lets some breaks through. */
export const schemaCheck: ConformanceCheck = {
  name: 'schema',
  description: 'the federation SDL (_service { sdl }) implements contract.graphql exactly',
  async run({ options, contractSdl, query }) {
    const answer = await query('{ _service { sdl } }');
    const sdl = answer.data?._service?.sdl as string | undefined;
    if (!sdl) return [fail(`_service { sdl } gave no SDL (${answer.errors?.[0]?.message ?? `HTTP ${answer.status}`}): is this a Federation 2 subgraph?`)];
    let problems;
    try {
      problems = compareWithContract(sdl, contractSdl, options.typeName);
    } catch (error) {
      return [fail(`the SDL does not parse: ${(error as Error).message}`)];
    }
    if (!sdl.includes('https://specs.apollo.dev/federation/v2')) problems.push({ coordinate: 'schema', message: 'the SDL does not @link Federation 2' });
    if (!problems.length) return [pass(`the SDL implements contract.graphql exactly, with ${options.typeName} as the organisation type`)];
    return problems.map((problem) => fail(problem.message));
  },
};

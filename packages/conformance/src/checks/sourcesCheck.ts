import { describeErrors, entityQuery, fail, pass, representations } from '../client';
import type { ConformanceCheck } from '../types';

const FIGURE = 'low high source { document quote }';
const SELECTION = `id memberCount { ${FIGURE} } leaderMemberCount { ${FIGURE} } branchCounts { count { ${FIGURE} } }
  councils { name size { ${FIGURE} } } branches { name memberCount { ${FIGURE} } }`;

interface Figure { low: number | null; high: number | null; source: { document: string; quote: string } | null }

/** Every figure says where it comes from: a source document and a verbatim quote. */
export const sourcesCheck: ConformanceCheck = {
  name: 'sources',
  description: 'every figure carries its source (document and verbatim quote)',
  async run({ options, query }) {
    const answer = await query(entityQuery(options.typeName, SELECTION), representations(options.typeName, options.ids));
    const entities = answer.data?._entities as any[] | undefined;
    if (!Array.isArray(entities) || answer.errors?.length) return [fail(`reading the figures failed: ${describeErrors(answer)}`)];
    return entities.map((org, index) => {
      const id = options.ids[index]!;
      if (!org) return fail(`organisation "${id}" does not resolve`);
      const figures: [string, Figure | null][] = [
        ['memberCount', org.memberCount],
        ['leaderMemberCount', org.leaderMemberCount],
        ...org.branchCounts.map((b: any, i: number): [string, Figure] => [`branchCounts[${i}].count`, b.count]),
        ...org.councils.map((c: any): [string, Figure] => [`council "${c.name}" size`, c.size]),
        ...org.branches.map((b: any): [string, Figure] => [`branch "${b.name ?? '(unnamed)'}" memberCount`, b.memberCount]),
      ];
      const given = figures.filter(([, figure]) => figure);
      const unsourced = given.filter(([, figure]) => !figure!.source?.document?.trim() || !figure!.source.quote?.trim());
      if (unsourced.length) return fail(`organisation "${id}" has figures without a source document and quote: ${unsourced.map(([name]) => name).join(', ')}`);
      return pass(`organisation "${id}": all ${given.length} figures carry a source and a quote`);
    });
  },
};

import { standardChecks } from './checks';
import { formatReport, runConformance } from './runConformance';
import type { ConformanceOptions, ConformanceReport } from './types';

/**
 * Registers the conformance suite as jest tests, one per check, in the calling test file:
 *
 *   import { conformanceTests } from '@nlf/conformance/jest';
 *   conformanceTests(() => ({ url: 'http://127.0.0.1:4101/graphql', typeName: 'Lederne', ids: ['lederne'] }));
 *
 * Options may be a function, read when the tests run: the subgraph's URL is often known only after
 * a beforeAll started it. A failing test's message is the plain-words report of that check.
 */
export function conformanceTests(options: ConformanceOptions | (() => ConformanceOptions), title?: string): void {
  const resolve = typeof options === 'function' ? options : () => options;
  const names = [...standardChecks.map((c) => c.name), ...((typeof options === 'function' ? [] : options.checks) ?? []).map((c) => c.name)];
  describe(title ?? 'conformance to the federation contract', () => {
    let report: Promise<ConformanceReport> | undefined;
    const run = () => (report ??= runConformance(resolve()));
    for (const name of names) {
      test(name, async () => {
        const full = await run();
        const check = full.checks.find((c) => c.name === name)!;
        const failures = check.outcomes.filter((o) => o.status === 'fail');
        if (failures.length) {
          throw new Error(`${check.name}: ${check.description}\n${failures.map((f) => `  ✗ ${f.message}`).join('\n')}\n\n${formatReport(full)}`);
        }
      });
    }
  });
}

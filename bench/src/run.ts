import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { measure, load, type Measurement } from './measure';
import { registerBody, requestBody, SCENARIOS, type Scenario } from './scenarios';
import { BENCH_DIR, startBenchStack, type System } from './stack';
import { writeResults, type ScenarioResult } from './results';

/**
 * npm run bench [-- --quick]: every scenario at 1 and 32 connections, each system warmed up first,
 * the systems alternated round by round in the same run so that noise from other work on the
 * machine hits them alike. Writes bench/RESULTS.md (quick mode: bench/RESULTS.quick.md).
 */
const quick = process.argv.includes('--quick');
const settings = quick
  ? { connections: [32], warmup: 2, seconds: 4, rounds: 1 }
  : { connections: [1, 32], warmup: 2, seconds: 5, rounds: 2 };

// Hand-written reading of the numbers, appended under the generated tables.
const NOTES = join(BENCH_DIR, 'notes.md');

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

type Headers = Record<string, string>;

async function answer(system: System, scenario: Scenario, headers: Headers): Promise<string> {
  const response = await fetch(system.url, { method: 'POST', headers, body: requestBody(scenario, false) });
  const text = await response.text();
  const parsed = JSON.parse(text) as { errors?: { message: string }[] };
  if (!response.ok || parsed.errors) throw new Error(`${system.name} fails ${scenario.name}: ${(parsed.errors ? JSON.stringify(parsed.errors) : text).slice(0, 400)}`);
  return text;
}

async function main(): Promise<void> {
  const started = Date.now();
  const loadBefore = loadavg();
  const stack = await startBenchStack(log);
  const results: ScenarioResult[] = [];
  const excluded: string[] = [];
  const differing: string[] = [];
  try {
    const reference = stack.systems[0]!;
    // Members are personal data: those scenarios run as union staff of the union whose register is
    // read, sent to every system alike (the monolith has no authentication and answers as it does).
    const headersOf = (scenario: Scenario): Headers => ({
      'content-type': 'application/json',
      ...(scenario.personal ? { authorization: `Bearer ${stack.staffToken}` } : {}),
    });
    const scenarios = SCENARIOS.filter((s) => !quick || s.quick);
    const bodies: Record<string, string> = {};
    for (const scenario of scenarios) bodies[`/${scenario.name}`] = await answer(reference, scenario, headersOf(scenario));
    const bare = await stack.startBare(bodies);
    const systems = [...stack.systems, bare];

    for (const scenario of scenarios) {
      const taking = systems.filter((s) => !(scenario.personal && s.cached) && (!s.scenarios || s.scenarios.includes(scenario.name)));
      // Every system must give the same answer before it is timed (APQ registered on the way); one
      // that fails is left out of the scenario and the results say so.
      const expected = JSON.stringify(JSON.parse(bodies[`/${scenario.name}`]!));
      for (const system of taking.filter((s) => s.name !== 'bare')) {
        try {
          const got = JSON.stringify(JSON.parse(await answer(system, scenario, headersOf(scenario))));
          if (got !== expected) {
            // Kept for reading: bench/.data/differs-<system>-<scenario>.json holds both answers.
            writeFileSync(join(BENCH_DIR, '.data', `differs-${system.name}-${scenario.name}.json`), JSON.stringify({ expected: JSON.parse(expected), got: JSON.parse(got) }, null, 1));
            log(`warning: ${system.name} answers ${scenario.name} differently (both answers in bench/.data/differs-${system.name}-${scenario.name}.json)`);
            differing.push(`\`${system.name}\` answers ${scenario.name} differently from \`${reference.name}\`, and was timed anyway`);
          }
          if (system.apq && scenario.persisted) {
            await fetch(system.url, { method: 'POST', headers: headersOf(scenario), body: registerBody(scenario) });
            // What is timed is the hash alone: it must give the answer too, not PERSISTED_QUERY_NOT_FOUND.
            const byHash = await fetch(system.url, { method: 'POST', headers: headersOf(scenario), body: requestBody(scenario, true) });
            const text = await byHash.text();
            if (!byHash.ok || (JSON.parse(text) as { errors?: unknown }).errors) throw new Error(`${system.name} fails ${scenario.name} by hash: ${text.slice(0, 300)}`);
          }
        } catch (error) {
          log(`${(error as Error).message}: left out of ${scenario.name}`);
          excluded.push(`\`${system.name}\` left out of ${scenario.name}: ${(error as Error).message}`);
          taking.splice(taking.indexOf(system), 1);
        }
      }
      for (const connections of settings.connections) {
        const runs: Measurement[] = [];
        for (let round = 0; round < settings.rounds; round += 1) {
          for (const system of round % 2 ? [...taking].reverse() : taking) {
            const url = system.name === 'bare' ? `${system.url}/${scenario.name}` : system.url;
            const body = requestBody(scenario, system.apq);
            if (round === 0) await load(url, body, headersOf(scenario), connections, settings.warmup);
            const m = await measure(system, url, body, headersOf(scenario), connections, settings.seconds);
            log(`${scenario.name} c=${connections} ${system.name}: ${Math.round(m.rps)} req/s p50 ${m.p50} ms p99 ${m.p99} ms rss ${m.rssMb} MB sql/req ${m.sqlPerRequest?.toFixed(2) ?? '-'}${m.failures ? ` FAILURES ${m.failures}` : ''}`);
            runs.push(m);
          }
        }
        results.push({ scenario, connections, runs, bytes: Buffer.byteLength(bodies[`/${scenario.name}`]!) });
      }
    }
    writeResults(join(BENCH_DIR, quick ? 'RESULTS.quick.md' : 'RESULTS.md'), {
      quick,
      settings,
      systems: systems.map((s) => ({ name: s.name, label: s.label })),
      results,
      machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '?', loadBefore, loadAfter: loadavg() },
      minutes: (Date.now() - started) / 60_000,
      excluded: [...excluded, ...differing],
    }, existsSync(NOTES) ? readFileSync(NOTES, 'utf8') : '');
    log(`done in ${((Date.now() - started) / 60_000).toFixed(1)} min`);
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});

import { readFileSync } from 'node:fs';
import { CONTRACT_GRAPHQL_PATH } from '@nlf/contract';
import { createQuery, fail } from './client';
import { standardChecks } from './checks';
import { gatewaySigner, signatureCheck } from './gatewaySigning';
import type { CheckReport, ConformanceOptions, ConformanceReport } from './types';


function validate(options: ConformanceOptions): void {
  try {
    new URL(options.url);
  } catch {
    throw new Error(`"${options.url}" is not a URL; pass the subgraph's GraphQL endpoint, e.g. http://127.0.0.1:4101/graphql`);
  }
  if (!/^[A-Z][A-Za-z0-9]*$/.test(options.typeName)) throw new Error(`type "${options.typeName}" must be the PascalCase organisation type of the subgraph, e.g. Lederne`);
  if (!options.ids.length) throw new Error('give at least one organisation id the subgraph serves');
}

/** Runs every check against a running subgraph; a check that throws counts as failed, never as passed. */
export async function runConformance(given: ConformanceOptions): Promise<ConformanceReport> {
  validate(given);
  let options = given;
  const extra = [...(given.checks ?? [])];
  if (given.gatewayKey) {
    if (!given.subgraphName) throw new Error('with a gateway key, give the subgraph\'s name in the federation config (the signature\'s audience)');
    options = { ...given, signRequest: given.signRequest ?? (await gatewaySigner(given.gatewayKey, given.subgraphName, given.url)) };
    extra.unshift(signatureCheck(given.subgraphName));
  }
  const context = {
    options,
    contractSdl: options.contractSdl ?? readFileSync(CONTRACT_GRAPHQL_PATH, 'utf8'),
    query: createQuery(options),
  };
  const checks: CheckReport[] = [];
  for (const check of [...standardChecks, ...extra]) {
    let outcomes;
    try {
      outcomes = await check.run(context);
    } catch (error) {
      const cause = (error as Error & { cause?: Error }).cause;
      outcomes = [fail(`could not run: ${(error as Error).message}${cause ? ` (${cause.message})` : ''}`)];
    }
    checks.push({ name: check.name, description: check.description, outcomes });
  }
  return {
    url: options.url,
    typeName: options.typeName,
    ids: options.ids,
    checks,
    passed: checks.every((check) => check.outcomes.every((outcome) => outcome.status !== 'fail')),
  };
}

const MARK = { pass: '✓', fail: '✗', skip: '-' } as const;

/** The report in plain words, one line per finding. */
export function formatReport(report: ConformanceReport): string {
  const lines = [`Conformance of ${report.typeName} at ${report.url} (organisations: ${report.ids.join(', ')})`];
  const counts = { pass: 0, fail: 0, skip: 0 };
  for (const check of report.checks) {
    lines.push('', `${check.name}: ${check.description}`);
    for (const outcome of check.outcomes) {
      counts[outcome.status] += 1;
      lines.push(`  ${MARK[outcome.status]} ${outcome.message}`);
    }
  }
  lines.push(
    '',
    `${counts.pass} passed, ${counts.fail} failed, ${counts.skip} skipped: ${report.passed ? 'the subgraph conforms to the contract' : 'the subgraph does NOT conform to the contract'}`,
  );
  return `${lines.join('\n')}\n`;
}

import { compareWithContract } from '@nlf/conformance';
import { readFileSync } from 'node:fs';
import type { FederationConfig } from '../config';
import { CONTRACT_PATH } from '../registry/registrySdl';
import { judgeChanges, type Acknowledgement, type CheckVerdict } from './acknowledgements';
import { composeFederation, type SourcedSdl } from './composeFederation';
import type { CompositionFinding } from './explainComposition';
import { diffSupergraphs } from './schemaDiff';

export interface CheckInput {
  config: FederationConfig;
  subgraphs: SourcedSdl[];
  /** The supergraph clients have now (the committed one). */
  baseSupergraph: string;
  acknowledgements: Acknowledgement[];
  contractSdl?: string;
}

export type CheckResult =
  | { composed: false; findings: CompositionFinding[]; passed: false }
  | { composed: true; supergraph: string; verdict: CheckVerdict; contract: CompositionFinding[]; passed: boolean };

/**
 * Composes from the config and compares with the supergraph clients have: fails on a composition
 * error, on a union subgraph that departs from the contract (composition lets some of that through),
 * and on a breaking change nobody acknowledged.
 */
export async function runCheck(input: CheckInput): Promise<CheckResult> {
  const contractSdl = input.contractSdl ?? readFileSync(CONTRACT_PATH, 'utf8');
  const outcome = composeFederation(input.config, input.subgraphs, contractSdl);
  if (!outcome.ok) return { composed: false, findings: outcome.findings, passed: false };
  const contract = input.subgraphs.flatMap((subgraph) => {
    // Extension subgraphs (cooperation) serve no organisation type: the contract is not theirs.
    const entry = input.config.subgraphs.find((s) => s.name === subgraph.name);
    if (!entry) return [];
    return compareWithContract(subgraph.sdl, contractSdl, entry.typeName).map((problem) => ({
      subgraph: subgraph.name,
      message: `Subgraph "${subgraph.name}" must change ${problem.coordinate}: ${problem.message}.`,
    }));
  });
  const verdict = judgeChanges(await diffSupergraphs(input.baseSupergraph, outcome.supergraph), input.acknowledgements);
  return { composed: true, supergraph: outcome.supergraph, verdict, contract, passed: !contract.length && !verdict.unacknowledged.length };
}

/** The report `npm run check` prints. */
export function formatCheck(result: CheckResult, acknowledgementsPath: string): string {
  if (!result.composed) {
    return `✗ the supergraph does not compose:\n${result.findings.map((f) => `  ✗ ${f.message}`).join('\n')}\n`;
  }
  const lines: string[] = [];
  const { verdict } = result;
  if (result.contract.length) {
    lines.push(`Contract departures (${result.contract.length}; composition only hints at these):`);
    for (const finding of result.contract) lines.push(`  ✗ ${finding.message}`);
  }
  lines.push(`Breaking changes (${verdict.breaking.length}):`);
  if (!verdict.breaking.length) lines.push('  none');
  for (const change of verdict.breaking) {
    lines.push(change.acknowledged ? `  ✓ ${change.id}: ${change.message} (acknowledged: ${change.acknowledged.reason})` : `  ✗ ${change.id}: ${change.message}`);
  }
  lines.push(`Safe additions and changes (${verdict.safe.length}):`);
  if (!verdict.safe.length) lines.push('  none');
  for (const change of verdict.safe) lines.push(`  + ${change.id}: ${change.message}`);
  for (const unused of verdict.unused) lines.push(`note: "${unused.change}" in ${acknowledgementsPath} matches no change any more and can be removed`);
  if (verdict.unacknowledged.length) {
    lines.push(
      `\n✗ ${verdict.unacknowledged.length} breaking change(s) not acknowledged. If clients were told and can live with it, add to ${acknowledgementsPath}:`,
      JSON.stringify({ acknowledged: verdict.unacknowledged.map((c) => ({ change: c.id, reason: '<why clients can live with it>' })) }, null, 2),
    );
  }
  lines.push(result.passed ? '\n✓ check passed' : '\n✗ check failed');
  return `${lines.join('\n')}\n`;
}

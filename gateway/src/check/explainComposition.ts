import { compareWithContract } from '@nlf/conformance';
import { Kind, parse, type ConstDirectiveNode } from 'graphql';
import type { FederationConfig } from '../config';
import type { SubgraphSdl } from '../compose';

/** What one subgraph must change for the federation to compose, in a sentence. */
export interface CompositionFinding {
  /** The subgraph that must change; undefined when composition does not say. */
  subgraph?: string;
  message: string;
}

export interface ExplainInput {
  config: FederationConfig;
  contractSdl: string;
  subgraphs: SubgraphSdl[];
  /** Composition's own messages, e.g. from CompositionError.messages. */
  errors: readonly { message: string; code?: string }[];
}

function isKeyedById(directives: readonly ConstDirectiveNode[] | undefined): boolean {
  return (directives ?? []).some(
    (d) => d.name.value === 'key' && d.arguments?.some((a) => a.name.value === 'fields' && a.value.kind === Kind.STRING && a.value.value.trim() === 'id'),
  );
}

/** The quoted schema coordinates in a composition message, e.g. "Figure.low" → Figure and Figure.low. */
function coordinatesIn(message: string): string[] {
  return [...message.matchAll(/"([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)"/g)].map((m) => m[1]!);
}

/**
 * Turns a failed composition into sentences naming which subgraph must change what. Each union
 * subgraph is compared with the contract directly (the usual causes: a missing contract field, a
 * shared value type that differs, another subgraph's type name reused); composition messages that
 * no such finding covers are passed on as they are, with the subgraphs they name.
 */
export function explainComposition(input: ExplainInput): CompositionFinding[] {
  const owners = new Map(input.config.subgraphs.map((s) => [s.typeName, s.name]));
  const findings: CompositionFinding[] = [];
  const covered = new Set<string>();

  for (const subgraph of input.subgraphs) {
    const entry = input.config.subgraphs.find((s) => s.name === subgraph.name);
    if (!entry) continue;
    let document;
    try {
      document = parse(subgraph.sdl);
    } catch (error) {
      findings.push({ subgraph: subgraph.name, message: `Subgraph "${subgraph.name}" must fix its SDL, which does not parse: ${(error as Error).message}` });
      continue;
    }
    const reused = document.definitions.flatMap((d) =>
      d.kind === Kind.OBJECT_TYPE_DEFINITION && isKeyedById(d.directives) && owners.has(d.name.value) && owners.get(d.name.value) !== subgraph.name
        ? [d.name.value]
        : [],
    );
    for (const typeName of reused) {
      findings.push({
        subgraph: subgraph.name,
        message:
          `Subgraph "${subgraph.name}" must rename its organisation type ${typeName} to ${entry.typeName}: ${typeName} is subgraph ` +
          `"${owners.get(typeName)}"'s type, and every subgraph has a type name of its own (its typeName in the federation config).`,
      });
      covered.add(typeName);
      covered.add(entry.typeName);
    }
    const problems = compareWithContract(document, input.contractSdl, entry.typeName);
    for (const problem of problems) {
      if (reused.length && problem.coordinate.split(/[.(]/)[0] === entry.typeName) continue;
      findings.push({ subgraph: subgraph.name, message: `Subgraph "${subgraph.name}" must change ${problem.coordinate}: ${problem.message}.` });
      covered.add(problem.coordinate.split('(')[0]!);
      covered.add(problem.coordinate.split(/[.(]/)[0]!);
    }
  }

  for (const error of input.errors) {
    const coordinates = coordinatesIn(error.message);
    if (coordinates.some((c) => covered.has(c) || covered.has(c.split('.')[0]!))) continue;
    const named = [...new Set([...error.message.matchAll(/subgraphs? "([^"]+)"/g)].map((m) => m[1]!))];
    findings.push({
      subgraph: named.length === 1 ? named[0] : undefined,
      message: `Composition failed${error.code ? ` (${error.code})` : ''}${named.length ? ` in ${named.map((n) => `"${n}"`).join(', ')}` : ''}: ${error.message}`,
    });
  }
  return findings;
}

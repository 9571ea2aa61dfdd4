#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { formatReport, runConformance } from './runConformance';

const USAGE = `usage: nlf-conformance <url> --type <TypeName> --ids <id,id...> [--gateway-key <pem file> --subgraph <name>] [--header "Name: value"]... [--walk-limit N] [--json]
Checks that the subgraph at <url> implements the Nordic Leaders Federation contract: its SDL against
contract.graphql, entity resolution of the given ids (and null for an unknown one), pagination rules,
error codes, and that its figures carry sources. With the federation gateway's signing key it signs its
calls as the gateway does and checks that unsigned calls are refused. Exits 0 when it conforms, 1 when it does not, 2 on
bad usage.
example: nlf-conformance http://127.0.0.1:4101/graphql --type Lederne --ids lederne`;

function parse(argv: string[]) {
  const positional: string[] = [];
  const headers: Record<string, string> = {};
  let typeName: string | undefined;
  let ids: string[] | undefined;
  let walkLimit: number | undefined;
  let json = false;
  let gatewayKey: string | undefined;
  let subgraphName: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--type') typeName = value();
    else if (arg === '--ids') ids = value().split(',').map((id) => id.trim()).filter(Boolean);
    else if (arg === '--walk-limit') walkLimit = Number(value());
    else if (arg === '--json') json = true;
    else if (arg === '--gateway-key') gatewayKey = readFileSync(value(), 'utf8');
    else if (arg === '--subgraph') subgraphName = value();
    else if (arg === '--header') {
      const [name, ...rest] = value().split(':');
      if (!name || !rest.length) throw new Error('--header expects "Name: value"');
      headers[name.trim()] = rest.join(':').trim();
    } else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else positional.push(arg);
  }
  if (positional.length !== 1) throw new Error('give exactly one subgraph URL');
  if (!typeName) throw new Error('--type is required: the subgraph\'s organisation type, e.g. Lederne');
  if (!ids?.length) throw new Error('--ids is required: the organisation ids the subgraph serves, comma-separated');
  if (walkLimit !== undefined && !(Number.isInteger(walkLimit) && walkLimit > 0)) throw new Error('--walk-limit must be a positive whole number');
  if (gatewayKey && !subgraphName) throw new Error('--gateway-key needs --subgraph <name>: the subgraph\'s name in the federation config');
  return { options: { url: positional[0]!, typeName, ids, headers, walkLimit, gatewayKey, subgraphName }, json };
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let parsed;
  try {
    parsed = parse(argv);
  } catch (error) {
    process.stderr.write(`nlf-conformance: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const report = await runConformance(parsed.options);
  process.stdout.write(parsed.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  return report.passed ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`nlf-conformance: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);

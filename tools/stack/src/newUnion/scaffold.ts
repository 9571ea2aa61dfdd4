import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { validateConfig, type FederationConfig, type SubgraphEntry } from '@nlf/gateway';
import { NewUnionError, type NewUnion } from './arguments';
import { serviceFiles } from './templates';

export interface ScaffoldOptions {
  /** Where services/<id> goes: the repo root, or a copy of its layout (tests). */
  root: string;
  /** The federation config to add the union to. */
  configPath: string;
  /** The repo's tsconfig.base.json, which the service's tsconfig extends. */
  tsconfigBase: string;
  /** The gateway's package.json, to build the service before composing; omitted outside the repo. */
  gatewayPackage?: string;
  /** Migration timestamp. Default: now. */
  now?: Date;
}

export interface ScaffoldResult {
  serviceDir: string;
  entry: SubgraphEntry;
  files: string[];
}

function migrationStamp(now: Date): string {
  return now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/**
 * The port after the highest one any entry of the config uses (4101, 4102... by convention): the
 * registry's and the extension subgraphs' (the cooperation subgraph's) count too, so the new union
 * never takes a port `npm start` already gives another process.
 */
export function nextPort(config: FederationConfig): number {
  const urls = [config.registry.url, ...config.subgraphs.map((s) => s.url), ...(config.extensionSubgraphs ?? []).map((s) => s.url)];
  const ports = urls.map((url) => Number(new URL(url).port) || 0);
  return Math.max(4100, ...ports) + 1;
}

/** Writes services/<id>, adds its entry to the config (and the gateway's build order): nothing else is touched. */
export function scaffoldUnion(union: NewUnion, options: ScaffoldOptions): ScaffoldResult {
  const config = validateConfig(JSON.parse(readFileSync(options.configPath, 'utf8')));
  const serviceDir = join(options.root, 'services', union.id);
  if (existsSync(serviceDir)) throw new NewUnionError(`${serviceDir} already exists; pick another id or remove it`);
  const port = nextPort(config);
  const entry: SubgraphEntry = {
    name: union.id,
    typeName: union.typeName,
    url: `http://127.0.0.1:${port}/graphql`,
    organisations: [{ id: union.id, country: union.country, kind: 'UNION' }],
  };
  const next = validateConfig({ ...config, subgraphs: [...config.subgraphs, entry] });

  const files = serviceFiles(union, {
    port,
    tsconfigBase: relative(serviceDir, options.tsconfigBase),
    migrationName: `Migration${migrationStamp(options.now ?? new Date())}_${union.id.replace(/-/g, '_')}`,
    meta: { createdBy: 'npm run new-union' },
  });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(serviceDir, path)), { recursive: true });
    writeFileSync(join(serviceDir, path), content);
  }
  writeFileSync(options.configPath, `${JSON.stringify(next, null, 2)}\n`);
  if (options.gatewayPackage) {
    const gateway = JSON.parse(readFileSync(options.gatewayPackage, 'utf8'));
    gateway.devDependencies = Object.fromEntries(
      Object.entries({ ...gateway.devDependencies, [`@nlf/service-${union.id}`]: '0.1.0' }).sort(([a], [b]) => a.localeCompare(b)),
    );
    writeFileSync(options.gatewayPackage, `${JSON.stringify(gateway, null, 2)}\n`);
  }
  return { serviceDir, entry, files: Object.keys(files).map((path) => join(serviceDir, path)) };
}

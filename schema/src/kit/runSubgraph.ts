import type { MigrationObject } from '@mikro-orm/core';
import type { KeyLike } from 'jose';
import { importPublicKey } from '../auth';
import { migrate, openDatabase } from '../db/database';
import { isEmpty, seedOrganisations } from '../db/seed';
import { readFileSync } from 'node:fs';
import type { DomainFile } from '../domain/types';
import { buildSubgraph } from './buildSchema';
import { startSubgraphServer } from './server';
import { readSettings, SettingsError } from './settings';

export interface SubgraphOptions {
  /** Subgraph name in the federation config, e.g. "lederne". */
  name: string;
  /** The subgraph's organisation type, e.g. "Lederne". */
  typeName: string;
  /** JSON file (shape of organisations.json) with the organisations this subgraph serves. */
  dataFile: string;
  /** Port when PORT is not set. */
  defaultPort: number;
  /** type-graphql resolvers beyond the contract. Default: none. */
  resolvers?: Function[];
  /** Migrations beyond the contract's. Default: none. */
  migrations?: MigrationObject[];
}

const USAGE = `commands:
  serve [--migrate] [--seed-if-empty]   start the subgraph (default command)
  migrate                               apply pending migrations
  seed                                  migrate, then (re)load organisations and synthetic registers
  print-schema                          print the subgraph SDL`;

async function gatewayKeyFrom(pem: string | undefined): Promise<KeyLike> {
  if (!pem) {
    throw new SettingsError('NLF_GATEWAY_PUBLIC_KEY', "is required: the gateway's public key (PEM); a subgraph answers only requests the gateway signed");
  }
  try {
    return await importPublicKey(pem);
  } catch {
    throw new SettingsError('NLF_GATEWAY_PUBLIC_KEY', 'is not an Ed25519 public key in PEM (SPKI) form');
  }
}

function log(name: string, line: string): void {
  process.stderr.write(`[${name}] ${line}\n`);
}

/** The whole command line of a kit-built subgraph: a union's src/index.ts is one call to this. */
export async function runSubgraph(options: SubgraphOptions, argv: string[] = process.argv.slice(2)): Promise<void> {
  const [command = 'serve', ...flags] = argv;
  const built = await buildSubgraph({ typeName: options.typeName, resolvers: options.resolvers });
  if (command === 'print-schema') {
    process.stdout.write(built.sdl);
    return;
  }
  if (!['serve', 'migrate', 'seed'].includes(command)) {
    process.stderr.write(`unknown command "${command}"\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const settings = readSettings(options.defaultPort);
  const gatewayKey = command === 'serve' ? await gatewayKeyFrom(settings.gatewayPublicKey) : undefined;
  if (!settings.databaseUrl) throw new SettingsError('DATABASE_URL', 'is required (postgres://user:password@host:port/database)');
  const domain = JSON.parse(readFileSync(options.dataFile, 'utf8')) as DomainFile;
  const database = await openDatabase({ url: settings.databaseUrl, migrations: options.migrations });
  const seed = async () => {
    const report = await seedOrganisations(database.orm, domain.organisations, {
      registerSize: settings.registerSize,
      registerSizes: settings.registerSizes,
      seed: settings.registerSeed,
      onProgress: (line) => log(options.name, line),
    });
    log(options.name, `seeded ${report.organisations} organisation(s), ${report.leaderMembers} synthetic leader members`);
  };
  try {
    if (command === 'migrate' || command === 'seed' || flags.includes('--migrate')) {
      const applied = await migrate(database.orm);
      log(options.name, applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema up to date');
    }
    if (command === 'seed' || (flags.includes('--seed-if-empty') && (await isEmpty(database.orm)))) await seed();
    if (command !== 'serve') {
      await database.close();
      return;
    }
  } catch (error) {
    await database.close();
    throw error;
  }

  const server = await startSubgraphServer({
    name: options.name,
    schema: built.schema,
    database,
    host: settings.host,
    port: settings.port,
    debug: settings.debug,
    gatewayKey: gatewayKey!,
    suppressionThreshold: settings.suppressionThreshold,
  });
  log(options.name, `listening on ${server.url}`);
  const stop = async (signal: string) => {
    log(options.name, `${signal}: finishing requests in flight`);
    await server.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  exitWithParent(() => void stop('parent exited'));
}

/**
 * A launcher that is killed (kill -9) cannot stop its children; with NLF_EXIT_WITH_PARENT=1 a child
 * stops on its own when the launcher's end of its stdin closes, instead of holding its port.
 */
export function exitWithParent(stop: () => void): void {
  if (process.env.NLF_EXIT_WITH_PARENT !== '1') return;
  process.stdin.on('end', stop);
  process.stdin.on('error', stop);
  process.stdin.resume();
}

/** For a service's entry point: runs and turns a failure into a message and exit code 1. */
export function main(options: SubgraphOptions): void {
  runSubgraph(options).catch((error: unknown) => {
    log(options.name, error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}

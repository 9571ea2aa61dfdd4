import type { MigrationObject } from '@mikro-orm/core';
import { migrate, openDatabase } from '../db/database';
import { isEmpty, seedOrganisations } from '../db/seed';
import { readFileSync } from 'node:fs';
import type { DomainFile } from '../domain/types';
import { createLogger, gracefulShutdown, setupTracing, type Logger } from '../observability';
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

const loggers = new Map<string, Logger>();
function loggerFor(name: string): Logger {
  if (!loggers.has(name)) loggers.set(name, createLogger({ service: name }));
  return loggers.get(name)!;
}
function log(name: string, line: string): void {
  loggerFor(name).info(line);
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
      const applied = await migrate(database.orm, (line) => log(options.name, line));
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

  const tracing = setupTracing({ service: options.name });
  const logger = loggerFor(options.name);
  const server = await startSubgraphServer({
    logger,
    name: options.name,
    schema: built.schema,
    database,
    host: settings.host,
    port: settings.port,
    debug: settings.debug,
  });
  logger.info({ url: server.url }, `listening on ${server.url}`);
  const stop = gracefulShutdown({
    logger,
    close: async () => {
      await server.close();
      await database.close();
      await tracing?.shutdown();
    },
  });
  exitWithParent(() => stop('parent exited'));
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
    loggerFor(options.name).fatal(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}

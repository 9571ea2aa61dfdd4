import type { MigrationObject } from '@mikro-orm/core';
import { migrate, openDatabase, type Database } from '../db/database';
import { createLogger, gracefulShutdown, setupTracing } from '../observability';
import type { FederatedSchema } from './buildFederatedSchema';
import type { LoaderFactory } from './context';
import { gatewayKeyFrom } from './gatewayKey';
import { startSubgraphServer } from './server';
import { tlsDoorFrom } from './tlsDoorOptions';
import { readSubgraphSettings, SettingsError, type SubgraphSettings } from './settings';

export interface ServiceOptions<Own extends object = object> {
  /** Subgraph name in the federation config, e.g. "cooperation". */
  name: string;
  /** Port when PORT is not set. */
  defaultPort: number;
  /** Builds the subgraph's schema; `print-schema` needs nothing else. */
  build(): Promise<FederatedSchema>;
  /** The contract's storage model (organisations, registers) in this subgraph's database. Default: true. */
  contractStorage?: boolean;
  /** The subgraph's own entities. Default: none. */
  entities?: unknown[];
  /** Migrations beyond the contract's. Default: none. */
  migrations?: MigrationObject[];
  /** The subgraph's own loaders, built per request beside the kit's (`ctx.loaders`). Default: none. */
  loaders?: LoaderFactory<Own>;
  /** `seed`: (re)loads the subgraph's data from its sources. */
  seed(database: Database, settings: SubgraphSettings, log: (line: string) => void): Promise<void>;
  /** `--seed-if-empty` seeds only when this says so. */
  isEmpty(database: Database): Promise<boolean>;
}

const USAGE = `commands:
  serve [--migrate] [--seed-if-empty]   start the subgraph (default command)
  migrate                               apply pending migrations
  seed                                  migrate, then (re)load the subgraph's data from its sources
  print-schema                          print the subgraph SDL`;

/** The whole command line of a kit-built subgraph (serve, migrate, seed, print-schema). */
export async function runService<Own extends object>(options: ServiceOptions<Own>, argv: string[] = process.argv.slice(2)): Promise<void> {
  const [command = 'serve', ...flags] = argv;
  const built = await options.build();
  if (command === 'print-schema') {
    process.stdout.write(built.sdl);
    return;
  }
  if (!['serve', 'migrate', 'seed'].includes(command)) {
    process.stderr.write(`unknown command "${command}"\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  // The process's one read of its environment (print-schema above needs none).
  const settings = readSubgraphSettings(options.defaultPort);
  const logger = createLogger({ service: options.name, level: settings.logLevel });
  const log = (line: string) => logger.info(line);
  const gatewayKey = command === 'serve' ? await gatewayKeyFrom(settings.gatewayPublicKey) : undefined;
  const tls = command === 'serve' && settings.tls ? await tlsDoorFrom(settings.tls) : undefined;
  if (!settings.databaseUrl) throw new SettingsError('DATABASE_URL', 'is required (postgres://user:password@host:port/database)');
  const database = await openDatabase({
    url: settings.databaseUrl,
    contract: options.contractStorage,
    entities: options.entities,
    migrations: options.migrations,
  });
  try {
    if (command === 'migrate' || command === 'seed' || flags.includes('--migrate')) {
      const applied = await migrate(database.orm, log);
      log(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema up to date');
    }
    if (command === 'seed' || (flags.includes('--seed-if-empty') && (await options.isEmpty(database)))) {
      await options.seed(database, settings, log);
    }
    if (command !== 'serve') {
      await database.close();
      return;
    }
  } catch (error) {
    await database.close();
    throw error;
  }

  const tracing = setupTracing({ service: options.name, exporter: settings.tracesExporter });
  const server = await startSubgraphServer({
    logger,
    name: options.name,
    schema: built.schema,
    database,
    host: settings.host,
    port: settings.port,
    debug: settings.debug,
    gatewayKey: gatewayKey!,
    tls,
    suppressionThreshold: settings.suppressionThreshold,
    loaders: options.loaders as LoaderFactory<object> | undefined,
    // The contract's public facts are the snapshot's; a subgraph without the contract's storage has none.
    publicSnapshot:
      (options.contractStorage ?? true) && settings.publicSnapshot
        ? { freshness: settings.snapshotFreshness, maxBytes: settings.snapshotMaxBytes }
        : undefined,
  });
  logger.info({ url: server.url }, `listening on ${server.url}`);
  if (server.tlsUrl) logger.info({ url: server.tlsUrl }, `TLS door for routers on ${server.tlsUrl}`);
  const stop = gracefulShutdown({
    logger,
    graceMs: settings.shutdownGraceMs,
    close: async () => {
      await server.close();
      await database.close();
      await tracing?.shutdown();
    },
  });
  if (settings.exitWithParent) exitWithParent(() => stop('parent exited'));
}

/**
 * A launcher that is killed (kill -9) cannot stop its children; a child that calls this (when its
 * NLF_EXIT_WITH_PARENT setting is on) stops on its own when the launcher's end of its stdin closes,
 * instead of holding its port.
 */
export function exitWithParent(stop: () => void): void {
  process.stdin.on('end', stop);
  process.stdin.on('error', stop);
  process.stdin.resume();
}

/** For a service's entry point: runs and turns a failure into a message and exit code 1. */
export function serviceMain<Own extends object>(options: ServiceOptions<Own>): void {
  runService(options).catch((error: unknown) => {
    createLogger({ service: options.name }).fatal(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}

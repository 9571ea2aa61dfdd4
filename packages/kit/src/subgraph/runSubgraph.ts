import type { MigrationObject } from '@mikro-orm/core';
import { readFileSync } from 'node:fs';
import { isEmpty, seedOrganisations } from '../db/seed';
import type { DomainFile } from '../domain/types';
import { documentLanguages } from '../search/languages';
import { buildSubgraph, type ExtraResolvers } from './buildSchema';
import { runService, serviceMain, type ServiceOptions } from './runService';

export { exitWithParent } from './runService';

export interface SubgraphOptions {
  /** Subgraph name in the federation config, e.g. "lederne". */
  name: string;
  /** The subgraph's organisation type, e.g. "Lederne". */
  typeName: string;
  /** JSON file (shape of organisations.json) with the organisations this subgraph serves. */
  dataFile: string;
  /** Port when PORT is not set. */
  defaultPort: number;
  /**
   * type-graphql resolvers beyond the contract, or a function of the subgraph's organisation type
   * that gives them (for fields of the union's own on that type). Default: none.
   */
  resolvers?: ExtraResolvers;
  /** Migrations beyond the contract's. Default: none. */
  migrations?: MigrationObject[];
}

/** A union's subgraph: its organisation type, the contract's storage, its organisations and synthetic registers. */
function unionService(options: SubgraphOptions): ServiceOptions {
  return {
    name: options.name,
    defaultPort: options.defaultPort,
    build: () => buildSubgraph({ typeName: options.typeName, resolvers: options.resolvers }),
    migrations: options.migrations,
    isEmpty: (database) => isEmpty(database.orm),
    seed: async (database, settings, log) => {
      const domain = JSON.parse(readFileSync(options.dataFile, 'utf8')) as DomainFile;
      const report = await seedOrganisations(database.orm, domain.organisations, {
        registerSize: settings.registerSize,
        registerSizes: settings.registerSizes,
        seed: settings.registerSeed,
        documentLanguages: documentLanguages(domain.meta),
        documents: domain.meta.sources ?? {},
        onProgress: log,
      });
      log(`seeded ${report.organisations} organisation(s), ${report.leaderMembers} synthetic leader members`);
    },
  };
}

/** The whole command line of a union's subgraph: a union's src/index.ts is one call to this. */
export function runSubgraph(options: SubgraphOptions, argv: string[] = process.argv.slice(2)): Promise<void> {
  return runService(unionService(options), argv);
}

/** For a service's entry point: runs and turns a failure into a message and exit code 1. */
export function main(options: SubgraphOptions): void {
  serviceMain(unionService(options));
}

/** @nlf/schema: the federation's contract and the kit that turns it into a union's subgraph. */
import 'reflect-metadata';
export * from './contract';
export * from './errors';
export * from './kit';
export * from './observability';
export { openDatabase, migrate, pendingMigrations, type Database, type DatabaseOptions } from './db/database';
export { seedOrganisations, type SeedOptions, type SeedReport } from './db/seed';
export type { DomainFile, DomainOrganisation } from './domain/types';
export { planSeed } from './domain/planSeed';

/** @nlf/schema: the federation's contract and the kit that turns it into a union's subgraph. */
import 'reflect-metadata';
export * from './contract';
export * from './errors';
export * from './auth';
export * from './kit';
export * from './observability';
export { openDatabase, migrate, pendingMigrations, schemaDrift, type Database, type DatabaseOptions } from './db/database';
export { DataVersionEntity, type DataVersionRow, dataVersionStatements, dataVersionTriggerSql, dropDataVersionStatements } from './db/migrations/dataVersionSql';
export { seedOrganisations, type SeedOptions, type SeedReport } from './db/seed';
export type { DomainFigure, DomainFile, DomainOrganisation, DomainSource } from './domain/types';
export type { FigureData, SourceData } from './db/entities/values';
export { planSeed, toFigure as toFigureData, toSource as toSourceData } from './domain/planSeed';
export * from './search';

/** The kit's data access, for embedding the contract in a server of one's own (the benchmark's monolith). */
export { createLoaders, searchStatement } from './kit/loaders';
export { createContext, type ContextOptions } from './kit/context';
export * from './kit/mapper';
export { leaderMemberPage, leaderMemberSearch, registerStats } from './kit/registerService';

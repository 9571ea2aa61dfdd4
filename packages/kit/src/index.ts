/**
 * @nlf/kit: the subgraph kit. `main({ name, typeName, dataFile, defaultPort })` is a whole union
 * subgraph on PostgreSQL (serve, migrate, seed, print-schema) with per-request loaders, the gateway's
 * call guard, /health, /metrics and the error catalogue. The contract itself is @nlf/contract.
 */
import 'reflect-metadata';
export * from './subgraph';
export * from './observability';
export * from './search';
export { openDatabase, migrate, pendingMigrations, schemaDrift, type Database, type DatabaseOptions } from './db/database';
export { DataVersionEntity, type DataVersionRow, dataVersionStatements, dataVersionTriggerSql, dropDataVersionStatements } from './db/migrations/dataVersionSql';
export { seedOrganisations, type SeedOptions, type SeedReport } from './db/seed';
export type { DomainFigure, DomainFile, DomainOrganisation, DomainSource } from './domain/types';
export type { FigureData, SourceData } from './db/entities/values';
export { planSeed, toFigure as toFigureData, toSource as toSourceData } from './domain/planSeed';
export { toContractFigure, toContractSource } from './subgraph/mapper';
/** For fields of a union's own over its register (a mentor list, say): the kit's paging, search and audit. */
export { leaderMemberPage, leaderMemberSearch } from './subgraph/registerService';

/**
 * The kit's answers, for serving the contract from a server of one's own (one schema over several
 * organisations' databases, say): a request's context, an organisation by id, and every relation.
 */
export { createContext, type ContextOptions } from './subgraph/context';
export { kitRelations, loadOrganisation } from './subgraph/resolvers';

/**
 * @nlf/kit/db: the kit's storage on PostgreSQL with MikroORM (an optional part: install
 * @mikro-orm/core, @mikro-orm/postgresql and @mikro-orm/migrations to use it).
 */
export { openDatabase, migrate, schemaDrift, type Database, type DatabaseOptions } from './database';
export { isEmpty, seedOrganisations, type SeedOptions, type SeedReport } from './seed';
export { contractMigrations } from './migrations';
export * from './entities';

import { join } from 'node:path';
import { serviceMain } from '@nlf/kit';
import { loadOrganisationIds } from './domain/organisations';
import { cooperationEntities } from './entities';
import { createCooperationLoaders } from './loaders';
import { cooperationMigrations } from './migrations';
import { buildCooperationSchema } from './schema';
import { isEmpty, seedCooperation } from './seed/seed';

const dataFile = join(__dirname, '..', 'data', 'organisations.json');

serviceMain({
  name: 'cooperation',
  defaultPort: 4106,
  build: () => buildCooperationSchema(loadOrganisationIds(dataFile)),
  contractStorage: false,
  entities: cooperationEntities,
  migrations: cooperationMigrations,
  loaders: createCooperationLoaders,
  isEmpty: (database) => isEmpty(database.orm),
  seed: async (database, _settings, log) => {
    const report = await seedCooperation(database.orm, dataFile);
    log(`seeded ${report.workGroups} work group(s) and ${report.decisions} decision(s) from the sources`);
  },
});

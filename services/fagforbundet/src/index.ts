import { join } from 'node:path';
import { main } from '@nlf/schema';

main({
  name: 'fagforbundet',
  typeName: 'Fagforbundet',
  defaultPort: 4103,
  dataFile: join(__dirname, '..', 'data', 'organisations.json'),
});

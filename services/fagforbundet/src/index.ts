import { join } from 'node:path';
import { main } from '@nlf/kit';

main({
  name: 'fagforbundet',
  typeName: 'Fagforbundet',
  defaultPort: 4103,
  dataFile: join(__dirname, '..', 'data', 'organisations.json'),
});

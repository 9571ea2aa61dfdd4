import { join } from 'node:path';
import { main } from '@nlf/kit';

main({
  name: 'lederne',
  typeName: 'Lederne',
  defaultPort: 4101,
  dataFile: join(__dirname, '..', 'data', 'organisations.json'),
});

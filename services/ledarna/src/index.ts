import { join } from 'node:path';
import { main } from '@nlf/kit';

main({
  name: 'ledarna',
  typeName: 'Ledarna',
  defaultPort: 4104,
  dataFile: join(__dirname, '..', 'data', 'organisations.json'),
});

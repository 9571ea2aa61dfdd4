import { join } from 'node:path';
import { main } from '@nlf/kit';

main({
  name: 'lo',
  typeName: 'LoDenmark',
  defaultPort: 4105,
  dataFile: join(__dirname, '..', 'data', 'organisations.json'),
});

import { join } from 'node:path';
import { main } from '@nlf/schema';

main({
  name: 'utdanningsforbundet',
  typeName: 'Utdanningsforbundet',
  defaultPort: 4102,
  dataFile: join(__dirname, '..', 'data', 'organisations.json'),
});

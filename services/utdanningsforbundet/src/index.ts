import { join } from 'node:path';
import { main } from '@nlf/kit';

main({
  name: 'utdanningsforbundet',
  typeName: 'Utdanningsforbundet',
  defaultPort: 4102,
  dataFile: join(__dirname, '..', 'data', 'organisations.json'),
});

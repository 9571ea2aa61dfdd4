import type { Country, FederationConfig } from '@nlf/gateway';

export class NewUnionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NewUnionError';
  }
}

export interface NewUnion {
  /** Subgraph name, service folder and organisation id, e.g. "ostersjo". */
  id: string;
  name: string;
  country: Country;
  /** The subgraph's own organisation type, e.g. "Ostersjo". */
  typeName: string;
}

const COUNTRIES: readonly Country[] = ['NO', 'SE', 'DK'];
const RESERVED = new Set(['registry', 'gateway', 'schema', 'cooperation']);
const RESERVED_TYPES = new Set(['Organisation', 'Comparison', 'Total', 'Query', 'Mutation', 'Figure', 'Source']);

/** "Unionen Øst" → "UnionenOst": letters and digits, diacritics dropped, PascalCase. */
export function typeNameFor(name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[øØ]/g, (c) => (c === 'ø' ? 'o' : 'O')).replace(/[æÆ]/g, (c) => (c === 'æ' ? 'ae' : 'Ae'));
  const words = ascii.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return /^[0-9]/.test(joined) ? `Union${joined}` : joined;
}

/** Checks `<id> "<Name>" <country>` against each other and the federation config; says exactly what is wrong. */
export function validateNewUnion(args: { id?: string; name?: string; country?: string; typeName?: string }, config: FederationConfig): NewUnion {
  const { id, name, country } = args;
  if (!id || !name || !country) throw new NewUnionError('expected three arguments: <id> "<Name>" <country>, e.g. ostersjo "Östersjöförbundet" SE');
  if (!/^[a-z][a-z0-9-]{1,39}$/.test(id)) throw new NewUnionError(`id "${id}" must be 2-40 lowercase letters, digits and dashes, starting with a letter (it names the service folder, the subgraph and the database)`);
  if (RESERVED.has(id)) throw new NewUnionError(`id "${id}" is reserved`);
  if (config.subgraphs.some((s) => s.name === id)) throw new NewUnionError(`a subgraph called "${id}" is already in the federation config`);
  const owner = config.subgraphs.find((s) => s.organisations.some((o) => o.id === id));
  if (owner) throw new NewUnionError(`organisation "${id}" is already served by subgraph "${owner.name}"`);
  if (!name.trim()) throw new NewUnionError('the name must not be empty');
  const upper = country.toUpperCase();
  if (!COUNTRIES.includes(upper as Country)) throw new NewUnionError(`country "${country}" must be one of ${COUNTRIES.join(', ')}`);
  const typeName = args.typeName ?? typeNameFor(name);
  if (!/^[A-Z][A-Za-z0-9]*$/.test(typeName)) throw new NewUnionError(`type name "${typeName}" must be PascalCase letters and digits; pass --type <TypeName>`);
  if (RESERVED_TYPES.has(typeName)) throw new NewUnionError(`type name "${typeName}" is a type of the contract; pass --type <TypeName>`);
  const taken = config.subgraphs.find((s) => s.typeName === typeName);
  if (taken) throw new NewUnionError(`type name "${typeName}" is already subgraph "${taken.name}"'s; pass --type <TypeName>`);
  return { id, name: name.trim(), country: upper as Country, typeName };
}

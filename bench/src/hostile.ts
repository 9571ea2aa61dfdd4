import { SignJWT } from 'jose';
import { importPrivateKey } from '@nlf/contract';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER } from '@nlf/gateway';

/**
 * The hostile and malformed requests of issue 12, one of each kind that broke the gateway: each must
 * be refused (or answered) without taking the gateway down, slowing everyone else, or growing its memory.
 */
export interface HostileRequest {
  name: string;
  path?: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

const post = (name: string, payload: unknown, headers: Record<string, string> = {}): HostileRequest => ({
  name,
  body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  headers: { 'content-type': 'application/json', ...headers },
});

function nested(levels: number, open: string, close: string, inner: string): string {
  return `${open.repeat(levels)}${inner}${close.repeat(levels)}`;
}

async function tokenWith(issuerPrivateKey: string, subject: unknown): Promise<string> {
  const jwt = new SignJWT({ role: 'secretariat', sub: subject } as Record<string, unknown>)
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
    .setIssuer(DEFAULT_ISSUER)
    .setAudience(DEFAULT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('8h');
  return jwt.sign(await importPrivateKey(issuerPrivateKey));
}

export async function hostileRequests(issuerPrivateKey: string): Promise<HostileRequest[]> {
  const doubling = ['fragment F0 on Organisation { id name }'];
  for (let level = 1; level <= 18; level += 1) doubling.push(`fragment F${level} on Organisation { ...F${level - 1} ...F${level - 1} }`);
  const introspection = Array.from({ length: 300 }, (_, i) => `a${i}: __schema { types { fields { name type { name } } } }`).join(' ');
  return [
    // 1. fan-out through Organisation's five implementations, planned before any subgraph is called
    post('secretariat-cycle', { query: `{ workGroup(id: "x") { ${nested(3, 'secretariat { workGroups { ', '} } ', 'name ')}} }` }),
    post('participants-cycle', { query: `{ organisations { ${nested(4, 'workGroups { participants { ', '} } ', 'id ')}} }` }),
    // 2. the limits that did not hold under npm start: aliases, depth, cost
    post('aliases', { query: `{ ${Array.from({ length: 31 }, (_, i) => `o${i}: organisations { id }`).join(' ')} }` }),
    post('depth', { query: `{ organisations { ${nested(7, 'councils { members { ', '} } ', 'name ')}} }` }),
    // 3. measuring exponential in the document
    post('doubling-fragments', { query: `{ organisations { ...F18 } } ${doubling.join(' ')}` }),
    // 4. introspection
    post('introspection-aliases', { query: `{ ${introspection} }` }),
    // 5. internal text: a NUL in a cooperation id
    post('nul-in-id', { query: 'query ($id: ID!) { workGroup(id: $id) { name } }', variables: { id: 'lo-dk\u0000x' } }),
    // 6. client mistakes
    post('unknown-operation-name', { query: 'query A { organisations { id } }', operationName: 'B' }),
    post('two-unnamed', { query: '{ organisations { id } } { comparison { id } }' }),
    post('subscription', { query: 'subscription { organisations { id } }' }),
    post('nested-variables', `{"query":"query ($v: String) { organisations { id } }","variables":{"v":${nested(40_000, '[', ']', '1')}}}`),
    post('apq-hash-mismatch', { query: '{ organisations { id } }', extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } }),
    post('apq-version', { extensions: { persistedQuery: { version: 9, sha256Hash: '0'.repeat(64) } } }),
    post('empty-subject', { query: '{ organisations { id } }' }, { authorization: `Bearer ${await tokenWith(issuerPrivateKey, '')}` }),
    post('number-subject', { query: '{ organisations { id } }' }, { authorization: `Bearer ${await tokenWith(issuerPrivateKey, 42)}` }),
    // 8. operational endpoints
    { name: 'health', path: '/health', method: 'GET' },
    { name: 'ready', path: '/ready', method: 'GET' },
  ];
}

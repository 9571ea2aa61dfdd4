import { createHash } from 'node:crypto';
import { ErrorCode } from '@nlf/contract';
import { localGatewayPerTest } from '../../pipeline/__tests__/localGateway';
import type { PersistedOperationManifest } from '../manifest';
import { useRegisteredOperations } from '../useRegisteredOperations';

const BODY = 'query Count { count }';
const ID = createHash('sha256').update(BODY).digest('hex');
const MANIFEST: PersistedOperationManifest = {
  format: 'apollo-persisted-query-manifest',
  version: 1,
  operations: [{ id: ID, name: 'Count', type: 'query', body: BODY }],
};
const byId = (id: string) => `extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: id } }))}`;

const startLocalGateway = localGatewayPerTest();

describe('useRegisteredOperations', () => {
  it('runs a registered operation sent by id alone, its complete answer cacheable for the default 60 s', async () => {
    const gateway = await startLocalGateway({ plugins: [useRegisteredOperations({ manifest: MANIFEST })] });
    const response = await gateway.get(byId(ID));
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ data: { count: 1 } });
    expect(response.headers['cache-control']).toBe('max-age=60, public');
  });

  it('keeps an authenticated caller\'s answer to its own browser, for the maxAge given', async () => {
    const gateway = await startLocalGateway({ plugins: [useRegisteredOperations({ manifest: MANIFEST, maxAge: 5 })] });
    const response = await gateway.post({ extensions: { persistedQuery: { version: 1, sha256Hash: ID } } }, { 'x-test-role': 'union-staff' });
    expect(response.json).toEqual({ data: { count: 1 } });
    expect(response.headers['cache-control']).toBe('max-age=5, private');
  });

  it('answers an unknown id with its code, running nothing', async () => {
    const gateway = await startLocalGateway({ plugins: [useRegisteredOperations({ manifest: MANIFEST })] });
    const response = await gateway.get(byId('0'.repeat(64)));
    expect(response.json.errors[0].extensions.code).toBe(ErrorCode.PERSISTED_QUERY_NOT_FOUND);
    expect(gateway.executions()).toBe(0);
  });

  it('refuses a dashboard token any operation not sent by id', async () => {
    const gateway = await startLocalGateway({ plugins: [useRegisteredOperations({ manifest: MANIFEST })] });
    const refused = await gateway.post({ query: BODY }, { 'x-test-role': 'dashboard' });
    expect(refused.status).toBe(403);
    expect(refused.json.errors[0].extensions.code).toBe(ErrorCode.PERSISTED_QUERY_REQUIRED);
    const registered = await gateway.post({ extensions: { persistedQuery: { version: 1, sha256Hash: ID } } }, { 'x-test-role': 'dashboard' });
    expect(registered.json).toEqual({ data: { count: 1 } });
  });
});

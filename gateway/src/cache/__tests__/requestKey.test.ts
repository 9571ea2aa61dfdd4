import { requestKey } from '../requestKey';

const post = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) => ({ method: 'POST', headers, body });

describe('requestKey', () => {
  it('is the same for the same request from callers of the same role and organisation', () => {
    const query = { query: '{ comparison { leaderMemberCount { low } } }' };
    expect(requestKey(post(query), 'secretariat:')).toBe(requestKey(post({ ...query }), 'secretariat:'));
  });

  it('differs by role and organisation, variables, operation name, method and the headers Apollo Server reads', () => {
    const query = { query: 'query O($id: ID!) { organisation(id: $id) { name } }', variables: { id: 'lederne' } };
    const keys = [
      requestKey(post(query), 'anonymous:'),
      requestKey(post(query), 'union-staff:lederne'),
      requestKey(post(query), 'union-staff:ledarna'),
      requestKey(post({ ...query, variables: { id: 'ledarna' } }), 'anonymous:'),
      requestKey(post({ ...query, operationName: 'O' }), 'anonymous:'),
      requestKey(post(query, { 'content-type': 'text/plain' }), 'anonymous:'),
      requestKey(post(query, { 'content-type': 'application/json', accept: 'application/graphql-response+json' }), 'anonymous:'),
      requestKey({ method: 'GET', headers: { 'apollo-require-preflight': 'true' }, query }, 'anonymous:'),
      requestKey({ method: 'GET', headers: {}, query }, 'anonymous:'),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has no key for a batch or a request without GraphQL parameters', () => {
    expect(requestKey(post([{ query: '{ a }' }, { query: '{ b }' }]), 'anonymous:')).toBeUndefined();
    expect(requestKey(post(undefined), 'anonymous:')).toBeUndefined();
    expect(requestKey({ method: 'PUT', headers: {}, body: { query: '{ a }' } }, 'anonymous:')).toBeUndefined();
  });
});

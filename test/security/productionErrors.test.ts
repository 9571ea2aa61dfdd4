import { useTestFederation } from '../harness/federation';

// As it ships in production: NODE_ENV=production and nothing else set, so introspection is off.
const federation = useTestFederation({ env: { NODE_ENV: 'production' } });

describe('errors in production, where the schema may not be introspected', () => {
  it('refuses introspection', async () => {
    const response = await federation.query('{ __schema { types { name } } }');
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('suggests no field, argument or value names: an unknown field is only named', async () => {
    const field = await federation.query('{ organisations { nam } }');
    expect(field.status).toBe(400);
    expect(field.errors).toEqual([expect.objectContaining({ message: 'Cannot query field "nam" on type "Organisation".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })]);
    const value = await federation.query('{ organisations(country: NOR) { id } }');
    expect(value.status).toBe(400);
    expect(value.errors?.map((error) => error.message).join(' ')).not.toMatch(/Did you mean/);
  });
});

import { findInternalText } from '../harness/internalText';

// The scan every test's responses go through (test/harness/scanResponses.ts) must see what leaked before.
describe('the internal-text scan of every response', () => {
  it.each([
    ['SQL statement', `{"errors":[{"message":"select \\"d0\\".* from \\"decision\\" as \\"d0\\" where \\"d0\\".\\"id\\" = 'x' limit 1 - invalid message format"}]}`],
    ['SQL statement', 'insert into "work_group" ("id") values ($1)'],
    ['database message', 'relation "leader_member" does not exist'],
    ['file path', 'Cannot find module /app/node_modules/graphql/index.js'],
    ['stack frame', 'TypeError: x is undefined\n    at resolve (/app/services/cooperation/dist/resolvers/queryResolver.js:12:7)'],
    ['address', 'connect to http://127.0.0.1:4101/graphql failed'],
    ['framework code', 'request to subgraph failed: ECONNREFUSED'],
    ['framework code', '{"statusCode":415,"code":"FST_ERR_CTP_INVALID_MEDIA_TYPE"}'],
    ['stack trace', '{"extensions":{"stacktrace":["Error: boom"]}}'],
  ])('finds a %s', (kind, body) => {
    expect(findInternalText(body)?.kind).toBe(kind);
  });

  it('lets the answers of the domain through', () => {
    for (const body of [
      '{"data":{"workGroup":{"name":"Fælles ledelsesarbejde","purpose":"select the topics from the members\' proposals"}}}',
      '{"errors":[{"message":"Internal server error","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}',
      '{"errors":[{"message":"Subgraph \\"lederne\\" is unavailable","extensions":{"code":"SUBGRAPH_UNAVAILABLE"}}]}',
    ]) {
      expect(findInternalText(body)).toBeUndefined();
    }
  });
});

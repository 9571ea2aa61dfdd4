import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { createFormatError, internalErrorLogPlugin, type MaskedError } from '../formatError';
import { PageSizeExceededError } from '../errors';

const formatted = (error: GraphQLError, code?: string): GraphQLFormattedError => ({
  ...error.toJSON(),
  extensions: { ...error.extensions, ...(code ? { code } : {}), stacktrace: ['Error: boom', '    at resolver (/app/x.js:1:1)'] },
});

describe('formatError', () => {
  it('keeps errors with a catalogue code, without their stack trace', () => {
    const error = new PageSizeExceededError(500, 100);
    const result = createFormatError()(formatted(error));
    expect(result).toEqual({
      message: 'first must be between 0 and 100; got 500',
      extensions: { code: 'PAGE_SIZE_EXCEEDED', argument: 'first', maximum: 100 },
    });
  });

  it('replaces anything else, a database error included, with a generic internal error', () => {
    const original = new Error('relation "leader_member" does not exist: select * from leader_member where id = $1');
    const error = new GraphQLError(original.message, { originalError: original, path: ['organisation', 'leaderMembers'] });
    expect(createFormatError()(formatted(error))).toEqual({
      message: 'Internal server error',
      path: ['organisation', 'leaderMembers'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('replaces the message of an error Apollo Server labelled INTERNAL_SERVER_ERROR: that label is no catalogue code', () => {
    const error = new GraphQLError('select "d0".* from "decision" as "d0" where "d0"."id" = \'x\' - invalid message format');
    expect(createFormatError()(formatted(error, 'INTERNAL_SERVER_ERROR'))).toEqual({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('lets everything through only when debug is asked for explicitly', () => {
    const error = new GraphQLError('boom');
    expect(createFormatError({ debug: true })(formatted(error)).extensions?.stacktrace).toBeDefined();
  });
});

describe('internalErrorLogPlugin', () => {
  it('logs every error the caller does not see, with the request id, and none of the caller\'s own mistakes', async () => {
    const logged: MaskedError[] = [];
    const plugin = internalErrorLogPlugin((masked) => logged.push(masked));
    const original = new Error('connection terminated');
    const internal = new GraphQLError('connection terminated', { originalError: original, path: ['workGroup'] });
    const listener = await plugin.requestDidStart!({} as never);
    await listener!.didEncounterErrors!({
      errors: [internal, new PageSizeExceededError(500, 100)],
      contextValue: { requestId: 'req-1' },
      operationName: 'Group',
    } as never);
    expect(logged).toEqual([{ requestId: 'req-1', operationName: 'Group', path: ['workGroup'], serviceName: undefined, error: original }]);
  });
});

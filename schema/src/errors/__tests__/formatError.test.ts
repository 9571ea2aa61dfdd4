import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { createFormatError } from '../formatError';
import { PageSizeExceededError } from '../errors';

const formatted = (error: GraphQLError): GraphQLFormattedError => ({
  ...error.toJSON(),
  extensions: { ...error.extensions, stacktrace: ['Error: boom', '    at resolver (/app/x.js:1:1)'] },
});

describe('formatError', () => {
  it('keeps errors with a catalogue code, without their stack trace', () => {
    const error = new PageSizeExceededError(500, 100);
    const result = createFormatError({ log: () => undefined })(formatted(error), error);
    expect(result).toEqual({
      message: 'first must be between 0 and 100; got 500',
      extensions: { code: 'PAGE_SIZE_EXCEEDED', argument: 'first', maximum: 100 },
    });
  });

  it('replaces anything else, a database error included, with a generic internal error and logs it', () => {
    const logged: unknown[] = [];
    const original = new Error('relation "leader_member" does not exist: select * from leader_member where id = $1');
    const error = new GraphQLError(original.message, { originalError: original, path: ['organisation', 'leaderMembers'] });
    const result = createFormatError({ log: (e) => logged.push(e) })(formatted(error), error);
    expect(result).toEqual({
      message: 'Internal server error',
      path: ['organisation', 'leaderMembers'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(logged).toEqual([error]);
  });

  it('lets everything through only when debug is asked for explicitly', () => {
    const error = new GraphQLError('boom');
    expect(createFormatError({ debug: true })(formatted(error), error).extensions?.stacktrace).toBeDefined();
  });
});

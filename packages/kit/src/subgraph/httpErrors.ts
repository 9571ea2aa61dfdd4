import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode, INTERNAL_ERROR_MESSAGE, isCallerErrorCode } from '@nlf/contract';

/**
 * Answers an error that reached Fastify (a body that does not parse, a failing route) the way the
 * GraphQL errors are answered: a request the caller got wrong is a 4xx with code BAD_REQUEST and the
 * reason; anything else is a 500 with the fixed internal message, logged with the request id.
 * Fastify's own answer would carry its framework code (FST_…) and any thrown message.
 */
export function sendHttpError(error: FastifyError | HttpRefusal, request: FastifyRequest, reply: FastifyReply) {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (status === 500) request.log.error({ err: error }, 'internal error');
  if (status === 500) return reply.code(500).send({ errors: [{ message: INTERNAL_ERROR_MESSAGE, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
  const refusal = error instanceof HttpRefusal ? error : undefined;
  const code = isCallerErrorCode(error.code) ? error.code : ErrorCode.BAD_REQUEST;
  return reply.code(status).send({ errors: [{ message: error.message, extensions: { code, ...refusal?.extensions } }] });
}

/** A refusal thrown from a route or hook, answered by sendHttpError with its status and catalogue code. */
export class HttpRefusal extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** sendHttpError as the server's error handler. */
export function installHttpErrors(app: FastifyInstance): void {
  app.setErrorHandler(sendHttpError);
}

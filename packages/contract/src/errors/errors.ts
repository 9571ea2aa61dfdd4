import { GraphQLError } from 'graphql';
import { ErrorCode } from './codes';

/** Base of the federation's own errors: a stable code, and the argument at fault when there is one. */
export class FederationError extends GraphQLError {
  constructor(message: string, code: ErrorCode, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
  }
}

export class PageSizeExceededError extends FederationError {
  constructor(requested: number, maximum: number) {
    super(`first must be between 0 and ${maximum}; got ${requested}`, ErrorCode.PAGE_SIZE_EXCEEDED, {
      argument: 'first',
      maximum,
    });
  }
}

export class InvalidCursorError extends FederationError {
  constructor() {
    super('after is not a cursor this API issued; pass pageInfo.endCursor from a previous page', ErrorCode.INVALID_CURSOR, {
      argument: 'after',
    });
  }
}

/** A text argument outside its length limits, counted in characters after trimming. */
export class TextLengthError extends FederationError {
  constructor(argument: string, length: number, limit: { minimum: number } | { maximum: number }) {
    const [code, message] =
      'minimum' in limit
        ? [ErrorCode.VALUE_TOO_SHORT, `${argument} is ${length} characters long; at least ${limit.minimum} are needed`]
        : [ErrorCode.VALUE_TOO_LONG, `${argument} is ${length} characters long; at most ${limit.maximum} are allowed`];
    super(message, code, { argument, field: argument, ...limit });
  }
}

export class AuthenticationError extends FederationError {
  constructor(reason: string) {
    super(`Not authenticated: ${reason}`, ErrorCode.UNAUTHENTICATED, { http: { status: 401 } });
  }
}

export class ForbiddenError extends FederationError {
  constructor(field: string, reason: string) {
    super(`Forbidden: ${reason}`, ErrorCode.FORBIDDEN, { field });
  }
}

export class GatewaySignatureError extends FederationError {
  constructor(reason: string) {
    super(`Not signed by the gateway: ${reason}`, ErrorCode.GATEWAY_SIGNATURE_INVALID, { http: { status: 401 } });
  }
}

/** The TLS door of a subgraph answers GraphQL only to a router presenting a certificate of the configured CA. */
export class RouterCertificateError extends FederationError {
  constructor(reason: string) {
    super(`Not called by a router of the federation: ${reason}`, ErrorCode.ROUTER_CERTIFICATE_REQUIRED, { http: { status: 401 } });
  }
}

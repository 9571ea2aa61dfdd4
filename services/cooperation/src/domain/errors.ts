import { ErrorCode, FederationError } from '@nlf/contract';

/** A mutation's input broke a rule: a stable code, and the input field at fault (e.g. "participantIds[1]"). */
export class InputError extends FederationError {
  constructor(code: ErrorCode, message: string, field: string, extensions: Record<string, unknown> = {}) {
    super(message, code, { argument: 'input', field, ...extensions });
  }
}

export class NotFoundError extends InputError {
  constructor(what: string, id: string, field: string) {
    super(ErrorCode.NOT_FOUND, `There is no ${what} "${id}"`, field);
  }
}

export class VersionConflictError extends FederationError {
  constructor(what: string, id: string, expectedVersion: number, currentVersion: number) {
    super(
      `${what} "${id}" was changed by someone else (version ${currentVersion}, you expected ${expectedVersion}); read it again and retry`,
      ErrorCode.VERSION_CONFLICT,
      { argument: 'input', field: 'expectedVersion', expectedVersion, currentVersion },
    );
  }
}

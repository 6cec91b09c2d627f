import { GraphQLError } from 'graphql';

/** The only codes a client ever sees in `extensions.code`. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** One invalid input value: where it is (`input.name`) and what is wrong with it. */
export interface InvalidField {
  path: string;
  message: string;
}

/** An error meant for the client: its message is safe to show and says what to do. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Sign in first: send an Authorization: Bearer <token> header.') {
    super(ErrorCode.UNAUTHENTICATED, message, { http: { status: 401 } });
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string) {
    super(ErrorCode.FORBIDDEN, message);
  }
}

export class NotFoundError extends AppError {
  constructor(typeName: string, id: string) {
    super(ErrorCode.NOT_FOUND, `No ${typeName} with id "${id}" exists or it is not visible to you.`, { id });
  }
}

export class ConflictError extends AppError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(ErrorCode.CONFLICT, message, extensions);
  }
}

export class BadInputError extends AppError {
  constructor(message: string, fields: InvalidField[] = []) {
    super(ErrorCode.BAD_USER_INPUT, message, { fields });
  }

  static field(path: string, message: string): BadInputError {
    return new BadInputError(`${path}: ${message}`, [{ path, message }]);
  }
}

/** A stale `expectedVersion`: someone else changed the record since the client read it. */
export class StaleVersionError extends ConflictError {
  constructor(typeName: string, id: string, expected: number, actual: number) {
    super(
      `${typeName} "${id}" was changed by someone else (you sent version ${expected}, it is now ${actual}). Reload it and apply your change again.`,
      { expectedVersion: expected, actualVersion: actual },
    );
  }
}

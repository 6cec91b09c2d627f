import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';

/** The only codes a client ever sees in `extensions.code`. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  /** The query would cost more than one request may (`extensions.cost`, `extensions.budget`). */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** The caller spent its cost points for this minute; HTTP 429 with `Retry-After`. */
  RATE_LIMITED = 'RATE_LIMITED',
  /** The request ran past its time limit; the database work it started was stopped. */
  TIMEOUT = 'TIMEOUT',
  /** The database cannot be reached; HTTP 503 with `Retry-After`. Nothing was changed. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
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

/** A query whose cost, counted before it runs, is over the per-request budget. */
export class QueryTooComplexError extends AppError {
  constructor(cost: number, budget: number) {
    super(
      ErrorCode.QUERY_TOO_COMPLEX,
      `This query may cost ${cost} points and one request may cost at most ${budget}. Ask for smaller pages (lower \`first\`) or fewer nested lists, and follow cursors for the rest.`,
      { cost, budget, http: { status: 400 } },
    );
  }
}

/** The caller's cost points for the current minute are spent. */
export class RateLimitedError extends AppError {
  constructor(retryAfterSeconds: number, headers: HeaderMap) {
    headers.set('retry-after', String(retryAfterSeconds));
    super(ErrorCode.RATE_LIMITED, `You have used this minute's query budget. Retry in ${retryAfterSeconds} s.`, {
      retryAfterSeconds,
      http: { status: 429, headers },
    });
  }
}

/** The request passed its time limit; what it still wanted from the database was not run. */
export class RequestTimeoutError extends AppError {
  constructor(limitMs: number) {
    super(
      ErrorCode.TIMEOUT,
      `The request took longer than its limit of ${limitMs / 1000} s and was stopped. Ask for less (smaller pages, fewer nested lists) and retry.`,
    );
  }
}

/** The database is unreachable (down, restarting, out of connections): retry after a pause. */
export class ServiceUnavailableError extends AppError {
  static readonly RETRY_AFTER_SECONDS = 5;

  constructor() {
    const retryAfter = ServiceUnavailableError.RETRY_AFTER_SECONDS;
    super(
      ErrorCode.SERVICE_UNAVAILABLE,
      `The service cannot reach its database right now. Nothing was changed; retry in ${retryAfter} s.`,
      {
        retryAfterSeconds: retryAfter,
        http: { status: 503, headers: new HeaderMap([['retry-after', String(retryAfter)]]) },
      },
    );
  }
}

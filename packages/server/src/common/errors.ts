/**
 * Errors a client may see, as the domain states them: a code (the broad class a client branches
 * on), a stable reason (which refusal exactly), a message that says what to do, and safe details.
 * Nothing here knows GraphQL: app/format-error.ts maps them to `extensions` once, at the edge.
 */

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

/** What each code means to a client (the schema's `ErrorCode` descriptions). */
export const ERROR_CODE_DESCRIPTIONS: Record<ErrorCode, string> = {
  UNAUTHENTICATED: 'No valid sign-in: send a valid bearer token (HTTP 401).',
  FORBIDDEN: 'You are signed in but may not do this; `reason` says why and the message who may.',
  NOT_FOUND: 'The record does not exist or is outside what you may see.',
  BAD_USER_INPUT: 'The request or its input is invalid; `fields` names each invalid input value.',
  CONFLICT: 'The records are not in a state that allows this (changed by someone else, wrong status...).',
  QUERY_TOO_COMPLEX: 'The query may cost more than one request may (`cost`, `budget`); ask for less (HTTP 400).',
  RATE_LIMITED: "You spent this minute's query budget; retry after `retryAfterSeconds` (HTTP 429).",
  TIMEOUT: 'The request ran past its time limit and was stopped; ask for less and retry.',
  SERVICE_UNAVAILABLE:
    'The database cannot be reached; nothing was changed. Retry after `retryAfterSeconds` (HTTP 503).',
  INTERNAL_SERVER_ERROR: 'An unexpected error, logged with `requestId`; quote it when you report the problem.',
};

/**
 * Which refusal exactly, in `extensions.reason`: one value per refusal a client may want to handle
 * on its own (the code alone puts "over your approval limit" and "your own work" both under
 * FORBIDDEN). Stable: values are added, never renamed.
 */
export enum ErrorReason {
  // UNAUTHENTICATED
  SIGN_IN_REQUIRED = 'SIGN_IN_REQUIRED',
  INVALID_TOKEN = 'INVALID_TOKEN',
  UNKNOWN_USER = 'UNKNOWN_USER',
  USER_INACTIVE = 'USER_INACTIVE',
  // FORBIDDEN
  ROLE_NOT_ALLOWED = 'ROLE_NOT_ALLOWED',
  READ_ONLY_ACCOUNT = 'READ_ONLY_ACCOUNT',
  NOT_ASSIGNEE = 'NOT_ASSIGNEE',
  OWN_WORK = 'OWN_WORK',
  OVER_APPROVAL_LIMIT = 'OVER_APPROVAL_LIMIT',
  FOREIGN_CURRENCY = 'FOREIGN_CURRENCY',
  NOT_OWN_NOTIFICATIONS = 'NOT_OWN_NOTIFICATIONS',
  NOT_THEIR_MANAGER = 'NOT_THEIR_MANAGER',
  // NOT_FOUND
  NOT_FOUND = 'NOT_FOUND',
  // BAD_USER_INPUT
  INVALID_INPUT = 'INVALID_INPUT',
  INVALID_ID = 'INVALID_ID',
  INVALID_QUERY = 'INVALID_QUERY',
  INVALID_REQUEST = 'INVALID_REQUEST',
  CURRENCY_MISMATCH = 'CURRENCY_MISMATCH',
  UNRELATED_RECORD = 'UNRELATED_RECORD',
  USER_NOT_ELIGIBLE = 'USER_NOT_ELIGIBLE',
  ACCOUNT_CYCLE = 'ACCOUNT_CYCLE',
  FAMILY_TOO_DEEP = 'FAMILY_TOO_DEEP',
  AMOUNT_OUT_OF_RANGE = 'AMOUNT_OUT_OF_RANGE',
  RESPONSE_TOO_LARGE = 'RESPONSE_TOO_LARGE',
  // CONFLICT
  STALE_VERSION = 'STALE_VERSION',
  CONCURRENT_CHANGE = 'CONCURRENT_CHANGE',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  NO_CHANGE = 'NO_CHANGE',
  ALREADY_MEMBER = 'ALREADY_MEMBER',
  NOT_MEMBER = 'NOT_MEMBER',
  ALREADY_EXISTS = 'ALREADY_EXISTS',
  INVOICE_EXCEEDS_CONTRACT = 'INVOICE_EXCEEDS_CONTRACT',
  PAYMENT_EXCEEDS_BALANCE = 'PAYMENT_EXCEEDS_BALANCE',
  HAS_PAYMENTS = 'HAS_PAYMENTS',
  CONTRACT_VALUE_NEGATIVE = 'CONTRACT_VALUE_NEGATIVE',
  RENEWAL_IN_PROGRESS = 'RENEWAL_IN_PROGRESS',
  ALREADY_RESPONDED = 'ALREADY_RESPONDED',
  ALREADY_ESCALATED = 'ALREADY_ESCALATED',
  NO_IT_DIRECTOR = 'NO_IT_DIRECTOR',
  QUALITY_REVIEW_MISSING = 'QUALITY_REVIEW_MISSING',
  QUALITY_REVIEW_FAILED = 'QUALITY_REVIEW_FAILED',
  GOAL_EXISTS = 'GOAL_EXISTS',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  IDEMPOTENCY_KEY_IN_USE = 'IDEMPOTENCY_KEY_IN_USE',
  // QUERY_TOO_COMPLEX, RATE_LIMITED, TIMEOUT, SERVICE_UNAVAILABLE, INTERNAL_SERVER_ERROR
  QUERY_COST_OVER_BUDGET = 'QUERY_COST_OVER_BUDGET',
  RATE_LIMITED = 'RATE_LIMITED',
  TIME_LIMIT_EXCEEDED = 'TIME_LIMIT_EXCEEDED',
  DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE',
  INTERNAL_ERROR = 'INTERNAL_ERROR',
}

/** What each reason means and what a client can do about it (the schema's `ErrorReason` descriptions). */
export const ERROR_REASON_DESCRIPTIONS: Record<ErrorReason, string> = {
  SIGN_IN_REQUIRED: 'UNAUTHENTICATED: no bearer token was sent.',
  INVALID_TOKEN: 'UNAUTHENTICATED: the token is malformed, expired, badly signed or names no user; get a new one.',
  UNKNOWN_USER: "UNAUTHENTICATED: no member of staff has the token's email; an admin must add them.",
  USER_INACTIVE: 'UNAUTHENTICATED: the member of staff has left (inactive) and cannot sign in.',
  ROLE_NOT_ALLOWED: 'FORBIDDEN: your role may not do this operation at all; the message names the roles that may.',
  READ_ONLY_ACCOUNT: 'FORBIDDEN: you may see the account but not change it (it is outside your portfolio).',
  NOT_ASSIGNEE: 'FORBIDDEN: only the assignee, the account owner (or their senior) and leadership may do this.',
  OWN_WORK: 'FORBIDDEN: you created or submitted the item; someone else must approve or reject it.',
  OVER_APPROVAL_LIMIT: 'FORBIDDEN: the amount is above your approval limit; the message names who may approve it.',
  FOREIGN_CURRENCY: 'FORBIDDEN: approval limits are in USD; an item in another currency needs an executive or admin.',
  NOT_OWN_NOTIFICATIONS: 'FORBIDDEN: you may read only your own notifications (viewer { notifications }).',
  NOT_THEIR_MANAGER:
    "FORBIDDEN: only the person's manager (their senior), executives and admins may do this; nobody for themselves.",
  NOT_FOUND: 'NOT_FOUND: no such record, or it is outside what you may see.',
  INVALID_INPUT: 'BAD_USER_INPUT: an input value is invalid; `fields` names each one.',
  INVALID_ID: 'BAD_USER_INPUT: an id is malformed or names another type than expected.',
  INVALID_QUERY: 'BAD_USER_INPUT: the query does not parse or is not valid against the schema.',
  INVALID_REQUEST: 'BAD_USER_INPUT: the HTTP request is malformed (body, headers, variables).',
  CURRENCY_MISMATCH: "BAD_USER_INPUT: an amount is not in the currency it must be in (the contract's, the project's).",
  UNRELATED_RECORD: 'BAD_USER_INPUT: a referenced record belongs to another account, contract or project.',
  USER_NOT_ELIGIBLE: 'BAD_USER_INPUT: the named member of staff cannot take this part (inactive or the wrong role).',
  ACCOUNT_CYCLE: 'BAD_USER_INPUT: the parent would make an account its own ancestor.',
  FAMILY_TOO_DEEP: 'BAD_USER_INPUT: the account family would nest deeper than allowed.',
  AMOUNT_OUT_OF_RANGE: 'An amount would be larger than can be represented, or fall below zero where it may not.',
  RESPONSE_TOO_LARGE: 'BAD_USER_INPUT: the response is too large to keep for an Idempotency-Key; select fewer fields.',
  STALE_VERSION: 'CONFLICT: someone changed the record since you read it (`expectedVersion`, `actualVersion`); reload.',
  CONCURRENT_CHANGE: 'CONFLICT: another request changed the same records at the same moment; reload and retry.',
  INVALID_TRANSITION: 'CONFLICT: the record is in a status that does not allow this step (the message says which).',
  NO_CHANGE: 'CONFLICT or BAD_USER_INPUT: the record already is as asked (same owner, same assignee).',
  ALREADY_MEMBER: 'CONFLICT: the person is on the team already.',
  NOT_MEMBER: 'CONFLICT: the person is not on the team.',
  ALREADY_EXISTS:
    'CONFLICT: a record with the same name or key exists already (an offering, an account offering); change that one.',
  INVOICE_EXCEEDS_CONTRACT: "CONFLICT: approving the invoice would invoice more than the contract's value.",
  PAYMENT_EXCEEDS_BALANCE: 'CONFLICT: the payment is more than the balance due on the invoice.',
  HAS_PAYMENTS: 'CONFLICT: an invoice with payments cannot be voided; issue a credit instead.',
  CONTRACT_VALUE_NEGATIVE: "CONFLICT: the change order would take the contract's value below zero.",
  RENEWAL_IN_PROGRESS: 'CONFLICT: the contract already has a renewal in progress.',
  ALREADY_RESPONDED: "CONFLICT: the issue's first response is recorded already; add a comment instead.",
  ALREADY_ESCALATED: 'CONFLICT: the issue is escalated already.',
  NO_IT_DIRECTOR: 'CONFLICT: there is no active IT Director to escalate to.',
  QUALITY_REVIEW_MISSING: 'CONFLICT: the deliverable needs a passed quality review before the client accepts it.',
  QUALITY_REVIEW_FAILED: 'CONFLICT: the deliverable failed its quality review; rework it and pass a new one.',
  GOAL_EXISTS: 'CONFLICT: the person already has a goal on this metric for this period (and currency); update it.',
  IDEMPOTENCY_KEY_REUSED: 'CONFLICT: the Idempotency-Key was used for a different request; use a new key.',
  IDEMPOTENCY_KEY_IN_USE: 'CONFLICT: a request with this Idempotency-Key is still running; retry in a moment.',
  QUERY_COST_OVER_BUDGET: 'QUERY_TOO_COMPLEX: ask for smaller pages or fewer nested lists.',
  RATE_LIMITED: "RATE_LIMITED: this minute's query budget is spent; retry after `retryAfterSeconds`.",
  TIME_LIMIT_EXCEEDED: 'TIMEOUT: the request ran past its time limit and was stopped.',
  DATABASE_UNAVAILABLE: 'SERVICE_UNAVAILABLE: the database cannot be reached; retry after `retryAfterSeconds`.',
  INTERNAL_ERROR: 'INTERNAL_SERVER_ERROR: unexpected; quote `requestId` when you report it.',
};

/** One invalid input value: where it is (`input.name`) and what is wrong with it. */
export interface InvalidField {
  path: string;
  message: string;
}

/** An error meant for the client: its message is safe to show and says what to do; `details` are safe too. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly reason: ErrorReason,
    message: string,
    /** Facts a client may act on (`fields`, `expectedVersion`, `retryAfterSeconds`...): no SQL, no stack. */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(
    message = 'Sign in first: send an Authorization: Bearer <token> header.',
    reason: ErrorReason = ErrorReason.SIGN_IN_REQUIRED,
  ) {
    super(ErrorCode.UNAUTHENTICATED, reason, message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(reason: ErrorReason, message: string, details: Record<string, unknown> = {}) {
    super(ErrorCode.FORBIDDEN, reason, message, details);
  }
}

export class NotFoundError extends DomainError {
  constructor(typeName: string, id: string) {
    super(
      ErrorCode.NOT_FOUND,
      ErrorReason.NOT_FOUND,
      `No ${typeName} with id "${id}" exists or it is not visible to you.`,
      {
        id,
      },
    );
  }
}

export class ConflictError extends DomainError {
  constructor(reason: ErrorReason, message: string, details: Record<string, unknown> = {}) {
    super(ErrorCode.CONFLICT, reason, message, details);
  }
}

export class BadInputError extends DomainError {
  constructor(message: string, fields: InvalidField[] = [], reason: ErrorReason = ErrorReason.INVALID_INPUT) {
    super(ErrorCode.BAD_USER_INPUT, reason, message, { fields });
  }

  static field(path: string, message: string, reason: ErrorReason = ErrorReason.INVALID_INPUT): BadInputError {
    return new BadInputError(`${path}: ${message}`, [{ path, message }], reason);
  }
}

/** A stale `expectedVersion`: someone else changed the record since the client read it. */
export class StaleVersionError extends ConflictError {
  constructor(typeName: string, id: string, expected: number, actual: number) {
    super(
      ErrorReason.STALE_VERSION,
      `${typeName} "${id}" was changed by someone else (you sent version ${expected}, it is now ${actual}). Reload it and apply your change again.`,
      { expectedVersion: expected, actualVersion: actual },
    );
  }
}

/** A query whose cost, counted before it runs, is over the per-request budget. */
export class QueryTooComplexError extends DomainError {
  constructor(cost: number, budget: number) {
    super(
      ErrorCode.QUERY_TOO_COMPLEX,
      ErrorReason.QUERY_COST_OVER_BUDGET,
      `This query may cost ${cost} points and one request may cost at most ${budget}. Ask for smaller ` +
        `pages (lower \`first\`) or fewer nested lists, and follow cursors for the rest.`,
      { cost, budget },
    );
  }
}

/** The caller's cost points for the current minute are spent; `headers` go on the response (RateLimit-*). */
export class RateLimitedError extends DomainError {
  constructor(
    retryAfterSeconds: number,
    readonly headers: ReadonlyMap<string, string> = new Map(),
  ) {
    super(
      ErrorCode.RATE_LIMITED,
      ErrorReason.RATE_LIMITED,
      `You have used this minute's query budget. Retry in ${retryAfterSeconds} s.`,
      { retryAfterSeconds },
    );
  }
}

/** The request passed its time limit; what it still wanted from the database was not run. */
export class RequestTimeoutError extends DomainError {
  constructor(limitMs: number) {
    super(
      ErrorCode.TIMEOUT,
      ErrorReason.TIME_LIMIT_EXCEEDED,
      `The request took longer than its limit of ${limitMs / 1000} s and was stopped. Ask for less (smaller pages, fewer nested lists) and retry.`,
    );
  }
}

/** The database is unreachable (down, restarting, out of connections): retry after a pause. */
export class ServiceUnavailableError extends DomainError {
  static readonly RETRY_AFTER_SECONDS = 5;

  constructor() {
    const retryAfter = ServiceUnavailableError.RETRY_AFTER_SECONDS;
    super(
      ErrorCode.SERVICE_UNAVAILABLE,
      ErrorReason.DATABASE_UNAVAILABLE,
      `The service cannot reach its database right now. Nothing was changed; retry in ${retryAfter} s.`,
      { retryAfterSeconds: retryAfter },
    );
  }
}

import {
  SERVER_ERROR_CODES,
  SERVER_ERROR_REASONS,
  type ServerErrorCode,
  type ServerErrorReason,
} from './generated/extras.js';

/**
 * What went wrong: the server's `extensions.code` (every value of the schema's `enum ErrorCode`),
 * or one of the SDK's own codes when no GraphQL result came back:
 *  - NETWORK_ERROR: fetch failed (connection refused, DNS, TLS), no answer within `timeoutMs`, or
 *    the server or a proxy answered without a GraphQL body (then `status` is set);
 *  - ABORTED: the caller's `signal` aborted the call.
 */
export type AccountGraphErrorCode = ServerErrorCode | 'NETWORK_ERROR' | 'ABORTED';

/** Why, more precisely than the code: the server's `extensions.reason` (the schema's `enum ErrorReason`). */
export type AccountGraphErrorReason = ServerErrorReason;

/** One invalid input value of a BAD_USER_INPUT error: where it is (`input.name`) and what is wrong. */
export interface AccountGraphFieldError {
  path: string;
  message: string;
}

/** One entry of a GraphQL response's `errors`, as the server sent it. */
export interface AccountGraphGraphQLError {
  message: string;
  path?: ReadonlyArray<string | number>;
  locations?: ReadonlyArray<{ line: number; column: number }>;
  extensions?: Record<string, unknown>;
}

/** What an AccountGraphError is made from. */
export interface AccountGraphErrorInit {
  code: AccountGraphErrorCode;
  reason?: AccountGraphErrorReason | undefined;
  operationName?: string | undefined;
  fields?: AccountGraphFieldError[] | undefined;
  path?: ReadonlyArray<string | number> | undefined;
  extensions?: Record<string, unknown> | undefined;
  requestId?: string | undefined;
  status?: number | undefined;
  errors?: AccountGraphGraphQLError[] | undefined;
  data?: unknown;
  retryAfterSeconds?: number | undefined;
  attempts?: number | undefined;
  cause?: unknown;
}

/**
 * The one error every SDK call rejects with: a GraphQL error from the server (code from
 * `extensions.code`), or NETWORK_ERROR / ABORTED when no GraphQL result came back.
 */
export class AccountGraphError extends Error {
  override readonly name = 'AccountGraphError';
  /** The server's `extensions.code` of the first error, or NETWORK_ERROR / ABORTED. */
  readonly code: AccountGraphErrorCode;
  /** The server's `extensions.reason` of the first error, when it sent one. */
  readonly reason: AccountGraphErrorReason | undefined;
  /** The operation (SDK method) that failed, for example "createAccount". */
  readonly operationName: string | undefined;
  /** For BAD_USER_INPUT: each invalid input value (`{ path: 'input.name', message }`); otherwise empty. */
  readonly fields: AccountGraphFieldError[];
  /** Response path of the first error, for example ['createAccount']; undefined for request-level errors. */
  readonly path: ReadonlyArray<string | number> | undefined;
  /** `extensions` of the first error, for example `{ code, expectedVersion, actualVersion }` for a stale CONFLICT. */
  readonly extensions: Record<string, unknown>;
  /** The `x-request-id` response header: quote it when reporting a problem. */
  readonly requestId: string | undefined;
  /** HTTP status of the last response; undefined when none came back. */
  readonly status: number | undefined;
  /** Every GraphQL error of the response, as sent; empty when no GraphQL result came back. */
  readonly errors: AccountGraphGraphQLError[];
  /** Partial `data` the server returned alongside the errors, if any. */
  readonly data: unknown;
  /** For RATE_LIMITED and SERVICE_UNAVAILABLE: seconds to wait before trying again (Retry-After). */
  readonly retryAfterSeconds: number | undefined;
  /** How many requests the call made (1 plus its retries). */
  readonly attempts: number;

  constructor(message: string, init: AccountGraphErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.reason = init.reason;
    this.operationName = init.operationName;
    this.fields = init.fields ?? [];
    this.path = init.path;
    this.extensions = init.extensions ?? {};
    this.requestId = init.requestId;
    this.status = init.status;
    this.errors = init.errors ?? [];
    this.data = init.data;
    this.attempts = init.attempts ?? 1;
    const retryAfter = init.retryAfterSeconds ?? Number(this.extensions.retryAfterSeconds);
    this.retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
  }
}

/** Whether an error is an AccountGraphError with one of the given codes (narrows `error`). */
export function isAccountGraphError(error: unknown, ...codes: AccountGraphErrorCode[]): error is AccountGraphError {
  return error instanceof AccountGraphError && (codes.length === 0 || codes.includes(error.code));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asFieldErrors(value: unknown): AccountGraphFieldError[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((field) => ({ path: textOf(field.path), message: textOf(field.message) }));
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The server's code as the SDK types it: one of the schema's codes (INTERNAL_SERVER_ERROR for an unknown one). */
function knownCode(raw: unknown): AccountGraphErrorCode {
  return isOneOf(SERVER_ERROR_CODES, raw) ? raw : 'INTERNAL_SERVER_ERROR';
}

/**
 * The server's reason as the SDK types it; a reason newer than this SDK (the schema only adds
 * reasons) is left out here and stays readable in `extensions.reason`.
 */
function knownReason(raw: unknown): AccountGraphErrorReason | undefined {
  return isOneOf(SERVER_ERROR_REASONS, raw) ? raw : undefined;
}

function isOneOf<T extends string>(values: readonly T[] | null, raw: unknown): raw is T {
  return typeof raw === 'string' && (values === null || (values as readonly string[]).includes(raw));
}

/** What the transport knows about the response that carried GraphQL errors. */
export interface ResponseFacts {
  operationName: string | undefined;
  status: number;
  requestId: string | undefined;
  retryAfterSeconds: number | undefined;
  attempts: number;
}

/** The AccountGraphError for a GraphQL response whose `errors` is not empty. */
export function fromGraphQLErrors(rawErrors: unknown[], data: unknown, facts: ResponseFacts): AccountGraphError {
  const errors = rawErrors.filter(isRecord).map((error) => ({
    ...error,
    message: typeof error.message === 'string' ? error.message : 'Unknown error',
  })) as AccountGraphGraphQLError[];
  const first = errors[0] ?? { message: 'Unknown error' };
  const extensions = isRecord(first.extensions) ? first.extensions : {};
  const code = knownCode(extensions.code);
  // The server's message is written to be shown to a person; it is kept as it is.
  return new AccountGraphError(first.message, {
    code,
    reason: knownReason(extensions.reason),
    operationName: facts.operationName,
    fields: code === 'BAD_USER_INPUT' ? asFieldErrors(extensions.fields) : [],
    path: Array.isArray(first.path) ? first.path : undefined,
    extensions,
    requestId: facts.requestId,
    status: facts.status,
    errors,
    data: data ?? undefined,
    retryAfterSeconds: facts.retryAfterSeconds,
    attempts: facts.attempts,
  });
}

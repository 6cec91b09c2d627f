import { ClientError } from 'graphql-request';

/**
 * What went wrong. All but NETWORK_ERROR are the server's `extensions.code` (the only codes it
 * sends); NETWORK_ERROR means no GraphQL response came back at all. RATE_LIMITED and
 * SERVICE_UNAVAILABLE may be retried after `retryAfterSeconds`; TIMEOUT and QUERY_TOO_COMPLEX
 * need a smaller request.
 */
export type AccountGraphErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'QUERY_TOO_COMPLEX'
  | 'RATE_LIMITED'
  | 'TIMEOUT'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR'
  | 'NETWORK_ERROR';

/** Every code the server may send in `extensions.code`. */
const SERVER_CODES: ReadonlySet<string> = new Set<AccountGraphErrorCode>([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'QUERY_TOO_COMPLEX',
  'RATE_LIMITED',
  'TIMEOUT',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
]);

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
  operationName?: string;
  fields?: AccountGraphFieldError[];
  path?: ReadonlyArray<string | number>;
  extensions?: Record<string, unknown>;
  requestId?: string;
  status?: number;
  errors?: AccountGraphGraphQLError[];
  data?: unknown;
  cause?: unknown;
}

/**
 * The one error every SDK method throws: a GraphQL error from the server (code from
 * `extensions.code`) or a NETWORK_ERROR when no GraphQL response came back.
 */
export class AccountGraphError extends Error {
  override readonly name = 'AccountGraphError';
  /** The server's `extensions.code` of the first error, or NETWORK_ERROR. */
  readonly code: AccountGraphErrorCode;
  /** The SDK method (operation) that failed, for example "createAccount". */
  readonly operationName: string | undefined;
  /** For BAD_USER_INPUT: each invalid input value (`{ path: 'input.name', message }`); otherwise empty. */
  readonly fields: AccountGraphFieldError[];
  /** Response path of the first error, for example ['createAccount']; undefined for request-level errors. */
  readonly path: ReadonlyArray<string | number> | undefined;
  /** `extensions` of the first error, for example `{ code, expectedVersion, actualVersion }` for a stale CONFLICT. */
  readonly extensions: Record<string, unknown>;
  /** The `x-request-id` response header: quote it when reporting a problem. */
  readonly requestId: string | undefined;
  /** HTTP status of the response; undefined when none came back. */
  readonly status: number | undefined;
  /** Every GraphQL error of the response, as sent; empty for NETWORK_ERROR. */
  readonly errors: AccountGraphGraphQLError[];
  /** Partial `data` the server returned alongside the errors, if any. */
  readonly data: unknown;
  /** For RATE_LIMITED and SERVICE_UNAVAILABLE: seconds to wait before retrying (the Retry-After header). */
  readonly retryAfterSeconds: number | undefined;

  constructor(message: string, init: AccountGraphErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.operationName = init.operationName;
    this.fields = init.fields ?? [];
    this.path = init.path;
    this.extensions = init.extensions ?? {};
    this.requestId = init.requestId;
    this.status = init.status;
    this.errors = init.errors ?? [];
    this.data = init.data;
    const retryAfter = Number(this.extensions.retryAfterSeconds);
    this.retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asFieldErrors(value: unknown): AccountGraphFieldError[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(isRecord)
    .map((field) => ({ path: String(field.path ?? ''), message: String(field.message ?? '') }));
}

function headerOf(headers: unknown, name: string): string | undefined {
  if (headers && typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  return undefined;
}

/**
 * Turns whatever a graphql-request call threw into an AccountGraphError (returned as is when it
 * already is one). A GraphQL error keeps the server's message as it is (it is written to be shown).
 */
export function toAccountGraphError(error: unknown, operationName?: string): AccountGraphError {
  if (error instanceof AccountGraphError) return error;

  if (error instanceof ClientError) {
    const { response } = error;
    const requestId = headerOf(response.headers, 'x-request-id');
    // graphql-request keeps the body of a 4xx/5xx as `response`, errors included (429, 503).
    const errors = (Array.isArray(response.errors) ? response.errors : []).filter(
      isRecord,
    ) as unknown as AccountGraphGraphQLError[];
    const first = errors[0];
    if (first) {
      const extensions = isRecord(first.extensions) ? first.extensions : {};
      const rawCode = typeof extensions.code === 'string' ? extensions.code : '';
      const code = (SERVER_CODES.has(rawCode) ? rawCode : 'INTERNAL_SERVER_ERROR') as AccountGraphErrorCode;
      return new AccountGraphError(String(first.message), {
        code,
        operationName,
        fields: code === 'BAD_USER_INPUT' ? asFieldErrors(extensions.fields) : [],
        path: Array.isArray(first.path) ? first.path : undefined,
        extensions,
        requestId,
        status: response.status,
        errors,
        data: response.data ?? undefined,
      });
    }
    // An HTTP error without a GraphQL body, for example a proxy's 502 page.
    return new AccountGraphError(`The Account Graph API answered HTTP ${response.status} without a GraphQL result.`, {
      code: 'NETWORK_ERROR',
      operationName,
      requestId,
      status: response.status,
      cause: error,
    });
  }

  // fetch itself failed (connection refused, DNS, TLS, aborted) or the body was not JSON.
  const reason = error instanceof Error ? error.message : String(error);
  const detail = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return new AccountGraphError(`Account Graph request failed: ${reason}${detail}`, {
    code: 'NETWORK_ERROR',
    operationName,
    cause: error,
  });
}

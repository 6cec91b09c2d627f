import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { Kind, print, type DocumentNode } from 'graphql';
import { AccountGraphError, fromGraphQLErrors } from './errors.js';

/** How a call retries: up to `max` more requests, waiting `baseDelayMs * 2^n` (with jitter), at most `maxDelayMs`. */
export interface RetryOptions {
  /** Retries after the first request (0 turns retrying off). Default 2. */
  max?: number | undefined;
  /** The first wait, doubled after each retry. Default 250 ms. */
  baseDelayMs?: number | undefined;
  /**
   * The longest wait between two requests. A Retry-After longer than this is not waited out: the
   * call fails with the server's error and its `retryAfterSeconds`. Default 10,000 ms.
   */
  maxDelayMs?: number | undefined;
}

/** Headers in any form fetch accepts: an object, a `Headers`, or `[name, value]` pairs. */
export type HeadersInput = Headers | ReadonlyArray<readonly [string, string]> | Readonly<Record<string, string>>;

/** One Headers from any HeadersInput (undefined gives an empty one). */
export function toHeaders(input: HeadersInput | undefined): Headers {
  return new Headers(input as ConstructorParameters<typeof Headers>[0]);
}

/** Options of one call: the second argument of every method, `client.request` and the pagers. */
export interface CallOptions {
  /** Headers for this call, in any form fetch accepts (object, `Headers`, `[name, value]` pairs); they win over the client's. */
  headers?: HeadersInput | undefined;
  /** Aborts the call, its retries and waits included; it then rejects with code ABORTED. */
  signal?: AbortSignal | undefined;
  /**
   * The Idempotency-Key for this call (also read from `headers`). Every retry of the call sends the
   * same key, so the server does the work at most once. A mutation is only retried with a key.
   */
  idempotencyKey?: string | undefined;
  /** Overrides the client's `timeoutMs` for this call (each request of it). */
  timeoutMs?: number | undefined;
  /** Overrides the client's `retries` for this call. */
  retries?: number | RetryOptions | undefined;
}

/** What the response said besides its data: `client.withMeta.*` and `client.requestWithMeta` return it. */
export interface ResponseMeta {
  /** HTTP status of the last response. */
  status: number;
  /** The `x-request-id` response header: quote it when reporting a problem. */
  requestId: string | undefined;
  /** True when the server answered from its idempotency record (`idempotent-replayed: true`): the work was done earlier. */
  replayed: boolean;
  /** The Idempotency-Key the call sent, if any (a generated one included). */
  idempotencyKey: string | undefined;
  /** How many requests the call made (1 plus its retries). */
  attempts: number;
  /** Every header of the last response. */
  headers: Headers;
}

/** A call's data with its response metadata. */
export interface WithMeta<T> {
  data: T;
  meta: ResponseMeta;
}

/** Any typed document: the SDK's own (`AccountsDocument`), a codegen TypedDocumentNode or TypedDocumentString. */
export type TypedDocument<TResult, TVariables> = DocumentTypeDecoration<TResult, TVariables>;

/** What the transport needs from createClient's options, defaults applied. */
export interface TransportConfig {
  url: string;
  fetch: typeof fetch;
  headers: Headers;
  getToken: () => string | null | undefined | Promise<string | null | undefined>;
  timeoutMs: number;
  retries: Required<RetryOptions>;
  autoIdempotencyKeys: boolean;
  onResponse: ((meta: ResponseMeta & { operationName: string | undefined }) => void) | undefined;
}

const DEFAULT_RETRIES: Required<RetryOptions> = { max: 2, baseDelayMs: 250, maxDelayMs: 10_000 };

/** A retry setting as given (a count or options) with the defaults filled in. */
export function retryOptions(value: number | RetryOptions | undefined, base = DEFAULT_RETRIES): Required<RetryOptions> {
  if (value === undefined) return base;
  const given = typeof value === 'number' ? { max: value } : value;
  return {
    max: Math.max(0, Math.floor(given.max ?? base.max)),
    baseDelayMs: Math.max(0, given.baseDelayMs ?? base.baseDelayMs),
    maxDelayMs: Math.max(0, given.maxDelayMs ?? base.maxDelayMs),
  };
}

/** The text of a document, whichever form it has. */
function documentText(document: unknown): string {
  if (typeof document === 'string' || document instanceof String) return document.toString();
  const node = document as DocumentNode;
  if (node && node.kind === Kind.DOCUMENT) return node.loc?.source.body ?? print(node);
  throw new TypeError('Expected a GraphQL document: a string, a TypedDocumentString or a DocumentNode');
}

/** The kind and name of a document's first operation, read with a small scanner (no parser at run time). */
export function operationOf(text: string): { kind: 'query' | 'mutation' | 'subscription'; name: string | undefined } {
  let depth = 0;
  let index = 0;
  let inFragment = false;
  let pending: 'query' | 'mutation' | 'subscription' | undefined;
  while (index < text.length) {
    const char = text[index];
    if (char === '#') {
      while (index < text.length && text[index] !== '\n') index += 1;
    } else if (char === '"') {
      if (text.startsWith('"""', index)) {
        const end = text.indexOf('"""', index + 3);
        index = end < 0 ? text.length : end + 2;
      } else {
        index += 1;
        while (index < text.length && text[index] !== '"') index += text[index] === '\\' ? 2 : 1;
      }
    } else if (depth > 0) {
      if (char === '{') depth += 1;
      if (char === '}') depth -= 1;
    } else if (/[A-Za-z_]/.test(char)) {
      const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(index))![0];
      if (pending) return { kind: pending, name: word };
      if (!inFragment && (word === 'query' || word === 'mutation' || word === 'subscription')) pending = word;
      if (word === 'fragment') inFragment = true;
      index += word.length - 1;
    } else if (pending && !/[\s,]/.test(char)) {
      // `query (` or `mutation {`: an operation without a name.
      return { kind: pending, name: undefined };
    } else if (char === '{') {
      // A fragment's body is skipped; a selection set at the top is an anonymous query.
      if (!inFragment) return { kind: 'query', name: undefined };
      inFragment = false;
      depth = 1;
    }
    index += 1;
  }
  return { kind: pending ?? 'query', name: undefined };
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- an abort rejects with the signal's own reason, as fetch does
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- as above
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Seconds of a Retry-After header (seconds or an HTTP date), or undefined. */
function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

/** Exponential backoff with jitter (half fixed, half random), so that many clients do not retry in step. */
function backoffMs(retry: number, options: Required<RetryOptions>): number {
  const exponential = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retry);
  return exponential / 2 + Math.random() * (exponential / 2);
}

const CALL_OPTIONS: ReadonlySet<string> = new Set(['headers', 'signal', 'idempotencyKey', 'timeoutMs', 'retries']);

/**
 * Refuses options the SDK does not know: headers given where the options go (`{ 'Idempotency-Key': k }`
 * instead of `{ headers: { ... } }`) would otherwise be ignored without a word.
 */
function checkCallOptions(options: object): void {
  for (const key of Object.keys(options)) {
    if (!CALL_OPTIONS.has(key)) {
      throw new TypeError(
        `Unknown call option "${key}": options are ${[...CALL_OPTIONS].join(', ')}; headers go in { headers: { '${key}': ... } }`,
      );
    }
  }
}

const RETRIED_STATUSES = new Set([429, 503]);

/**
 * Runs one GraphQL operation over HTTP: merges headers, signs the request, sends the idempotency
 * key, retries what is safe to retry, and turns every failure into an AccountGraphError.
 */
export async function execute<TResult>(
  config: TransportConfig,
  document: unknown,
  variables: unknown,
  options: CallOptions = {},
): Promise<WithMeta<TResult>> {
  checkCallOptions(options);
  const query = documentText(document);
  const operation = operationOf(query);
  const operationName = operation.name;
  const retries = retryOptions(options.retries, config.retries);
  const timeoutMs = options.timeoutMs ?? config.timeoutMs;
  const signal = options.signal;

  // One Headers for the call: the client's, then the call's in whatever form they came (a spread
  // would keep plain objects only and drop a Headers object or [name, value] pairs without a word).
  const headers = new Headers(config.headers);
  toHeaders(options.headers).forEach((value, name) => headers.set(name, value));
  const idempotencyKey =
    options.idempotencyKey ??
    headers.get('idempotency-key') ??
    (operation.kind === 'mutation' && config.autoIdempotencyKeys ? globalThis.crypto.randomUUID() : undefined);
  if (idempotencyKey !== undefined) headers.set('idempotency-key', idempotencyKey);
  headers.set('content-type', 'application/json');
  if (!headers.has('accept')) headers.set('accept', 'application/graphql-response+json, application/json');
  const body = JSON.stringify({ query, variables: variables ?? {}, ...(operationName ? { operationName } : {}) });
  // A query can always be sent again; a mutation only when its key makes the server do it at most once.
  const retryable = operation.kind !== 'mutation' || idempotencyKey !== undefined;

  const aborted = (cause: unknown, attempts: number) =>
    new AccountGraphError(`Account Graph request aborted (${operationName ?? 'anonymous operation'})`, {
      code: 'ABORTED',
      operationName,
      attempts,
      cause,
    });

  for (let attempt = 1; ; attempt += 1) {
    const canRetry = retryable && attempt <= retries.max;
    if (signal?.aborted) throw aborted(signal.reason, attempt - 1);
    const token = await config.getToken();
    if (token) headers.set('authorization', `Bearer ${token}`);

    let response: Response;
    let text: string;
    const timeout = AbortSignal.timeout(timeoutMs);
    try {
      response = await config.fetch(config.url, {
        method: 'POST',
        headers,
        body,
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      text = await response.text();
    } catch (cause) {
      if (signal?.aborted) throw aborted(cause, attempt);
      if (canRetry) {
        await sleep(backoffMs(attempt - 1, retries), signal).catch((reason) => {
          throw aborted(reason, attempt);
        });
        continue;
      }
      const reason = timeout.aborted
        ? `no response within ${timeoutMs} ms`
        : cause instanceof Error
          ? `${cause.message}${cause.cause instanceof Error ? ` (${cause.cause.message})` : ''}`
          : String(cause);
      throw new AccountGraphError(`Account Graph request failed: ${reason}`, {
        code: 'NETWORK_ERROR',
        operationName,
        attempts: attempt,
        cause,
      });
    }

    const requestId = response.headers.get('x-request-id') ?? undefined;
    const retryAfter = retryAfterSeconds(response.headers.get('retry-after'));
    if (RETRIED_STATUSES.has(response.status) && canRetry) {
      const waitMs = retryAfter !== undefined ? retryAfter * 1000 : backoffMs(attempt - 1, retries);
      if (waitMs <= retries.maxDelayMs) {
        await sleep(waitMs, signal).catch((reason) => {
          throw aborted(reason, attempt);
        });
        continue;
      }
    }

    let result: { data?: unknown; errors?: unknown } | undefined;
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object') result = parsed;
    } catch {
      result = undefined;
    }
    if (!result || (!('data' in result) && !Array.isArray(result.errors))) {
      // An HTTP error without a GraphQL body, for example a proxy's 502 page.
      throw new AccountGraphError(`The Account Graph API answered HTTP ${response.status} without a GraphQL result.`, {
        code: 'NETWORK_ERROR',
        operationName,
        requestId,
        status: response.status,
        retryAfterSeconds: retryAfter,
        attempts: attempt,
      });
    }
    if (Array.isArray(result.errors) && result.errors.length > 0) {
      throw fromGraphQLErrors(result.errors, result.data, {
        operationName,
        status: response.status,
        requestId,
        retryAfterSeconds: retryAfter,
        attempts: attempt,
      });
    }
    const meta: ResponseMeta = {
      status: response.status,
      requestId,
      replayed: response.headers.get('idempotent-replayed') === 'true',
      idempotencyKey,
      attempts: attempt,
      headers: response.headers,
    };
    config.onResponse?.({ ...meta, operationName });
    return { data: result.data as TResult, meta };
  }
}

import { CONNECTION_FIELDS } from './generated/extras.js';
import { getSdk } from './generated/sdk.js';
import { createPagers, type Pagers } from './paginate.js';
import {
  execute,
  retryOptions,
  toHeaders,
  type HeadersInput,
  type CallOptions,
  type ResponseMeta,
  type RetryOptions,
  type TransportConfig,
  type TypedDocument,
  type WithMeta,
} from './transport.js';

/** Options of createClient. */
export interface AccountGraphClientOptions {
  /** The GraphQL endpoint, for example "http://localhost:4000/graphql". */
  url: string;
  /** Bearer token sent as `Authorization: Bearer <token>`; leave it out (or undefined) to call anonymously. */
  token?: string | null | undefined;
  /** Called before every request (retries included) for the bearer token; wins over `token`. */
  getToken?: (() => string | null | undefined | Promise<string | null | undefined>) | undefined;
  /** Headers sent with every request, in any form fetch accepts (a token replaces any Authorization here). */
  headers?: HeadersInput | undefined;
  /** The fetch to use; the global fetch (Node 18+, browsers) when omitted. */
  fetch?: typeof fetch | undefined;
  /** Gives up on a request that has not been answered in this time (then retries it, if it may). Default 30,000 ms. */
  timeoutMs?: number | undefined;
  /**
   * Retries on a network error, a timeout, HTTP 429 and 503 (waiting out Retry-After): a count or
   * options. Queries are retried; mutations only with an idempotency key. Default 2 retries.
   */
  retries?: number | RetryOptions | undefined;
  /**
   * 'auto' sends a new Idempotency-Key (a random UUID) with every mutation that has none, so that
   * mutations are retried safely too; 'manual' (the default) sends a key only when the call gives one.
   */
  idempotencyKeys?: 'auto' | 'manual' | undefined;
  /** Called with the metadata of every successful response (request id, replayed...), for logging. */
  onResponse?: ((meta: ResponseMeta & { operationName: string | undefined }) => void) | undefined;
}

/**
 * The generated methods with their options typed as CallOptions (`Sdk`, the plugin's own type, has
 * them as `unknown`, which would let `method(vars, { 'Idempotency-Key': k })` compile and drop the key).
 */
export type Sdk = ReturnType<typeof getSdk<CallOptions>>;

/** `variables` of a document: optional when none is required. */
type VariablesArgs<TVariables> = object extends TVariables
  ? [variables?: TVariables, options?: CallOptions]
  : [variables: TVariables, options?: CallOptions];

/** The generated methods, resolving with `{ data, meta }` instead of the data alone. */
export type SdkWithMeta = {
  [K in keyof Sdk]: Sdk[K] extends (...args: infer A) => Promise<infer R>
    ? (...args: A) => Promise<WithMeta<R>>
    : never;
};

/**
 * The typed client: one method per operation of operations/*.graphql, named like it (`accounts`,
 * `accountDetail`, `createAccount`...). Each is `method(variables, options?)`, resolves with the
 * operation's `data` and rejects with an AccountGraphError. Besides them:
 *  - `paginate.<method>(variables?, options?)`: every item of a connection, page after page;
 *  - `withMeta.<method>(...)`: the same call, resolving with `{ data, meta }` (request id, replayed);
 *  - `request(document, variables?, options?)` / `requestWithMeta(...)`: any typed document.
 */
export type AccountGraphClient = Sdk & {
  /** Every connection-returning method as an async iterable of its items, with `.pages()` for whole pages. */
  readonly paginate: Pagers;
  /** Every method, resolving with `{ data, meta }`: `meta` has the request id and whether the response was replayed. */
  readonly withMeta: SdkWithMeta;
  /** Runs any typed document (the SDK's own, or one a team generated against the schema) through this client. */
  request<TResult, TVariables>(
    document: TypedDocument<TResult, TVariables>,
    ...args: VariablesArgs<TVariables>
  ): Promise<TResult>;
  /** Like `request`, resolving with `{ data, meta }`. */
  requestWithMeta<TResult, TVariables>(
    document: TypedDocument<TResult, TVariables>,
    ...args: VariablesArgs<TVariables>
  ): Promise<WithMeta<TResult>>;
};

/** Creates a typed Account Graph client for one endpoint. */
export function createClient(options: AccountGraphClientOptions): AccountGraphClient {
  const { url, token, getToken } = options;
  if (typeof url !== 'string' || url === '') throw new TypeError('createClient needs the GraphQL endpoint as `url`');
  const customFetch = options.fetch ?? globalThis.fetch;
  if (typeof customFetch !== 'function')
    throw new TypeError('No fetch: pass one as `fetch` (Node 18+ has it built in)');
  const config: TransportConfig = {
    url,
    fetch: customFetch,
    headers: toHeaders(options.headers),
    getToken: getToken ?? (() => token),
    timeoutMs: options.timeoutMs ?? 30_000,
    retries: retryOptions(options.retries),
    autoIdempotencyKeys: options.idempotencyKeys === 'auto',
    onResponse: options.onResponse,
  };

  const requestWithMeta = <TResult>(document: unknown, variables?: unknown, callOptions?: CallOptions) =>
    execute<TResult>(config, document, variables, callOptions);
  const request = async <TResult>(document: unknown, variables?: unknown, callOptions?: CallOptions) =>
    (await requestWithMeta<TResult>(document, variables, callOptions)).data;

  const sdk = getSdk<CallOptions>((document, variables, callOptions) => request(document, variables, callOptions));
  const withMeta = getSdk<CallOptions>(
    // The requester's result is typed as the data; this view's type (SdkWithMeta) says what it really is.
    (document, variables, callOptions) => requestWithMeta(document, variables, callOptions) as Promise<never>,
  ) as unknown as SdkWithMeta;

  return Object.assign(sdk, {
    paginate: createPagers(sdk, CONNECTION_FIELDS),
    withMeta,
    request: request,
    requestWithMeta: requestWithMeta,
  });
}

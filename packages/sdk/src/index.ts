/**
 * @account-graph/sdk: typed client for the Account Graph GraphQL API.
 * `createClient` gives one method per operation of operations/*.graphql, pagers and typed errors;
 * every generated operation, fragment, input and enum type and every typed document is exported too
 * (the documents alone, without the client, from `@account-graph/sdk/operations`).
 */
export {
  createClient,
  type AccountGraphClient,
  type AccountGraphClientOptions,
  type Sdk,
  type SdkWithMeta,
} from './client.js';
export type { CallOptions, HeadersInput, ResponseMeta, RetryOptions, TypedDocument, WithMeta } from './transport.js';
export type { Pager, Pagers, PageOf, ItemOf } from './paginate.js';
export {
  AccountGraphError,
  isAccountGraphError,
  type AccountGraphErrorCode,
  type AccountGraphErrorReason,
  type AccountGraphErrorInit,
  type AccountGraphFieldError,
  type AccountGraphGraphQLError,
} from './errors.js';
export {
  CONNECTION_FIELDS,
  SERVER_ERROR_CODES,
  SERVER_ERROR_REASONS,
  type ServerErrorCode,
  type ServerErrorReason,
} from './generated/extras.js';
export { getSdk, type Requester } from './generated/sdk.js';
export * from './generated/graphql.js';

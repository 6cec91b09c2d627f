/**
 * @account-graph/sdk: typed client for the Account Graph GraphQL API.
 * `createClient` gives one method per operation in operations/*.graphql; every generated
 * operation, fragment, input and enum type is exported too.
 */
export { createClient, type AccountGraphClient, type AccountGraphClientOptions } from './client';
export {
  AccountGraphError,
  toAccountGraphError,
  type AccountGraphErrorCode,
  type AccountGraphErrorInit,
  type AccountGraphFieldError,
  type AccountGraphGraphQLError,
} from './errors';
export * from './generated';

import { GraphQLClient } from 'graphql-request';
import { getSdk, type Sdk, type SdkFunctionWrapper } from './generated';
import { toAccountGraphError } from './errors';

/** Options of createClient. */
export interface AccountGraphClientOptions {
  /** The GraphQL endpoint, for example "http://localhost:4000/graphql". */
  url: string;
  /** Bearer token sent as `Authorization: Bearer <token>`; a function is called before every request. */
  token?: string | (() => string | null | undefined);
  /** Headers sent with every request (a token, when given, replaces any Authorization here). */
  headers?: Record<string, string>;
  /** The fetch to use; the global fetch (Node 18+) when omitted. */
  fetch?: typeof fetch;
}

/**
 * The typed client: one method per operation, named after the root field (`accounts`, `createAccount`...).
 * Each takes `(variables, requestHeaders?, signal?)`, resolves with the operation's `data`
 * and rejects with an AccountGraphError.
 */
export type AccountGraphClient = Sdk;

/** Creates a typed Account Graph client for one endpoint. */
export function createClient(options: AccountGraphClientOptions): AccountGraphClient {
  const { url, token, headers = {}, fetch: customFetch } = options;
  const client = new GraphQLClient(url, {
    headers: () => {
      const merged = new Headers(headers);
      const value = typeof token === 'function' ? token() : token;
      if (value) merged.set('authorization', `Bearer ${value}`);
      return merged;
    },
    ...(customFetch ? { fetch: customFetch } : {}),
  });
  const wrapper: SdkFunctionWrapper = async (action, operationName) => {
    try {
      return await action();
    } catch (error) {
      throw toAccountGraphError(error, operationName);
    }
  };
  return getSdk(client, wrapper);
}

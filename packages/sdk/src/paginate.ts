import type { CONNECTION_FIELDS } from './generated/extras.js';
import type { Sdk } from './client.js';
import type { CallOptions } from './transport.js';

/** The methods that page through a connection, and the root field each returns. */
type ConnectionFields = typeof CONNECTION_FIELDS;
type PagedMethod = keyof ConnectionFields;

/** The data of a method's result. */
type ResultOf<K extends PagedMethod> = Awaited<ReturnType<Sdk[K]>>;
/** One page: the connection the method returns (`{ totalCount?, pageInfo, edges }`). */
export type PageOf<K extends PagedMethod> = ResultOf<K>[ConnectionFields[K] & keyof ResultOf<K>];
/** One item: the `node` of an edge of the page. */
export type ItemOf<K extends PagedMethod> = PageOf<K> extends { edges: ReadonlyArray<{ node: infer N }> } ? N : never;
/** A method's variables without `after`, which the pager sets. */
type PagerVariables<K extends PagedMethod> = Omit<NonNullable<Parameters<Sdk[K]>[0]>, 'after'>;
/** `variables` may be left out when the method needs none. */
type PagerArgs<K extends PagedMethod> = undefined extends Parameters<Sdk[K]>[0]
  ? [variables?: PagerVariables<K>, options?: CallOptions]
  : [variables: PagerVariables<K>, options?: CallOptions];

/** The items of a connection, page after page (each page one request), and the pages themselves. */
export interface Pager<TItem, TPage> extends AsyncIterable<TItem> {
  /** Every page, in order: `{ totalCount, pageInfo, edges }` as the method returns them. */
  pages(): AsyncIterable<TPage>;
}

/** `client.paginate`: one pager per connection-returning method, typed from the method. */
export type Pagers = { readonly [K in PagedMethod]: (...args: PagerArgs<K>) => Pager<ItemOf<K>, PageOf<K>> };

interface Connection {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: ReadonlyArray<{ node: unknown }>;
}

/** Builds the pagers from the client's methods and the generated list of connection-returning ones. */
export function createPagers(sdk: Sdk, fields: ConnectionFields): Pagers {
  const pagers: Record<string, (variables?: object, options?: CallOptions) => Pager<unknown, unknown>> = {};
  for (const [method, field] of Object.entries(fields)) {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- getSdk's methods never use `this`
    const call = sdk[method as PagedMethod] as unknown as (
      variables: object,
      options?: CallOptions,
    ) => Promise<Record<string, Connection>>;
    pagers[method] = (variables = {}, options) => {
      async function* pages(): AsyncGenerator<Connection> {
        let after: string | null = null;
        for (;;) {
          const page: Connection = (await call({ ...variables, after }, options))[field];
          yield page;
          if (!page.pageInfo.hasNextPage || page.pageInfo.endCursor === null) return;
          // A server that answered the same cursor twice would page forever; stop instead.
          if (page.pageInfo.endCursor === after) return;
          after = page.pageInfo.endCursor;
        }
      }
      return {
        pages,
        async *[Symbol.asyncIterator]() {
          for await (const page of pages()) for (const edge of page.edges) yield edge.node;
        },
      };
    };
  }
  return pagers as unknown as Pagers;
}

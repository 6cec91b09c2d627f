import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import {
  getOperationAST,
  valueFromASTUntyped,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLError,
  type GraphQLSchema,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import type { Context } from '../common/context';

type Gateway = ApolloServerOptionsWithGateway<Context>['gateway'];

/** Documents kept compiled at once; the SDK has about 80 operations. */
const COMPILED_DOCUMENTS = 1_000;

interface Compiled {
  query: CompiledQuery | ExecutionResult;
  /** The operation's variables that declare a default, with it as a client would send it. */
  defaults: [name: string, value: unknown][];
}

/**
 * graphql-jit (0.8.9) refuses `$first: Int! = 10` when the client leaves `first` out, where the
 * spec (and graphql-js) uses the default: the defaults are filled in before it runs.
 */
function variableDefaults(document: DocumentNode, operationName: string | undefined): Compiled['defaults'] {
  const operation = getOperationAST(document, operationName);
  return (operation?.variableDefinitions ?? []).flatMap((definition) =>
    definition.defaultValue
      ? [[definition.variable.name.value, valueFromASTUntyped(definition.defaultValue)] as [string, unknown]]
      : [],
  );
}

/**
 * graphql-jit's errors differ from graphql-js's in two ways that Apollo and its plugins trip over:
 * `extensions` is left undefined on an error whose original error has none (a driver error, say),
 * which Apollo reads before formatError sees the error, so it would answer as a bare, unlogged
 * "Internal server error"; and `message` is read-only, which graphql-armor's hiding of field
 * suggestions (on in production) rewrites: it threw, and every resolver's refusal became a 500.
 */
function asGraphqlJsErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.length) return result;
  const errors = result.errors.map(
    (error) =>
      Object.create(error, {
        message: { value: error.message, writable: true, enumerable: true, configurable: true },
        extensions: { value: error.extensions ?? {}, writable: true, enumerable: true, configurable: true },
      }) as GraphQLError,
  );
  return { ...result, errors };
}

function withDefaults(
  variables: Record<string, unknown> | undefined,
  defaults: Compiled['defaults'],
): Record<string, unknown> {
  if (defaults.length === 0) return variables ?? {};
  const filled = { ...variables };
  for (const [name, value] of defaults) if (!(name in filled)) filled[name] = value;
  return filled;
}

/**
 * Executes operations with graphql-jit instead of graphql-js: each document is compiled once into
 * a function that resolves exactly its fields, which on a page of nested connections halves the time
 * spent walking the result. Apollo still parses, validates, caches documents and runs every plugin;
 * only execution changes. Apollo lets a custom executor in through its gateway interface only, so
 * this is a gateway that serves one fixed schema.
 */
export function compiledExecution(schema: GraphQLSchema): Gateway {
  // Keyed by the parsed document Apollo keeps per query text. Bounded by count: a compiled query is
  // far larger than its text, and Apollo's own cache, bounded by text size, can hold tens of
  // thousands of small documents that a client invented.
  const compiled = new LRUCache<DocumentNode, Map<string, Compiled>>({ max: COMPILED_DOCUMENTS });

  const compile = (document: DocumentNode, operationName: string | undefined): Compiled => {
    let byOperation = compiled.get(document);
    if (!byOperation) compiled.set(document, (byOperation = new Map()));
    const key = operationName ?? '';
    let entry = byOperation.get(key);
    if (!entry)
      byOperation.set(
        key,
        (entry = {
          query: compileQuery(schema, document, operationName),
          defaults: variableDefaults(document, operationName),
        }),
      );
    return entry;
  };

  return {
    async load() {
      return {
        executor: async ({ document, request, context }) => {
          const { query, defaults } = compile(document, request.operationName);
          if (!isCompiledQuery(query)) return query;
          return asGraphqlJsErrors(await query.query(undefined, context, withDefaults(request.variables, defaults)));
        },
      };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async stop() {},
  };
}

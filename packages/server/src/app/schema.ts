import type { GraphQLSchema } from 'graphql';
import { validateOrReject, type ValidationError, type ValidatorOptions } from 'class-validator';
import { ArgumentValidationError, buildSchema } from 'type-graphql';
import { PageArgs } from '../common/pagination';
import { featureResolvers } from './modules';
import { NodeResolver } from './node.resolver';
import { withErrorTypes } from './error-types';
import { policies } from './policies';
import { applyPolicies } from './policy-gate';
import { applyTextRule } from './text-input';

/** Every resolver class: each feature's, and `node(id:)` across them. */
export const resolvers = [NodeResolver, ...featureResolvers] as const;

let schema: Promise<GraphQLSchema> | undefined;

const VALIDATOR_OPTIONS: ValidatorOptions = {
  skipMissingProperties: true,
  forbidUnknownValues: false,
  validationError: { value: false },
};

/**
 * Every input object is checked by its class-validator rules (TypeGraphQL 2 validates nothing by
 * default). Its built-in validator re-requires class-validator for every argument, which cost
 * 10-15% of the CPU of a nested page; this one imports it once.
 */
function validateArgument(value: unknown): void | Promise<void> {
  if (value === null || typeof value !== 'object') return;
  if (value instanceof PageArgs && PageArgs.passes(value)) return;
  return validateObjects(value);
}

async function validateObjects(value: object): Promise<void> {
  const items = (Array.isArray(value) ? value : [value]).filter(
    (item): item is object => item !== null && typeof item === 'object',
  );
  try {
    await Promise.all(items.map((item) => validateOrReject(item, VALIDATOR_OPTIONS)));
  } catch (errors) {
    throw new ArgumentValidationError(errors as ValidationError[]);
  }
}

/**
 * Builds the schema once per process, with the text rule on every argument and the policies on every operation; the
 * SDL in packages/schema is emitted from it.
 */
export function createSchema(): Promise<GraphQLSchema> {
  schema ??= buildSchema({
    resolvers,
    validateFn: validateArgument,
    emitSchemaFile: false,
  })
    .then(withErrorTypes)
    .then(describeRootTypes)
    .then(applyTextRule)
    // Last, so that the role check wraps everything else and runs first.
    .then((built) => applyPolicies(built, policies));
  return schema;
}

/** TypeGraphQL has no option for the root types' descriptions; the playground shows them first. */
function describeRootTypes(built: GraphQLSchema): GraphQLSchema {
  const query = built.getQueryType();
  const mutation = built.getMutationType();
  if (query)
    query.description = 'Reads. Every list is a cursor-paginated connection; everything is scoped to what you may see.';
  if (mutation)
    mutation.description =
      'Changes. Each takes one `input`, runs in one transaction, checks who you are and writes an audit event.';
  return built;
}

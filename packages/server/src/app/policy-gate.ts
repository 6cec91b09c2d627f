import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { requireRole, type FeaturePolicy, type OperationPolicy } from '../common/policy';
import type { Context } from '../common/context';

/** Every operation's policy by `Mutation.name` / `Query.name`; an operation stated twice is a mistake. */
export function permissionTable(policies: readonly FeaturePolicy[]): Map<string, OperationPolicy> {
  const table = new Map<string, OperationPolicy>();
  const add = (root: string, operations: FeaturePolicy['mutations'] | undefined) => {
    for (const [name, policy] of Object.entries(operations ?? {})) {
      const key = `${root}.${name}`;
      if (table.has(key)) throw new Error(`${key} has two policies; state it once, in its feature's policy file.`);
      table.set(key, policy);
    }
  };
  for (const policy of policies) {
    add('Mutation', policy.mutations);
    add('Query', policy.queries);
  }
  return table;
}

/**
 * Enforces the policies: each policed root field checks the viewer's role before its resolver
 * (and so before argument checks and the service) runs: FORBIDDEN with reason ROLE_NOT_ALLOWED,
 * naming the roles that may. Only these root fields are wrapped; every other field resolves as it
 * did. The schema is refused at start-up when a mutation has no policy or a policy names an
 * operation that does not exist, so a new mutation cannot ship without its row.
 */
export function applyPolicies(schema: GraphQLSchema, policies: readonly FeaturePolicy[]): GraphQLSchema {
  const table = permissionTable(policies);
  const roots = [schema.getQueryType(), schema.getMutationType()].filter((root): root is GraphQLObjectType => !!root);
  for (const root of roots) {
    for (const field of Object.values(root.getFields())) {
      const key = `${root.name}.${field.name}`;
      const policy = table.get(key);
      if (!policy) {
        if (root === schema.getMutationType())
          throw new Error(`${key} has no policy: say who may run it in its feature's *.policy.ts.`);
        continue;
      }
      table.delete(key);
      const resolve: GraphQLFieldResolver<unknown, Context> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: Context, info) => {
        requireRole(context.viewer, field.name, policy);
        return resolve(source, args, context, info);
      };
    }
  }
  if (table.size > 0)
    throw new Error(`Policies name operations the schema does not have: ${[...table.keys()].join(', ')}.`);
  return schema;
}

import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AccountResolver } from '../modules/account/account.resolver';
import { ApprovalDecisionResolver, ApprovalRequestResolver } from '../modules/approval/approval.resolver';
import { AuditResolver } from '../modules/audit/audit.resolver';
import { AccountContractsResolver, ContractResolver } from '../modules/contract/contract.resolver';
import { ContactResolver } from '../modules/contact/contact.resolver';
import { NodeResolver } from '../modules/node/node.resolver';
import { TeamResolver } from '../modules/team/team.resolver';
import { UserResolver } from '../modules/user/user.resolver';

export const resolvers = [
  UserResolver,
  AccountResolver,
  ContactResolver,
  TeamResolver,
  AuditResolver,
  NodeResolver,
  ContractResolver,
  AccountContractsResolver,
  ApprovalRequestResolver,
  ApprovalDecisionResolver,
] as const;

let schema: Promise<GraphQLSchema> | undefined;

/** Builds the schema once per process; the SDL in packages/schema is emitted from it. */
export function createSchema(): Promise<GraphQLSchema> {
  schema ??= buildSchema({
    resolvers,
    // Off by default in TypeGraphQL 2: every input class is checked by its class-validator rules.
    validate: { forbidUnknownValues: false, validationError: { value: false } },
    emitSchemaFile: false,
  }).then(describeRootTypes);
  return schema;
}

/** TypeGraphQL has no option for the root types' descriptions; the playground shows them first. */
function describeRootTypes(built: GraphQLSchema): GraphQLSchema {
  const query = built.getQueryType();
  const mutation = built.getMutationType();
  if (query) query.description = 'Reads. Every list is a cursor-paginated connection; everything is scoped to what you may see.';
  if (mutation) mutation.description = 'Changes. Each takes one `input`, runs in one transaction, checks who you are and writes an audit event.';
  return built;
}

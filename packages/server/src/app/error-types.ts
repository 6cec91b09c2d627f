import { GraphQLEnumType, GraphQLSchema } from 'graphql';
import { ERROR_CODE_DESCRIPTIONS, ERROR_REASON_DESCRIPTIONS, ErrorCode, ErrorReason } from '../common/errors';

function describedEnum(name: string, description: string, descriptions: Record<string, string>): GraphQLEnumType {
  return new GraphQLEnumType({
    name,
    description,
    values: Object.fromEntries(
      Object.entries(descriptions).map(([value, text]) => [value, { value, description: text }]),
    ),
  });
}

/** `extensions.code`, as a schema type (common/errors.ts is its source: every code there is here). */
export const ErrorCodeType = describedEnum(
  'ErrorCode',
  'The code of an error, in its `extensions.code`: the broad class a client branches on. No field ' +
    'returns it; it is in the schema so that clients can generate a type for it.',
  ERROR_CODE_DESCRIPTIONS satisfies Record<ErrorCode, string>,
);

/** `extensions.reason`, as a schema type. */
export const ErrorReasonType = describedEnum(
  'ErrorReason',
  "Which refusal exactly, in an error's `extensions.reason` (every error carries one): stable " +
    'values a client may handle one by one. No field returns it; it is in the schema so that clients ' +
    'can generate a type for it.',
  ERROR_REASON_DESCRIPTIONS satisfies Record<ErrorReason, string>,
);

/** The schema with the two error enums added as types (TypeGraphQL emits only the enums a field uses). */
export function withErrorTypes(schema: GraphQLSchema): GraphQLSchema {
  const config = schema.toConfig();
  return new GraphQLSchema({ ...config, types: [...config.types, ErrorCodeType, ErrorReasonType] });
}

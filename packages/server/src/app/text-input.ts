import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { BadInputError, type InvalidField } from '../common/errors';
import { normalizeInputText } from '../common/text';

/** The arguments with every string in NFC; a BAD_USER_INPUT naming each refused string otherwise. */
function textArguments(args: Record<string, unknown>): Record<string, unknown> {
  const invalid: InvalidField[] = [];
  const normalized = normalizeInputText(args, '', invalid) as Record<string, unknown>;
  if (invalid.length > 0) {
    throw new BadInputError(
      `Invalid input: ${invalid.map((field) => `${field.path}: ${field.message}`).join('; ')}.`,
      invalid,
    );
  }
  return normalized;
}

/**
 * Applies the text rule (common/text.ts) to the arguments of every field that has any, in every
 * module, before its resolver runs. At that point GraphQL has already merged variables, inline
 * literals and defaults into one `args` object keyed by argument name, so one walk sees every
 * string, however it arrived, and can name it (`input.name`, `filter.search`, `id`) and hand the
 * resolver its NFC form.
 *
 * The alternatives do less: TypeGraphQL's `validateFn` is called for scalar arguments too, but
 * with the value alone (no argument name) and its return value is ignored, so a string argument
 * could be neither named nor normalised; a global middleware would make every field of every
 * object asynchronous; a plugin walking variables and the document would have to map variables to
 * arguments itself and rewrite Apollo's cached documents; a String-like scalar would change the
 * schema. Fields without arguments are left untouched and cost nothing.
 */
export function applyTextRule(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0) continue;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args: Record<string, unknown>, context, info) =>
        resolve(source, textArguments(args), context, info);
    }
  }
  return schema;
}

import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import { AppError, ErrorCode, type InvalidField } from '../common/errors';

/** Apollo's request-level codes that mean "your request is malformed". */
const BAD_REQUEST_CODES = new Set<string>([
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_USER_INPUT,
  ApolloServerErrorCode.BAD_REQUEST,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
]);

/** Argument names follow the input class names: `CreateAccountInput` is `input`, `AccountFilter` is `filter`. */
function argumentPrefix(target: object | undefined): string {
  const name = target?.constructor.name ?? '';
  if (name.endsWith('Input')) return 'input';
  if (name.endsWith('Filter')) return 'filter';
  if (name.endsWith('Order')) return 'orderBy';
  return '';
}

function invalidFields(errors: ValidationError[], prefix: string): InvalidField[] {
  return errors.flatMap((error) => {
    const base = prefix || argumentPrefix(error.target);
    const path = base ? `${base}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...invalidFields(error.children ?? [], path)];
  });
}

/**
 * A unique index refused a row that a concurrent request created a moment earlier (the service's
 * own check ran before the other commit): MySQL ER_DUP_ENTRY, SQLite SQLITE_CONSTRAINT_UNIQUE.
 */
function isDuplicateKey(error: unknown): boolean {
  const driverError = (error as { driverError?: { errno?: number; code?: string } } | null)?.driverError;
  return driverError?.errno === 1062 || driverError?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** True for errors a client caused and may see as they are; everything else is unexpected. */
export function isExpectedError(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof AppError || original instanceof ArgumentValidationError || isDuplicateKey(original)) return true;
  const code = original instanceof GraphQLError ? original.extensions?.code : undefined;
  return original instanceof GraphQLError && (code === undefined ? !original.path : BAD_REQUEST_CODES.has(String(code)));
}

/**
 * The one place errors leave the server. Coded errors pass as they are; malformed requests become
 * BAD_USER_INPUT; anything else is masked as INTERNAL_SERVER_ERROR (the error plugin logs it with
 * the request id), so no SQL, stack, table name or schema hint reaches a client.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (original instanceof ArgumentValidationError) {
    const fields = invalidFields(original.extensions.validationErrors as ValidationError[], '');
    const summary = fields.map((field) => `${field.path}: ${field.message}`).join('; ');
    return { ...base, message: `Invalid input: ${summary}.`, extensions: { code: ErrorCode.BAD_USER_INPUT, fields } };
  }
  if (original instanceof AppError) {
    const { http: _http, ...extensions } = original.extensions;
    return { ...base, extensions };
  }
  if (isDuplicateKey(original)) {
    return { ...base, message: 'Someone else made the same change at the same moment. Reload and check before trying again.', extensions: { code: ErrorCode.CONFLICT } };
  }
  if (isExpectedError(error)) {
    return { ...base, extensions: { code: ErrorCode.BAD_USER_INPUT } };
  }
  return {
    message: 'Internal server error. It has been logged; quote the x-request-id response header when you report it.',
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

import { HeaderMap } from '@apollo/server';
import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import { DomainError, ErrorCode, ErrorReason, RateLimitedError, type InvalidField } from '../common/errors';
import { isUniqueViolation } from '../common/driver-errors';
import { currentRequest } from '../common/request-scope';

/** HTTP statuses of the codes that have their own; every other error answers as GraphQL decides (200, or 500 alone). */
const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.QUERY_TOO_COMPLEX]: 400,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

/** What a client sees of a domain error in `extensions`: its safe details, `code` and `reason`. */
export function extensionsOf(error: DomainError): Record<string, unknown> {
  return { ...error.details, code: error.code, reason: error.reason };
}

/** The HTTP status and headers (Retry-After, RateLimit-*) a domain error answers with, as Apollo reads them. */
function httpOf(error: DomainError): { status?: number; headers?: HeaderMap } | undefined {
  const status = HTTP_STATUS[error.code];
  if (status === undefined) return undefined;
  const headers = new HeaderMap(error instanceof RateLimitedError ? [...error.headers] : []);
  const retryAfter = error.details.retryAfterSeconds;
  if (typeof retryAfter === 'number') headers.set('retry-after', String(retryAfter));
  return { status, headers };
}

/*
 * The one mapping from domain errors to GraphQL. graphql-js, graphql-jit and Apollo all take the
 * extensions of an error thrown by a resolver or a plugin from the thrown error's own `extensions`
 * (Apollo reads the HTTP status from there too, before formatError runs). Domain errors do not
 * know GraphQL, so the edge gives them that one property here: however one leaves the server (a
 * service, a plugin hook, sign-in), it carries its code, reason, details and status.
 */
Object.defineProperty(DomainError.prototype, 'extensions', {
  configurable: true,
  get(this: DomainError) {
    const http = httpOf(this);
    return http ? { ...extensionsOf(this), http } : extensionsOf(this);
  },
});

/** The domain error behind what Apollo reports: thrown by a resolver (unwrapped) or a plugin (wrapped once). */
function domainErrorOf(error: unknown): DomainError | undefined {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) return original;
  const inner = original instanceof GraphQLError ? original.originalError : undefined;
  return inner instanceof DomainError ? inner : undefined;
}

/** Reasons of the malformed-request codes that GraphQL and Apollo raise themselves. */
function requestReason(code: unknown): ErrorReason {
  if (code === ApolloServerErrorCode.BAD_USER_INPUT) return ErrorReason.INVALID_INPUT;
  if (code === ApolloServerErrorCode.BAD_REQUEST) return ErrorReason.INVALID_REQUEST;
  return ErrorReason.INVALID_QUERY;
}

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

export function invalidFields(errors: ValidationError[], prefix: string): InvalidField[] {
  return errors.flatMap((error) => {
    const base = prefix || argumentPrefix(error.target);
    const path = base ? `${base}.${error.property}` : error.property;
    // A rule on a whole input object may name the field it is about (money: `amountCents`).
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => {
      const subField = (error.contexts?.[rule] as { subField?: string } | undefined)?.subField;
      return { path: subField ? `${path}.${subField}` : path, message };
    });
    return [...own, ...invalidFields(error.children ?? [], path)];
  });
}

/** True for errors a client caused and may see as they are; everything else is unexpected. */
export function isExpectedError(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (domainErrorOf(error) || original instanceof ArgumentValidationError || isUniqueViolation(original)) return true;
  // Only errors GraphQL itself coded as a malformed request; an uncoded one (a failure while signing
  // in, say, that Apollo wrapped as "Context creation failed") is unexpected and masked.
  const code = original instanceof GraphQLError ? original.extensions?.code : undefined;
  return typeof code === 'string' && BAD_REQUEST_CODES.has(code);
}

/**
 * In production a validation or coercion message must not tell a prober whether a field, argument
 * or type exists ("Cannot query field", "must have a selection of subfields", "is not defined by
 * type"): it says only where the query is wrong. The request limits' own messages (depth, aliases,
 * tokens) name no part of the schema and stay as they are.
 */
function withoutSchemaDetails(formatted: GraphQLFormattedError): string {
  const code = formatted.extensions?.code;
  if (code === ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED && !formatted.message.startsWith('Syntax Error:')) {
    const at = formatted.locations?.[0];
    return (
      `The query is not valid against the ` +
      `schema${at ? ` (line ${at.line}, column ${at.column})` : ''}. Check it against the SDK's ` +
      `operations or a development server's documentation.`
    );
  }
  const variable = /^Variable "(\$\w+)"/.exec(formatted.message);
  if (code === ApolloServerErrorCode.BAD_USER_INPUT && variable)
    return `Variable "${variable[1]}" has a value that does not fit its type.`;
  return formatted.message;
}

/** The request id of the request being answered, so that an error can be quoted back to us. */
function requestIdExtension(): { requestId?: string } {
  const requestId = currentRequest()?.requestId;
  return requestId ? { requestId } : {};
}

/**
 * The one place errors leave the server. Domain errors answer with their code, reason, details and
 * own message (not Apollo's "Context creation failed: " prefix); malformed requests become
 * BAD_USER_INPUT; anything else is masked as INTERNAL_SERVER_ERROR (the error plugin logs it with
 * the request id), so no SQL, stack, table name or schema hint reaches a client. Errors the server
 * caused (unexpected ones, an unreachable database, a timeout) carry the request id.
 */
export function createFormatError(options: { hideSchemaDetails: boolean }) {
  return function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
    const original = unwrapResolverError(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
    if (original instanceof ArgumentValidationError) {
      const fields = invalidFields(original.extensions.validationErrors, '');
      const summary = fields.map((field) => `${field.path}: ${field.message}`).join('; ');
      return {
        ...base,
        message: `Invalid input: ${summary}.`,
        extensions: { code: ErrorCode.BAD_USER_INPUT, reason: ErrorReason.INVALID_INPUT, fields },
      };
    }
    const domain = domainErrorOf(error);
    if (domain) {
      const extensions = extensionsOf(domain);
      const serverSide = domain.code === ErrorCode.SERVICE_UNAVAILABLE || domain.code === ErrorCode.TIMEOUT;
      return {
        ...base,
        message: domain.message,
        extensions: serverSide ? { ...extensions, ...requestIdExtension() } : extensions,
      };
    }
    // A unique index refused a row that a concurrent request created a moment earlier (the
    // service's own check ran before the other commit).
    if (isUniqueViolation(original)) {
      return {
        ...base,
        message: 'Someone else made the same change at the same moment. Reload and check before trying again.',
        extensions: { code: ErrorCode.CONFLICT, reason: ErrorReason.CONCURRENT_CHANGE },
      };
    }
    if (isExpectedError(error)) {
      const message = options.hideSchemaDetails ? withoutSchemaDetails(formatted) : formatted.message;
      const reason = requestReason(formatted.extensions?.code);
      return { ...base, message, extensions: { code: ErrorCode.BAD_USER_INPUT, reason } };
    }
    return {
      message:
        'Internal server error. It has been logged; quote the request id (also in the x-request-id response header) when you report it.',
      path: formatted.path,
      extensions: {
        code: ErrorCode.INTERNAL_SERVER_ERROR,
        reason: ErrorReason.INTERNAL_ERROR,
        ...requestIdExtension(),
      },
    };
  };
}

import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { UnauthenticatedError } from '../common/errors';
import type { Context } from '../common/context';
import { isExpectedError } from './format-error';

/** Only `__schema`, `__type` and `__typename` at the root: what the playground asks before sign-in. */
function isIntrospectionOnly(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.every(
    (selection) => selection.kind === Kind.FIELD && selection.name.value.startsWith('__'),
  );
}

/**
 * Refuses every operation without a signed-in user before any resolver runs (one check per
 * request instead of a middleware on every field), with the reason a token was refused if it was.
 * Introspection alone needs no one: the playground loads its docs before a token is pasted.
 */
export const requireAuthentication: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operation }) {
        if (contextValue.isAuthenticated || (operation && isIntrospectionOnly(operation))) return;
        throw contextValue.authError ?? new UnauthenticatedError();
      },
    };
  },
};

/** Logs unexpected errors with the request's logger (and so its request id); clients see them masked. */
export const logUnexpectedErrors: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ contextValue, errors }) {
        for (const error of errors) {
          if (!isExpectedError(error))
            contextValue.log.error({ err: error.originalError ?? error, path: error.path }, 'unexpected error');
        }
      },
    };
  },
};

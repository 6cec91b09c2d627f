import { BadInputError, ConflictError, ErrorReason, UnauthenticatedError } from '../../common/errors';

export const ApiKeyErrors = {
  expiryInPast: () => BadInputError.field('input.expiresAt', 'must be in the future'),
  alreadyRevoked: (name: string) =>
    new ConflictError(ErrorReason.INVALID_TRANSITION, `The API key "${name}" is revoked already.`),
  /**
   * One answer for unknown, wrong, revoked and expired keys' secrets would hide too much from the admin who runs the
   * tool; the message says which, never what the secret was.
   */
  refused: (why: string) =>
    new UnauthenticatedError(`The API key ${why}; ask an admin for a new one.`, ErrorReason.INVALID_TOKEN),
};

import { BadInputError, ConflictError, ErrorReason, ForbiddenError } from '../../common/errors';

/** How deep a health-plan family may nest; deeper is a data-entry mistake. */
export const MAX_FAMILY_DEPTH = 10;

export const AccountErrors = {
  cannotWrite: (accountName: string) =>
    new ForbiddenError(
      ErrorReason.READ_ONLY_ACCOUNT,
      `You may not change account "${accountName}": only its owner, its team, their senior account managers, executives and admins can.`,
    ),
  ownerNotEligible: (path: string, name: string) =>
    BadInputError.field(
      path,
      `${name} cannot own accounts: the owner must be an active account manager or senior account manager`,
      ErrorReason.USER_NOT_ELIGIBLE,
    ),
  parentCycle: (path: string) =>
    BadInputError.field(
      path,
      'an account cannot be its own parent or the parent of one of its ancestors',
      ErrorReason.ACCOUNT_CYCLE,
    ),
  familyTooDeep: (path: string) =>
    BadInputError.field(
      path,
      `account families can nest at most ${MAX_FAMILY_DEPTH} levels`,
      ErrorReason.FAMILY_TOO_DEEP,
    ),
  ownerUnchanged: (name: string) => new ConflictError(ErrorReason.NO_CHANGE, `${name} already owns this account.`),
};

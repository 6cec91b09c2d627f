import { BadInputError, ConflictError, ForbiddenError } from '../../common/errors';

/** How deep a health-plan family may nest; deeper is a data-entry mistake. */
export const MAX_FAMILY_DEPTH = 10;

export const AccountErrors = {
  cannotWrite: (accountName: string) =>
    new ForbiddenError(
      `You may not change account "${accountName}": only its owner, its team, their senior account managers, executives and admins can.`,
    ),
  cannotCreate: () =>
    new ForbiddenError('Only account managers, senior account managers, executives and admins can create accounts.'),
  cannotReassign: () =>
    new ForbiddenError(
      'Only senior account managers (for their own portfolio), executives and admins can hand an account to another owner.',
    ),
  ownerNotEligible: (path: string, name: string) =>
    BadInputError.field(
      path,
      `${name} cannot own accounts: the owner must be an active account manager or senior account manager`,
    ),
  parentCycle: (path: string) =>
    BadInputError.field(path, 'an account cannot be its own parent or the parent of one of its ancestors'),
  familyTooDeep: (path: string) =>
    BadInputError.field(path, `account families can nest at most ${MAX_FAMILY_DEPTH} levels`),
  ownerUnchanged: (name: string) => new ConflictError(`${name} already owns this account.`),
};

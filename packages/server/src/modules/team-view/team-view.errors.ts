import { BadInputError, ErrorReason, ForbiddenError } from '../../common/errors';

export const TeamViewErrors = {
  notYourTeam: () =>
    new ForbiddenError(
      ErrorReason.NOT_THEIR_MANAGER,
      "You may see your own team only (leave managerId out); executives and admins may see anyone's.",
    ),
  duplicateAccount: (index: number) =>
    BadInputError.field(`input.accountIds.${index}`, 'the account is listed twice; list each account once'),
  targetNotOnTeam: (name: string) =>
    new ForbiddenError(
      ErrorReason.NOT_THEIR_MANAGER,
      `You may hand accounts only to yourself or your direct reports, and ${name} is neither; ask an executive.`,
    ),
  ownerNotOnTeam: (account: string, owner: string) =>
    new ForbiddenError(
      ErrorReason.NOT_THEIR_MANAGER,
      `Account "${account}" is owned by ${owner}, who is neither you nor one of your direct reports; ask an executive to move it.`,
    ),
  alreadyOwned: (index: number, account: string, name: string) =>
    BadInputError.field(
      `input.accountIds.${index}`,
      `${name} already owns account "${account}"; leave it out`,
      ErrorReason.NO_CHANGE,
    ),
};

import { BadInputError, ConflictError, ErrorReason, ForbiddenError } from '../../common/errors';

export const ClientIssueErrors = {
  cannotReport: (accountName: string) =>
    new ForbiddenError(
      ErrorReason.READ_ONLY_ACCOUNT,
      `You may not report issues on account "${accountName}": its owner, its team, their senior account managers, executives, admins and the IT Director can.`,
    ),
  cannotWrite: (title: string) =>
    new ForbiddenError(
      ErrorReason.READ_ONLY_ACCOUNT,
      `You may not change client issue "${title}": the account's owner, its team, their senior account ` +
        `managers, executives and admins can, and the IT Director on an ESCALATED or CRITICAL issue.`,
    ),
  cannotEscalate: (title: string) =>
    new ForbiddenError(
      ErrorReason.READ_ONLY_ACCOUNT,
      `You may not escalate client issue "${title}": the account's owner, its team, their senior account managers, executives, admins and the IT Director can.`,
    ),
  cannotResolve: (title: string, action: string) =>
    new ForbiddenError(
      ErrorReason.NOT_ASSIGNEE,
      `You may not ${action} client issue "${title}": its assignee, the account's owner and the ` +
        `owner's senior account manager, executives and admins can, and the IT Director once it has been ` +
        `escalated.`,
    ),
  contactNotOfAccount: () =>
    BadInputError.field(
      'input.reportedByContactId',
      "the contact must be a contact of the issue's account",
      ErrorReason.UNRELATED_RECORD,
    ),
  reportedInFuture: () => BadInputError.field('input.reportedAt', 'an issue cannot be reported in the future'),
  reportedTooLongAgo: (days: number) =>
    BadInputError.field('input.reportedAt', `an issue can be recorded at most ${days} days after it was reported`),
  assigneeNotEligible: (name: string) =>
    BadInputError.field(
      'input.assigneeId',
      `${name} cannot take the issue: the assignee must be active staff who may change the account, or the IT Director`,
      ErrorReason.USER_NOT_ELIGIBLE,
    ),
  alreadyAssigned: (name: string) =>
    BadInputError.field('input.assigneeId', `${name} is already the assignee`, ErrorReason.NO_CHANGE),
  conflictNoteRequired: () =>
    BadInputError.field(
      'input.conflictResolutionNote',
      'a RELATIONSHIP issue needs a note on how the conflict was resolved',
    ),
  noChange: () => BadInputError.field('input', 'give at least one of title, description, severity or category'),
  alreadyResponded: (title: string, at: Date) =>
    new ConflictError(
      ErrorReason.ALREADY_RESPONDED,
      `Client issue "${title}" was first responded to at ${at.toISOString()}; the first response is recorded once. Add a comment instead.`,
    ),
  notOpen: (title: string, status: string) =>
    new ConflictError(
      ErrorReason.INVALID_TRANSITION,
      `Client issue "${title}" is ${status}; this needs it to be open (OPEN, IN_PROGRESS or ESCALATED).`,
    ),
  alreadyEscalated: (title: string) =>
    new ConflictError(
      ErrorReason.ALREADY_ESCALATED,
      `Client issue "${title}" is already ESCALATED to the IT Director.`,
    ),
  closedCannotReopen: (title: string) =>
    new ConflictError(
      ErrorReason.INVALID_TRANSITION,
      `Client issue "${title}" is CLOSED; a closed issue cannot be reopened. Report a new issue instead.`,
    ),
  noItDirector: () =>
    new ConflictError(
      ErrorReason.NO_IT_DIRECTOR,
      'There is no active IT Director to escalate to; ask an admin to appoint one.',
    ),
};

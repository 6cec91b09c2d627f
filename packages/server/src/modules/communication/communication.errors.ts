import { BadInputError, ConflictError, ErrorReason, ForbiddenError } from '../../common/errors';

/** The refusals of communications and follow-ups, each with a code and a reason. */
export const CommunicationErrors = {
  cannotLog: (accountName: string) =>
    new ForbiddenError(
      ErrorReason.READ_ONLY_ACCOUNT,
      `You may not log communications with "${accountName}": it is outside the accounts you may change.`,
    ),
  cannotChange: (subject: string) =>
    new ForbiddenError(
      ErrorReason.READ_ONLY_ACCOUNT,
      `You may not change the communication "${subject}": only whoever logged it and those who may change its account can.`,
    ),
  cannotSettle: (description: string) =>
    new ForbiddenError(
      ErrorReason.NOT_ASSIGNEE,
      `You may not mark the follow-up "${description}" done or open: only its owner and those who may change its account can.`,
    ),
  contactOfOtherAccount: (path: string, name: string, accountName: string) =>
    BadInputError.field(
      path,
      `${name} is a contact of another account, not of ${accountName}; name contacts of this account only`,
      ErrorReason.UNRELATED_RECORD,
    ),
  participantNotStaff: (path: string, name: string) =>
    BadInputError.field(
      path,
      `${name} cannot take part as staff: only active staff other than BI readers can`,
      ErrorReason.USER_NOT_ELIGIBLE,
    ),
  ownerNotEligible: (path: string, name: string) =>
    BadInputError.field(
      path,
      `${name} cannot own this follow-up: the owner must be active staff who may log communications on the account`,
      ErrorReason.USER_NOT_ELIGIBLE,
    ),
  occurredInFuture: (path: string) =>
    BadInputError.field(path, 'is more than a day ahead of now; log a communication once it has taken place'),
  occurredTooEarly: (path: string) => BadInputError.field(path, 'is before 2000; check the year'),
  dueBeforeCommunication: (path: string, day: string) =>
    BadInputError.field(path, `is before the communication it was promised in (${day}); give a day on or after it`),
  rangeBackwards: () => BadInputError.field('filter.occurredTo', 'must be after `occurredFrom`'),
  alreadyDone: (description: string) =>
    new ConflictError(ErrorReason.INVALID_TRANSITION, `The follow-up "${description}" is done already.`),
  notDone: (description: string) =>
    new ConflictError(ErrorReason.INVALID_TRANSITION, `The follow-up "${description}" is open already.`),
};

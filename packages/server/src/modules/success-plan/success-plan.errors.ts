import { BadInputError, ConflictError, ErrorReason, ForbiddenError } from '../../common/errors';

/** The refusals of success plans, each with its code and reason. */
export const SuccessPlanErrors = {
  contactOfOtherAccount: (path: string, name: string) =>
    BadInputError.field(
      path,
      `${name} is a contact of another account; name one of the goal's account`,
      ErrorReason.UNRELATED_RECORD,
    ),
  projectOfOtherAccount: (path: string, name: string) =>
    BadInputError.field(
      path,
      `project "${name}" belongs to another account; a goal is served by projects of its own account`,
      ErrorReason.UNRELATED_RECORD,
    ),
  opportunityOfOtherAccount: (path: string, title: string) =>
    BadInputError.field(
      path,
      `opportunity "${title}" belongs to another account; a goal is served by opportunities of its own account`,
      ErrorReason.UNRELATED_RECORD,
    ),
  oneTarget: () => BadInputError.field('input', 'name exactly one of projectId, offeringId and opportunityId'),
  communicationOfOtherAccount: (path: string, subject: string) =>
    BadInputError.field(
      path,
      `the communication "${subject}" was with another account; name one with the goal's account`,
      ErrorReason.UNRELATED_RECORD,
    ),
  ownerNotEligible: (path: string, name: string) =>
    BadInputError.field(
      path,
      `${name} cannot own a goal: only active staff other than BI readers can`,
      ErrorReason.USER_NOT_ELIGIBLE,
    ),
  targetBeforeYear: (path: string, year: number) =>
    BadInputError.field(path, `the target date must be in ${year} or later (the plan's year)`),
  reviewedInFuture: (path: string) =>
    BadInputError.field(path, 'a review cannot be recorded before it takes place; its time must not be in the future'),
  reviewedBeforeLast: (path: string, last: Date) =>
    BadInputError.field(
      path,
      `the goal was last reviewed at ${last.toISOString()}; record reviews in the order they took place, from then on`,
    ),
  cannotWrite: (title: string) =>
    new ForbiddenError(
      ErrorReason.READ_ONLY_ACCOUNT,
      `You may not change goal "${title}": you need to be able to change its account.`,
    ),
  closed: (title: string, status: string) =>
    new ConflictError(
      ErrorReason.INVALID_TRANSITION,
      `Goal "${title}" is ${status}; a closed goal does not change. Reopen it with a review first.`,
    ),
  backToNotStarted: (title: string, status: string) =>
    new ConflictError(
      ErrorReason.INVALID_TRANSITION,
      `Goal "${title}" is ${status}; a goal that has been worked on cannot go back to NOT_STARTED. Choose ON_TRACK, AT_RISK or OFF_TRACK.`,
    ),
  changedMeanwhile: (title: string) =>
    new ConflictError(
      ErrorReason.CONCURRENT_CHANGE,
      `Goal "${title}" was changed by someone else at the same moment. Reload it and decide again.`,
    ),
  alreadyLinked: (title: string, what: string) =>
    new ConflictError(ErrorReason.NO_CHANGE, `The ${what} already serves goal "${title}".`),
  notLinked: (title: string, what: string) =>
    new ConflictError(ErrorReason.NO_CHANGE, `The ${what} does not serve goal "${title}".`),
};

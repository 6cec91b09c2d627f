import { BadInputError, ConflictError, ErrorReason, ForbiddenError } from '../../common/errors';

export const ProjectErrors = {
  endBeforeStart: (path: string) => BadInputError.field(path, 'must be on or after the start date'),
  currencyMismatch: (path: string, expected: string) =>
    BadInputError.field(path, `must be in the project's currency, ${expected}`, ErrorReason.CURRENCY_MISMATCH),
  contractOfOtherAccount: (path = 'input.contractId') =>
    BadInputError.field(path, 'the contract belongs to another account', ErrorReason.UNRELATED_RECORD),
  contractCurrency: (path: string, currency: string) =>
    BadInputError.field(
      path,
      `the budget must be in the contract's currency, ${currency}`,
      ErrorReason.CURRENCY_MISMATCH,
    ),
  userNotEligible: (path: string, name: string) =>
    BadInputError.field(
      path,
      `${name} cannot join a project: only active staff other than BI readers can`,
      ErrorReason.USER_NOT_ELIGIBLE,
    ),
  correctsOtherProject: () =>
    BadInputError.field(
      'input.correctsId',
      'a correction must correct an earlier update of the same project',
      ErrorReason.UNRELATED_RECORD,
    ),
  rangeBackwards: () => BadInputError.field('to', 'must be on or after `from`'),
  rangeTooLong: (max: number) =>
    BadInputError.field('to', `the range may span at most ${max} weeks; ask for a shorter one`),
  statusByAcceptance: () =>
    BadInputError.field('input.status', 'ACCEPTED and REJECTED are recorded with acceptMilestone and rejectMilestone'),
  alreadyMember: (name: string) =>
    new ConflictError(ErrorReason.ALREADY_MEMBER, `${name} is already on the project's team.`),
  notMember: (name: string) => new ConflictError(ErrorReason.NOT_MEMBER, `${name} is not on the project's team.`),
  cannotWrite: (name: string) =>
    new ForbiddenError(
      ErrorReason.READ_ONLY_ACCOUNT,
      `You may not change project "${name}": you need to be able to change its account.`,
    ),
  cannotPost: (name: string) =>
    new ForbiddenError(
      ErrorReason.READ_ONLY_ACCOUNT,
      `You may not do this on project "${name}": you need to be able to change its account or be on the project's team.`,
    ),
  milestoneFinal: (title: string) =>
    new ConflictError(
      ErrorReason.INVALID_TRANSITION,
      `Milestone "${title}" is ACCEPTED; an accepted milestone does not change.`,
    ),
  notDelivered: (title: string, status: string, action: string) =>
    new ConflictError(
      ErrorReason.INVALID_TRANSITION,
      `"${title}" is ${status}; it must be DELIVERED before you can ${action} it.`,
    ),
  reviewMissing: (title: string) =>
    new ConflictError(
      ErrorReason.QUALITY_REVIEW_MISSING,
      `Deliverable "${title}" has no passed quality review since it was delivered; record one with reviewMilestoneQuality before the client accepts it.`,
    ),
  reviewFailed: (title: string) =>
    new ConflictError(
      ErrorReason.QUALITY_REVIEW_FAILED,
      `Deliverable "${title}" failed its quality review; rework it and pass a new review before the client accepts it.`,
    ),
  contactOfOtherAccount: () =>
    BadInputError.field(
      'input.contactId',
      "the contact must be a contact of the project's account",
      ErrorReason.UNRELATED_RECORD,
    ),
  costTooLarge: () =>
    new ConflictError(
      ErrorReason.AMOUNT_OUT_OF_RANGE,
      "The project's actual cost would be too large to represent exactly.",
    ),
  budgetOutOfRange: (name: string) =>
    new ConflictError(
      ErrorReason.AMOUNT_OUT_OF_RANGE,
      `The change order would take project "${name}"'s budget below zero or past the largest amount.`,
    ),
};

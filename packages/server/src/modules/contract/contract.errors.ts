import { BadInputError, ConflictError, ErrorReason } from '../../common/errors';

export const ContractErrors = {
  endBeforeStart: (path = 'input.endDate') =>
    BadInputError.field(path, 'the end date must be on or after the start date'),
  notDraft: (number: string, status: string) =>
    new ConflictError(
      ErrorReason.INVALID_TRANSITION,
      `Contract ${number} is ${status}; only a DRAFT contract can be changed. Renew or amend it instead.`,
    ),
  cannotRenew: (number: string, status: string) =>
    new ConflictError(
      ErrorReason.INVALID_TRANSITION,
      `Contract ${number} is ${status}; only an ACTIVE or EXPIRED contract can be renewed.`,
    ),
  renewalOpen: (number: string, renewal: string) =>
    new ConflictError(
      ErrorReason.RENEWAL_IN_PROGRESS,
      `Contract ${number} already has a renewal in progress (${renewal}); finish or change that one.`,
    ),
  terminationOutsideTerm: () =>
    BadInputError.field('input.terminationDate', "the termination date must fall within the contract's term"),
};

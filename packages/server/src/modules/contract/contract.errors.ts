import { BadInputError, ConflictError, ForbiddenError } from '../../common/errors';

export const ContractErrors = {
  endBeforeStart: (path = 'input.endDate') =>
    BadInputError.field(path, 'the end date must be on or after the start date'),
  negativeValue: (path = 'input.value.amountCents') => BadInputError.field(path, 'a contract value cannot be negative'),
  notDraft: (number: string, status: string) =>
    new ConflictError(
      `Contract ${number} is ${status}; only a DRAFT contract can be changed. Renew or amend it instead.`,
    ),
  cannotRenew: (number: string, status: string) =>
    new ConflictError(`Contract ${number} is ${status}; only an ACTIVE or EXPIRED contract can be renewed.`),
  renewalOpen: (number: string, renewal: string) =>
    new ConflictError(`Contract ${number} already has a renewal in progress (${renewal}); finish or change that one.`),
  terminationOutsideTerm: () =>
    BadInputError.field('input.terminationDate', "the termination date must fall within the contract's term"),
  cannotTerminate: () =>
    new ForbiddenError('Only senior account managers, executives and admins may terminate a contract.'),
};

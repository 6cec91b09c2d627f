import { BadInputError, ConflictError, ErrorReason } from '../../common/errors';

export const ChangeOrderErrors = {
  projectNotOnContract: (contract: string) =>
    BadInputError.field(
      'input.projectId',
      `the project must belong to contract ${contract}`,
      ErrorReason.UNRELATED_RECORD,
    ),
  contractNotActive: (contract: string, status: string) =>
    new ConflictError(
      ErrorReason.INVALID_TRANSITION,
      `Contract ${contract} is ${status}; change orders apply only to an ACTIVE contract. Renew it, or raise the change on its successor.`,
    ),
  currencyMismatch: (contractCurrency: string, path = 'input.amountDelta.currency') =>
    BadInputError.field(path, `must be the contract's currency, ${contractCurrency}`, ErrorReason.CURRENCY_MISMATCH),
  reductionTooLarge: (contractValue: string, path = 'input.amountDelta.amountCents') =>
    BadInputError.field(
      path,
      `a reduction cannot exceed the contract's value (${contractValue})`,
      ErrorReason.AMOUNT_OUT_OF_RANGE,
    ),
  notDraft: (number: string, status: string) =>
    new ConflictError(
      ErrorReason.INVALID_TRANSITION,
      `Change order ${number} is ${status}; only a DRAFT change order can be changed or submitted.`,
    ),
  cannotWithdraw: (number: string, status: string) =>
    new ConflictError(
      ErrorReason.INVALID_TRANSITION,
      `Change order ${number} is ${status}; only a DRAFT or PENDING_APPROVAL change order can be withdrawn.`,
    ),
  contractChanged: (number: string, contract: string, status: string) =>
    new ConflictError(
      ErrorReason.INVALID_TRANSITION,
      `Change order ${number} cannot be approved: contract ${contract} is ${status} now, and only an ` +
        `ACTIVE contract's value can change. Withdraw or reject it.`,
    ),
  valueWouldBeNegative: (number: string, contract: string, value: string, delta: string) =>
    new ConflictError(
      ErrorReason.CONTRACT_VALUE_NEGATIVE,
      `Change order ${number} cannot be approved: it would take contract ${contract}'s value of ` +
        `${value} below zero (${delta}). Reject it, or approve the changes that add value first.`,
    ),
  valueTooLarge: (number: string, contract: string) =>
    new ConflictError(
      ErrorReason.AMOUNT_OUT_OF_RANGE,
      `Change order ${number} cannot be approved: contract ${contract}'s value would exceed the largest amount accepted.`,
    ),
};

import { BadInputError, ConflictError, ErrorReason, ForbiddenError } from '../../common/errors';

export const InvoiceErrors = {
  cannotWrite: (accountName: string) =>
    new ForbiddenError(
      ErrorReason.READ_ONLY_ACCOUNT,
      `You may not change invoices of account "${accountName}": only its owner, its team, their senior account managers, finance, executives and admins can.`,
    ),
  accountNotContracts: () =>
    BadInputError.field('input.accountId', "the account must be the contract's account", ErrorReason.UNRELATED_RECORD),
  contractNotActive: (number: string, status: string) =>
    new ConflictError(
      ErrorReason.INVALID_TRANSITION,
      `Contract ${number} is ${status}; new invoices can be raised only under an ACTIVE contract.`,
    ),
  dueBeforeIssue: (path = 'input.dueDate') =>
    BadInputError.field(path, 'the due date must be on or after the issue date'),
  issueYearChanged: (number: string) =>
    BadInputError.field(
      'input.issueDate',
      `the issue date must stay in ${number.slice(4, 8)}, the year in the number ${number}; void this invoice and create a new one for another year`,
    ),
  wrongCurrency: (path: string, currency: string) =>
    BadInputError.field(
      path,
      `the amount must be in ${currency}, the contract's currency`,
      ErrorReason.CURRENCY_MISMATCH,
    ),
  lineTooLarge: (line: number) =>
    BadInputError.field(
      `input.lines.${line}.quantity`,
      'quantity times unit price is more than the largest amount accepted',
      ErrorReason.AMOUNT_OUT_OF_RANGE,
    ),
  totalTooLarge: () =>
    BadInputError.field(
      'input.lines',
      'the total of the lines is more than the largest amount accepted',
      ErrorReason.AMOUNT_OUT_OF_RANGE,
    ),
  notDraft: (number: string, status: string) =>
    new ConflictError(
      ErrorReason.INVALID_TRANSITION,
      `Invoice ${number} is ${status}; only a DRAFT invoice can be changed. Void it and raise a new one instead.`,
    ),
  overContract: (invoice: string, contract: string, invoiced: string, total: string, value: string) =>
    new ConflictError(
      ErrorReason.INVOICE_EXCEEDS_CONTRACT,
      `Approving invoice ${invoice} for ${total} would bring the total invoiced under contract ${contract} to more than its value of ${value} ` +
        `(${invoiced} invoiced already). An approved change order is needed to raise the contract value first.`,
    ),
  paymentInFuture: () => BadInputError.field('input.paidAt', 'a payment cannot be dated in the future'),
  notPayable: (number: string, status: string) =>
    new ConflictError(
      ErrorReason.INVALID_TRANSITION,
      `Invoice ${number} is ${status}; payments can be recorded only on a SENT or PARTIALLY_PAID invoice.`,
    ),
  overBalance: (number: string, amount: string, balance: string) =>
    new ConflictError(
      ErrorReason.PAYMENT_EXCEEDS_BALANCE,
      `A payment of ${amount} is more than the balance due on invoice ${number}, ${balance}. Record at ` +
        `most the balance; an overpayment is a credit to settle outside the invoice.`,
    ),
  paidCannotVoid: (number: string, paid: string) =>
    new ConflictError(
      ErrorReason.HAS_PAYMENTS,
      `Invoice ${number} has payments of ${paid} recorded; an invoice with payments cannot be voided. Issue a credit instead.`,
    ),
};

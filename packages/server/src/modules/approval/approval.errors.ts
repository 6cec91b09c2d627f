import { ErrorReason, ForbiddenError } from '../../common/errors';
import { formatMoney } from '../../common/money';

export const ApprovalErrors = {
  ownWork: (label: string) =>
    new ForbiddenError(
      ErrorReason.OWN_WORK,
      `You created or submitted ${label}; someone else must approve or reject it (segregation of duties).`,
    ),
  overLimit: (label: string, amount: string, yourLimit: string, whoCan: string) =>
    new ForbiddenError(
      ErrorReason.OVER_APPROVAL_LIMIT,
      `${label} is for ${amount}, above your approval limit of ${yourLimit}. ${whoCan} must approve it.`,
    ),
  cannotApprove: (label: string, whoCan: string) =>
    new ForbiddenError(ErrorReason.ROLE_NOT_ALLOWED, `You may not approve or reject ${label}. ${whoCan} can.`),
  foreignCurrency: (label: string, currency: string) =>
    new ForbiddenError(
      ErrorReason.FOREIGN_CURRENCY,
      `${label} is in ${currency}; approval limits are in USD, so an executive or an admin must approve it.`,
    ),
};

export function describeLimit(cents: number): string {
  return formatMoney(cents, 'USD');
}

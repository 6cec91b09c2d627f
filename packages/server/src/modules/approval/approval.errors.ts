import { BadInputError, ForbiddenError } from '../../common/errors';
import { formatMoney } from '../../common/money';

export const ApprovalErrors = {
  ownWork: (label: string) =>
    new ForbiddenError(
      `You created or submitted ${label}; someone else must approve or reject it (segregation of duties).`,
    ),
  overLimit: (label: string, amount: string, yourLimit: string, whoCan: string) =>
    new ForbiddenError(
      `${label} is for ${amount}, above your approval limit of ${yourLimit}. ${whoCan} must approve it.`,
    ),
  cannotApprove: (label: string, whoCan: string) =>
    new ForbiddenError(`You may not approve or reject ${label}. ${whoCan} can.`),
  foreignCurrency: (label: string, currency: string) =>
    new ForbiddenError(
      `${label} is in ${currency}; approval limits are in USD, so an executive or an admin must approve it.`,
    ),
  reasonRequired: () => BadInputError.field('input.reason', 'a reason is required when rejecting'),
};

export function describeLimit(cents: number): string {
  return formatMoney(cents, 'USD');
}

import { BadInputError, ConflictError, ErrorReason, ForbiddenError } from '../../common/errors';

export const StaffGoalErrors = {
  ownGoal: () =>
    new ForbiddenError(
      ErrorReason.NOT_THEIR_MANAGER,
      'Nobody sets their own goals: ask your senior or an executive to set or change them.',
    ),
  notTheirManager: (name: string) =>
    new ForbiddenError(
      ErrorReason.NOT_THEIR_MANAGER,
      `You may not set goals for ${name}: only their manager, executives and admins can.`,
    ),
  inactiveUser: (name: string) =>
    BadInputError.field(
      'input.userId',
      `${name} is no longer active; goals are set for active staff only`,
      ErrorReason.USER_NOT_ELIGIBLE,
    ),
  quarterRequired: () => BadInputError.field('input.period.quarter', 'a QUARTER period needs its quarter, 1 to 4'),
  quarterNotAllowed: () => BadInputError.field('input.period.quarter', 'a YEAR period has no quarter; leave it out'),
  moneyTargetRequired: (metric: string) =>
    BadInputError.field('input.targetAmount', `${metric} is counted in money: give targetAmount (and no targetCount)`),
  countTargetRequired: (metric: string) =>
    BadInputError.field('input.targetCount', `${metric} is a count: give targetCount (and no targetAmount)`),
  exists: (name: string, metric: string, period: string) =>
    new ConflictError(
      ErrorReason.GOAL_EXISTS,
      `${name} already has a ${metric} goal for ${period} in this currency; update that goal instead.`,
    ),
  noChange: () => BadInputError.field('input', 'give targetAmount or targetCount to change', ErrorReason.NO_CHANGE),
};

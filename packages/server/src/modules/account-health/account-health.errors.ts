import { BadInputError } from '../../common/errors';
import { HEALTH_COMPONENTS } from './health.rules';

export const AccountHealthErrors = {
  duplicateComponent: (component: string) =>
    BadInputError.field('input.weights', `${component} is given twice; give each component once`),
  missingComponents: (missing: readonly string[]) =>
    BadInputError.field(
      'input.weights',
      `every component needs a weight (${HEALTH_COMPONENTS.join(', ')}); missing: ${missing.join(', ')}`,
    ),
  allZero: () =>
    BadInputError.field('input.weights', 'at least one weight must be above 0, or the score would mean nothing'),
  historyRange: () => BadInputError.field('to', 'to must be on or after from'),
  historyTooLong: (maxDays: number) =>
    BadInputError.field('from', `a history covers at most ${maxDays} days; ask for a shorter range`),
};

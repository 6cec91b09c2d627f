import { ChildListLoader, rowsById } from '../../common/child-lists';
import type { LoaderFactories, LoaderSet } from '../../common/loaders';
import { OrderDirection } from '../../common/pagination';
import { StaffGoal } from './staff-goal.entity';
import { goalProgressLoader, restrictGoals, whereContaining } from './staff-goal.service';

const latestPeriodFirst = {
  key: 'periodStart',
  property: 'periodStart',
  direction: OrderDirection.DESC,
  kind: 'string',
} as const;

export const staffGoalLoaders = {
  staffGoalById: (em, scope) => rowsById(em, StaffGoal, (qb, alias) => restrictGoals(qb, alias, scope)),
  staffGoalProgress: (em) => goalProgressLoader(em),
  /** `User.goals`, one child list per day asked about (null: every period), each batched over the page of users. */
  userGoals: (em, scope) => {
    const lists = new Map<string, ChildListLoader<StaffGoal>>();
    return {
      containing(day: string | null): ChildListLoader<StaffGoal> {
        const key = day ?? '';
        let list = lists.get(key);
        if (!list) {
          list = new ChildListLoader(em, {
            entity: StaffGoal,
            foreignKey: 'userId',
            order: latestPeriodFirst,
            filter: (qb, alias) => {
              restrictGoals(qb, alias, scope);
              if (day) whereContaining(qb, alias, day);
            },
          });
          lists.set(key, list);
        }
        return list;
      },
    };
  },
} satisfies LoaderFactories;

declare module '../../common/context' {
  interface Loaders extends LoaderSet<typeof staffGoalLoaders> {}
}

import { definePolicy, EVERY_ROLE } from '../../common/policy';
import { Role } from '../../common/roles';

const SETS = "the person's senior (their manager); executives and admins for anyone; nobody for themselves";

/** Who may set and read staff goals (see common/policy.ts). */
export const StaffGoalPolicy = definePolicy({
  feature: 'Staff goals',
  mutations: {
    setStaffGoal: { roles: [Role.ADMIN, Role.EXECUTIVE, Role.SENIOR_ACCOUNT_MANAGER], rows: SETS },
    updateStaffGoal: { roles: [Role.ADMIN, Role.EXECUTIVE, Role.SENIOR_ACCOUNT_MANAGER], rows: SETS },
    deleteStaffGoal: { roles: [Role.ADMIN, Role.EXECUTIVE, Role.SENIOR_ACCOUNT_MANAGER], rows: SETS },
  },
  queries: {
    staffGoals: {
      roles: EVERY_ROLE,
      rows: 'their own goals and those of the staff who report to them; executives and admins: all',
    },
  },
  rules: {
    setsAnyonesGoals: {
      roles: [Role.ADMIN, Role.EXECUTIVE],
      meaning: "set, change and read the goals of any member of staff but their own (the others: their reports' only)",
    },
  },
});

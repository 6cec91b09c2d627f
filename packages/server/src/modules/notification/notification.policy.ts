import { definePolicy, EVERY_ROLE } from '../../common/policy';

/** Who may do what with notifications (see common/policy.ts). */
export const NotificationPolicy = definePolicy({
  feature: 'Notifications',
  mutations: {
    markNotificationsRead: { roles: EVERY_ROLE, rows: 'their own notifications' },
  },
});

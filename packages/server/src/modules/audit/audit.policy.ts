import { definePolicy } from '../../common/policy';
import { Role } from '../../common/roles';

/** Who may read the audit trail (see common/policy.ts). */
export const AuditPolicy = definePolicy({
  feature: 'Audit trail',
  mutations: {},
  queries: {
    auditEvents: { roles: [Role.EXECUTIVE, Role.ADMIN], rows: 'every event; `node` shows an event to them alone' },
  },
});

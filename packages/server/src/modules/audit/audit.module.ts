import type { FeatureModule } from '../../common/feature-module';
import { hasRole } from '../../common/policy';
import { AuditEvent } from './audit-event.entity';
import { AuditResolver, DeletionResolver } from './audit.resolver';
import { AuditPolicy } from './audit.policy';

/** The audit trail: one event per change, who made it and what changed. */
export const auditModule: FeatureModule = {
  name: 'audit',
  policy: AuditPolicy,
  entities: [AuditEvent],
  resolvers: [AuditResolver, DeletionResolver],
  nodes: [
    {
      type: AuditEvent,
      // Shown only to those who may read the audit trail; to everyone else it reads as missing.
      fetch: async (ctx, id) =>
        hasRole(AuditPolicy.queries.auditEvents.roles, ctx.viewer.role) ? ctx.em.findOneBy(AuditEvent, { id }) : null,
    },
  ],
};

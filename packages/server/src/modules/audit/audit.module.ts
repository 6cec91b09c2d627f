import { AUDIT_READER_ROLES } from '../../common/auth';
import type { FeatureModule } from '../../common/feature-module';
import { AuditEvent } from './audit-event.entity';
import { AuditResolver } from './audit.resolver';

/** The audit trail: one event per change, who made it and what changed. */
export const auditModule: FeatureModule = {
  name: 'audit',
  entities: [AuditEvent],
  resolvers: [AuditResolver],
  nodes: [
    {
      type: AuditEvent,
      fetch: async (ctx, id) => (AUDIT_READER_ROLES.has(ctx.viewer.role) ? ctx.em.findOneBy(AuditEvent, { id }) : null),
    },
  ],
};

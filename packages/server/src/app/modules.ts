import { NumberSequence } from '../common/sequence.entity';
import type { MakeLoaders } from '../common/context';
import type { FeatureModule, NodeFetcher } from '../common/feature-module';
import { lazyLoaders, type LoaderFactories } from '../common/loaders';
import { accountModule } from '../modules/account/account.module';
import { accountHealthModule } from '../modules/account-health/account-health.module';
import { analyticsModule } from '../modules/analytics/analytics.module';
import { apiKeyModule } from '../modules/api-key/api-key.module';
import { approvalModule } from '../modules/approval/approval.module';
import { auditModule } from '../modules/audit/audit.module';
import { changeOrderModule } from '../modules/change-order/change-order.module';
import { clientIssueModule } from '../modules/client-issue/client-issue.module';
import { communicationModule } from '../modules/communication/communication.module';
import { contactModule } from '../modules/contact/contact.module';
import { contractModule } from '../modules/contract/contract.module';
import { idempotencyModule } from '../modules/idempotency/idempotency.module';
import { invoiceModule } from '../modules/invoice/invoice.module';
import { offeringModule } from '../modules/offering/offering.module';
import { opportunityModule } from '../modules/opportunity/opportunity.module';
import { notificationModule } from '../modules/notification/notification.module';
import { projectModule } from '../modules/project/project.module';
import { staffGoalModule } from '../modules/staff-goal/staff-goal.module';
import { successPlanModule } from '../modules/success-plan/success-plan.module';
import { teamModule } from '../modules/team/team.module';
import { teamViewModule } from '../modules/team-view/team-view.module';
import { userModule } from '../modules/user/user.module';

/** Every feature of the server. A new feature adds its module here and nowhere else in app/. */
export const modules: readonly FeatureModule[] = [
  userModule,
  accountModule,
  contactModule,
  teamModule,
  auditModule,
  contractModule,
  approvalModule,
  idempotencyModule,
  changeOrderModule,
  invoiceModule,
  notificationModule,
  projectModule,
  clientIssueModule,
  communicationModule,
  offeringModule,
  opportunityModule,
  staffGoalModule,
  teamViewModule,
  analyticsModule,
  apiKeyModule,
  accountHealthModule,
  successPlanModule,
];

/** Every entity, for the data source: the features' tables plus the shared number sequences. */
export const entities = [NumberSequence, ...modules.flatMap((m) => m.entities ?? [])];

/** Every feature's SQLite functions, for the data source. */
export const sqliteFunctions = modules.flatMap((m) => m.sqliteFunctions ?? []);

/** What a data source needs of the features: spread it into `openDatabase`'s options. */
export const dataModel = { entities, sqliteFunctions } as const;

/** Every feature's resolver classes, for the schema. */
export const featureResolvers = modules.flatMap((m) => m.resolvers ?? []);

/**
 * Per-request loaders of every feature, each made on first use. Their type is the `Loaders`
 * interface that each feature's loaders file extends; the list above supplies the same factories.
 */
export const createLoaders = lazyLoaders(
  Object.assign({}, ...modules.map((m) => m.loaders ?? {})) as LoaderFactories,
) as unknown as MakeLoaders;

/** How `node(id:)` fetches each node type, by its global-id type name. */
export const nodeFetchers: ReadonlyMap<string, NodeFetcher['fetch']> = new Map(
  modules.flatMap((m) => m.nodes ?? []).map((node) => [nodeTypeName(node.type), node.fetch]),
);

function nodeTypeName(type: NodeFetcher['type']): string {
  const name = (type.prototype as { nodeType?: string }).nodeType;
  if (!name) throw new Error(`${type.name} is listed as a node type but has no @NodeType`);
  return name;
}

import { inTransaction, type Context } from '../../common/context';
import { stampNew } from '../../common/base.entity';
import { lockRow } from '../../common/locking';
import { formatMoney, MAX_CENTS } from '../../common/money';
import { cleanText } from '../../common/validation';
import { diffFields, recordAudit, snapshot } from '../audit/audit.service';
import { NotificationKind } from '../notification/notification.service';
import { requirePostableProject } from './project.access';
import { BUDGET_ALERT_PERCENT, Project, ProjectCost } from './project.entity';
import { ProjectErrors } from './project.errors';
import type { RecordProjectCostInput } from './project.inputs';
import { notifyAccountOwner } from './project.notices';

const COST_FIELDS = ['projectId', 'date', 'category', 'amountCents', 'currency', 'note'] as const;

/** A project's costs: each entry adds to its actual cost, and crossing the budget alert line tells the account owner. */
export const ProjectCostService = {
  /**
   * Records a cost and adds it to the project's actual cost in the same transaction. The entry that
   * takes the budget consumed past BUDGET_ALERT_PERCENT (from at most 85% to above it) tells the
   * account owner, once per crossing; later entries above the line do not.
   */
  async recordCost(ctx: Context, input: RecordProjectCostInput): Promise<{ project: Project; cost: ProjectCost }> {
    return inTransaction(ctx, async (tx) => {
      const readable = await requirePostableProject(tx, input.projectId, 'input.projectId');
      const currency = input.amount.currency ?? readable.currency;
      if (currency !== readable.currency)
        throw ProjectErrors.currencyMismatch('input.amount.currency', readable.currency);
      const amount = input.amount.amountCents;
      const result = await tx.em
        .createQueryBuilder()
        .update(Project)
        .set({ actualCostCents: () => 'actualCostCents + :amount', updatedAt: new Date() })
        .where('id = :id AND actualCostCents + :amount <= :max', { id: readable.id, amount, max: MAX_CENTS })
        .execute();
      if (result.affected !== 1) throw ProjectErrors.costTooLarge();
      const project = await lockRow(tx, Project, readable.id); // as committed now, with the cost just added
      const cost = stampNew(new ProjectCost());
      Object.assign(cost, {
        projectId: project.id,
        date: input.date,
        category: input.category,
        amountCents: amount,
        currency,
        note: cleanText(input.note) ?? null,
        recordedById: tx.viewer.id,
      });
      await tx.em.save(cost);
      await recordAudit(tx, 'recordProjectCost', cost, diffFields(undefined, snapshot(cost, COST_FIELDS), COST_FIELDS));
      const beforeCents = project.actualCostCents - amount;
      const threshold = project.budgetCents * BUDGET_ALERT_PERCENT;
      if (beforeCents * 100 <= threshold && project.actualCostCents * 100 > threshold) {
        await notifyAccountOwner(
          tx,
          project,
          NotificationKind.PROJECT_BUDGET_ALERT,
          `Project "${project.name}" has spent ${formatMoney(project.actualCostCents, project.currency)} of its ${formatMoney(project.budgetCents, project.currency)} budget (${Math.round(project.budgetConsumedPercent ?? 100)}%), past ${BUDGET_ALERT_PERCENT}%.`,
        );
      }
      return { project, cost };
    });
  },
};

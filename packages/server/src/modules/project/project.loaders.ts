import DataLoader from 'dataloader';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AccessScope } from '../../common/access';
import { ChildListLoader, rowsById } from '../../common/child-lists';
import type { LoaderFactories, LoaderSet } from '../../common/loaders';
import { OrderDirection } from '../../common/pagination';
import { Account } from '../account/account.entity';
import { invoicedToDateSql } from '../invoice/invoicing.rules';
import { contractBudgetsSql } from './profitability.rules';
import { Milestone, Project, ProjectCost, ProjectMember, StatusUpdate } from './project.entity';

/**
 * Narrows a query on projects (alias `alias`) to those the viewer may read: the projects of
 * accounts in their scope (AccessScope), plus the projects whose team they are on.
 */
export function restrictProjects(scope: AccessScope) {
  return <T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string): void => {
    if (scope.readsAll) return;
    const accounts = qb.dataSource.createQueryBuilder().select('scope_pa.id').from(Account, 'scope_pa');
    scope.restrictAccounts(accounts, 'scope_pa');
    qb.andWhere(
      `(${alias}.accountId IN (${accounts.getQuery()}) OR EXISTS (SELECT 1 FROM project_member ` +
        `scope_pm WHERE scope_pm.projectId = ${alias}.id AND scope_pm.userId = :scopeViewerId))`,
      { ...accounts.getParameters(), scopeViewerId: scope.viewer.id },
    );
  };
}

/** Narrows rows that hang off a project (`projectId`) to those of readable projects. */
function throughProject(scope: AccessScope) {
  const restrict = restrictProjects(scope);
  return <T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string): void => {
    if (scope.readsAll) return;
    qb.innerJoin(Project, 'scope_project', `scope_project.id = ${alias}.projectId`);
    restrict(qb, 'scope_project');
  };
}

/** What a contract's projects share: its invoiced total and the sum of their budgets. */
export interface ContractShares {
  invoicedCents: number;
  budgetsCents: number;
}

/** A status update as the health history reads it. */
export type HealthRow = Pick<
  StatusUpdate,
  'id' | 'projectId' | 'postedAt' | 'overall' | 'schedule' | 'budget' | 'scope' | 'quality'
>;

/**
 * Status updates posted in a range for every project on a page, one statement per distinct range;
 * updates that a correction replaced are left out.
 */
export class HealthHistoryLoader {
  private readonly loaders = new Map<string, DataLoader<number, HealthRow[]>>();

  constructor(private readonly em: EntityManager) {}

  load(projectId: number, from: Date, to: Date): Promise<HealthRow[]> {
    const key = `${from.toISOString()}:${to.toISOString()}`;
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (projectIds) => {
        const rows = await this.em
          .createQueryBuilder(StatusUpdate, 'su')
          .select([
            'su.id',
            'su.projectId',
            'su.postedAt',
            'su.overall',
            'su.schedule',
            'su.budget',
            'su.scope',
            'su.quality',
          ])
          .where('su.projectId IN (:...projectIds)', { projectIds })
          .andWhere('su.postedAt >= :from AND su.postedAt < :to', { from, to })
          .andWhere('NOT EXISTS (SELECT 1 FROM status_update corr WHERE corr.correctsId = su.id)')
          .orderBy('su.postedAt', 'ASC')
          .addOrderBy('su.id', 'ASC')
          .getMany();
        const byProject = new Map<number, HealthRow[]>();
        for (const row of rows) {
          const list = byProject.get(row.projectId);
          if (list) list.push(row);
          else byProject.set(row.projectId, [row]);
        }
        return projectIds.map((id) => byProject.get(id) ?? []);
      });
      this.loaders.set(key, loader);
    }
    return loader.load(projectId);
  }
}

const newestFirst = { key: 'created', property: 'createdAt', direction: OrderDirection.DESC, kind: 'date' } as const;
export const projectLoaders = {
  projectById: (em, scope) => rowsById(em, Project, restrictProjects(scope)),
  projectMemberById: (em, scope) => rowsById(em, ProjectMember, throughProject(scope)),
  projectCostById: (em, scope) => rowsById(em, ProjectCost, throughProject(scope)),
  statusUpdateById: (em, scope) => rowsById(em, StatusUpdate, throughProject(scope)),
  milestoneById: (em, scope) => rowsById(em, Milestone, throughProject(scope)),
  // Children of a row the viewer already reached through a scoped path, so not scoped again.
  accountProjects: (em) => new ChildListLoader(em, { entity: Project, foreignKey: 'accountId', order: newestFirst }),
  contractProjects: (em) => new ChildListLoader(em, { entity: Project, foreignKey: 'contractId', order: newestFirst }),
  projectMembers: (em) =>
    new ChildListLoader(em, {
      entity: ProjectMember,
      foreignKey: 'projectId',
      order: { key: 'added', property: 'id', direction: OrderDirection.ASC, kind: 'number' },
    }),
  projectCosts: (em) =>
    new ChildListLoader(em, {
      entity: ProjectCost,
      foreignKey: 'projectId',
      order: { key: 'date', property: 'date', direction: OrderDirection.DESC, kind: 'string' },
    }),
  projectStatusUpdates: (em) =>
    new ChildListLoader(em, {
      entity: StatusUpdate,
      foreignKey: 'projectId',
      order: { key: 'posted', property: 'postedAt', direction: OrderDirection.DESC, kind: 'date' },
    }),
  projectMilestones: (em) =>
    new ChildListLoader(em, {
      entity: Milestone,
      foreignKey: 'projectId',
      order: { key: 'due', property: 'dueDate', direction: OrderDirection.ASC, kind: 'string' },
    }),
  /** Per contract: invoiced cents (as `Contract.invoicedToDate`) and the sum of its projects' budgets, in one grouped statement. */
  contractProjectShares: (em) =>
    new DataLoader<number, ContractShares>(async (contractIds) => {
      const rows = await em
        .createQueryBuilder()
        .select('c.id', 'contractId')
        .addSelect(invoicedToDateSql('c.id'), 'invoiced')
        .addSelect(contractBudgetsSql('c.id'), 'budgets')
        .from('contract', 'c')
        .where('c.id IN (:...contractIds)', { contractIds })
        .getRawMany<{ contractId: number | string; invoiced: number | string; budgets: number | string }>();
      const byId = new Map(
        rows.map((row) => [
          Number(row.contractId),
          { invoicedCents: Number(row.invoiced), budgetsCents: Number(row.budgets) },
        ]),
      );
      return contractIds.map((id) => byId.get(id) ?? { invoicedCents: 0, budgetsCents: 0 });
    }),
  projectHealthHistory: (em) => new HealthHistoryLoader(em),
} satisfies LoaderFactories;

declare module '../../common/context' {
  interface Loaders extends LoaderSet<typeof projectLoaders> {}
}

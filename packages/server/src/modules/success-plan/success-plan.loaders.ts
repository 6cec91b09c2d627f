import DataLoader from 'dataloader';
import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AccessScope } from '../../common/access';
import { ChildListLoader, rowsById } from '../../common/child-lists';
import type { LoaderFactories, LoaderSet } from '../../common/loaders';
import {
  applyKeyset,
  OrderDirection,
  toConnection,
  type Connection,
  type PageArgs,
  type SortOrder,
} from '../../common/pagination';
import { queryText, reuseQueryText } from '../../common/query-text';
import { Offering } from '../offering/offering.entity';
import { Opportunity } from '../opportunity/opportunity.entity';
import { Project } from '../project/project.entity';
import { restrictProjects } from '../project/project.loaders';
import {
  ClientGoal,
  ClientGoalOffering,
  ClientGoalOpportunity,
  ClientGoalProject,
  ClientGoalReview,
  ClientGoalStatus,
} from './success-plan.entity';

/**
 * Narrows a query on goals (alias `alias`) to those the viewer may read: the goals of accounts in
 * their scope, plus the goals that a project whose team they are on serves (what the team is told
 * the client wants).
 */
export function restrictGoals(scope: AccessScope) {
  return <T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string): void => {
    const readable = scope.readableAccounts('scope_ga');
    if (!readable) return;
    qb.andWhere(
      `(EXISTS (SELECT 1 FROM account scope_ga WHERE scope_ga.id = ${alias}.accountId AND ${readable.sql}) ` +
        `OR EXISTS (SELECT 1 FROM client_goal_project scope_gl INNER JOIN project_member scope_gm ` +
        `ON scope_gm.projectId = scope_gl.projectId WHERE scope_gl.goalId = ${alias}.id AND scope_gm.userId = :scopeViewerId))`,
      { ...readable.parameters, scopeViewerId: scope.viewer.id },
    );
  };
}

/** Narrows reviews to those of readable goals. */
function throughGoal(scope: AccessScope) {
  const restrict = restrictGoals(scope);
  return <T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string): void => {
    if (scope.readsAll) return;
    qb.innerJoin(ClientGoal, 'scope_goal', `scope_goal.id = ${alias}.goalId`);
    restrict(qb, 'scope_goal');
  };
}

/** A list of rows reached from a parent through a link table: a project's goals, a goal's projects. */
interface LinkedList<T extends ObjectLiteral> {
  entity: EntityTarget<T>;
  /** The link table, the column naming the parent in it, and the one naming the listed row. */
  link: new () => object;
  parentKey: string;
  rowKey: string;
  order: SortOrder;
  filter?: (qb: SelectQueryBuilder<T>, alias: string) => void;
}

/**
 * Pages of a list through a link table for every parent on a page of parents, in one
 * statement per distinct (first, after), ranked per parent as ChildListLoader does.
 */
export class LinkedListLoader<T extends ObjectLiteral & { id: number }> {
  private readonly pages = new Map<string, DataLoader<number, Connection<T>>>();
  private readonly counts: DataLoader<number, number>;

  constructor(
    private readonly em: EntityManager,
    private readonly list: LinkedList<T>,
  ) {
    this.counts = new DataLoader((parentIds) => this.countFor(parentIds));
  }

  page(parentId: number, args: PageArgs): Promise<Connection<T>> {
    const key = `${args.first}:${args.after ?? ''}`;
    let loader = this.pages.get(key);
    if (!loader) {
      loader = new DataLoader((parentIds) => this.pagesFor(parentIds, args));
      this.pages.set(key, loader);
    }
    return loader.load(parentId);
  }

  private linked(alias: string, parentIds: readonly number[]): SelectQueryBuilder<T> {
    const { entity, parentKey, rowKey, filter } = this.list;
    const qb = this.em
      .createQueryBuilder(entity, alias)
      .innerJoin(this.list.link, `${alias}_link`, `${alias}_link.${rowKey} = ${alias}.id`)
      .where(`${alias}_link.${parentKey} IN (:...parentIds)`, { parentIds });
    filter?.(qb, alias);
    return qb;
  }

  private async pagesFor(parentIds: readonly number[], args: PageArgs): Promise<Connection<T>[]> {
    const { order, parentKey } = this.list;
    const ranked = this.linked('ranked', parentIds)
      .select('ranked_link.id', 'linkId')
      .addSelect(
        `ROW_NUMBER() OVER (PARTITION BY ranked_link.${parentKey} ORDER BY ranked.${order.property} ${order.direction}, ranked.id ${order.direction})`,
        'rowNumber',
      );
    applyKeyset(ranked, 'ranked', order, args.after);
    ranked.orderBy();
    const page = this.em
      .createQueryBuilder(this.list.entity, 'row')
      .innerJoin(this.list.link, 'row_link', `row_link.${this.list.rowKey} = row.id`)
      .addSelect(`row_link.${parentKey}`, 'linkParentId')
      .where(`row_link.id IN (SELECT pick.linkId FROM (${queryText(ranked)}) pick WHERE pick.rowNumber <= :limit)`)
      .setParameters({ ...ranked.getParameters(), limit: args.first + 1 })
      .orderBy(`row.${order.property}`, order.direction)
      .addOrderBy('row.id', order.direction);
    const { entities, raw } = await reuseQueryText(page).getRawAndEntities<{
      row_id: number | string;
      linkParentId: number | string;
    }>();
    const byId = new Map(entities.map((row) => [row.id, row]));
    const byParent = new Map<number, T[]>();
    for (const link of raw) {
      const row = byId.get(Number(link.row_id));
      if (!row) continue;
      const parentId = Number(link.linkParentId);
      const group = byParent.get(parentId);
      if (group) group.push(row);
      else byParent.set(parentId, [row]);
    }
    return parentIds.map((parentId) =>
      toConnection(byParent.get(parentId) ?? [], args.first, order, args.after, () => this.counts.load(parentId)),
    );
  }

  private async countFor(parentIds: readonly number[]): Promise<number[]> {
    const { parentKey } = this.list;
    const rows = await reuseQueryText(
      this.linked('counted', parentIds)
        .select(`counted_link.${parentKey}`, 'parentId')
        .addSelect('COUNT(*)', 'total')
        .groupBy(`counted_link.${parentKey}`),
    ).getRawMany<{ parentId: number | string; total: number | string }>();
    const totals = new Map(rows.map((row) => [Number(row.parentId), Number(row.total)]));
    return parentIds.map((parentId) => totals.get(parentId) ?? 0);
  }
}

/** How many goals of each status a plan (account and year) has. */
export interface PlanStatusCount {
  status: ClientGoalStatus;
  count: number;
}

/** Status counts of every plan on a page of accounts, in one GROUP BY per distinct year. */
export class PlanCountsLoader {
  private readonly byYear = new Map<number, DataLoader<number, PlanStatusCount[]>>();

  constructor(private readonly em: EntityManager) {}

  load(accountId: number, year: number): Promise<PlanStatusCount[]> {
    let loader = this.byYear.get(year);
    if (!loader) {
      loader = new DataLoader(async (accountIds) => {
        const rows = await this.em
          .createQueryBuilder(ClientGoal, 'goal')
          .select('goal.accountId', 'accountId')
          .addSelect('goal.status', 'status')
          .addSelect('COUNT(*)', 'total')
          .where('goal.accountId IN (:...accountIds) AND goal.year = :year', { accountIds, year })
          .groupBy('goal.accountId')
          .addGroupBy('goal.status')
          .orderBy('goal.accountId')
          .addOrderBy('goal.status')
          .getRawMany<{ accountId: number | string; status: ClientGoalStatus; total: number | string }>();
        const byAccount = new Map<number, PlanStatusCount[]>();
        for (const row of rows) {
          const list = byAccount.get(Number(row.accountId)) ?? [];
          list.push({ status: row.status, count: Number(row.total) });
          byAccount.set(Number(row.accountId), list);
        }
        return accountIds.map((id) => byAccount.get(id) ?? []);
      });
      this.byYear.set(year, loader);
    }
    return loader.load(accountId);
  }
}

/** The goal lists of a page of accounts, one ChildListLoader per distinct filter and order. */
export class AccountGoalLists {
  private readonly lists = new Map<string, ChildListLoader<ClientGoal>>();

  constructor(private readonly em: EntityManager) {}

  /** `key` names the filter and order; `filter` and `order` must be the same for the same key. */
  list(
    key: string,
    order: SortOrder,
    filter: (qb: SelectQueryBuilder<ClientGoal>, alias: string) => void,
  ): ChildListLoader<ClientGoal> {
    let list = this.lists.get(key);
    if (!list) {
      list = new ChildListLoader(this.em, { entity: ClientGoal, foreignKey: 'accountId', order, filter });
      this.lists.set(key, list);
    }
    return list;
  }
}

export const TARGET_DATE_ASC: SortOrder = {
  key: 'targetDate',
  property: 'targetDate',
  direction: OrderDirection.ASC,
  kind: 'string',
};

export const successPlanLoaders = {
  clientGoalById: (em, scope) => rowsById(em, ClientGoal, restrictGoals(scope)),
  clientGoalReviewById: (em, scope) => rowsById(em, ClientGoalReview, throughGoal(scope)),
  // Children of a goal the viewer already reached through a scoped path, so not scoped again.
  clientGoalHistory: (em) =>
    new ChildListLoader(em, {
      entity: ClientGoalReview,
      foreignKey: 'goalId',
      order: { key: 'reviewedAt', property: 'reviewedAt', direction: OrderDirection.DESC, kind: 'date' },
    }),
  /** A goal's projects: those the viewer may read (a project member reads the goal, not every project of it). */
  clientGoalProjects: (em, scope) =>
    new LinkedListLoader(em, {
      entity: Project,
      link: ClientGoalProject,
      parentKey: 'goalId',
      rowKey: 'projectId',
      order: { key: 'created', property: 'createdAt', direction: OrderDirection.DESC, kind: 'date' },
      filter: restrictProjects(scope),
    }),
  // A project's goals: the project was read through a scoped path and its goals are of its account.
  projectClientGoals: (em) =>
    new LinkedListLoader(em, {
      entity: ClientGoal,
      link: ClientGoalProject,
      parentKey: 'projectId',
      rowKey: 'goalId',
      order: TARGET_DATE_ASC,
    }),
  clientGoalOfferings: (em) =>
    new LinkedListLoader(em, {
      entity: Offering,
      link: ClientGoalOffering,
      parentKey: 'goalId',
      rowKey: 'offeringId',
      order: { key: 'name', property: 'name', direction: OrderDirection.ASC, kind: 'string' },
    }),
  // Opportunities of the goal's account, as far as the viewer reads the account.
  clientGoalOpportunities: (em, scope) =>
    new LinkedListLoader(em, {
      entity: Opportunity,
      link: ClientGoalOpportunity,
      parentKey: 'goalId',
      rowKey: 'opportunityId',
      order: { key: 'created', property: 'createdAt', direction: OrderDirection.DESC, kind: 'date' },
      filter: scope.restrictByAccountId.bind(scope),
    }),
  accountClientGoals: (em) => new AccountGoalLists(em),
  successPlanCounts: (em) => new PlanCountsLoader(em),
} satisfies LoaderFactories;

declare module '../../common/context' {
  interface Loaders extends LoaderSet<typeof successPlanLoaders> {}
}

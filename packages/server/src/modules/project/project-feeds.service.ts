import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Context } from '../../common/context';
import { decodeGlobalId } from '../../common/global-id';
import { UPDATED_AT_SORT, whereUpdatedSince } from '../../common/inputs';
import { OrderDirection, paginate, type Connection, type PageArgs, type SortOrder } from '../../common/pagination';
import { Project, ProjectCost, StatusUpdate } from './project.entity';
import { restrictProjects } from './project.loaders';
import {
  ProjectCostOrderField,
  StatusUpdateOrderField,
  type ProjectCostFilter,
  type ProjectCostOrder,
  type StatusUpdateFilter,
  type StatusUpdateOrder,
} from './project.inputs';

const COST_SORTS: Record<ProjectCostOrderField, Omit<SortOrder, 'direction'>> = {
  [ProjectCostOrderField.DATE]: { key: 'date', property: 'date', kind: 'string' },
  [ProjectCostOrderField.UPDATED_AT]: UPDATED_AT_SORT,
};

const UPDATE_SORTS: Record<StatusUpdateOrderField, Omit<SortOrder, 'direction'>> = {
  [StatusUpdateOrderField.POSTED_AT]: { key: 'postedAt', property: 'postedAt', kind: 'date' },
  [StatusUpdateOrderField.UPDATED_AT]: UPDATED_AT_SORT,
};

/**
 * Rows of projects the viewer may read (as the projects list scopes them: the account's readers and
 * the project's team), narrowed to one project or one account's projects when asked.
 */
function ofReadableProjects<T extends ObjectLiteral>(
  ctx: Context,
  qb: SelectQueryBuilder<T>,
  alias: string,
  filter: { accountId?: string | null; projectId?: string | null } | null | undefined,
): void {
  qb.innerJoin(Project, 'feed_project', `feed_project.id = ${alias}.projectId`);
  restrictProjects(ctx.scope)(qb, 'feed_project');
  if (filter?.accountId)
    qb.andWhere('feed_project.accountId = :accountId', {
      accountId: decodeGlobalId(filter.accountId, 'Account', 'filter.accountId'),
    });
  if (filter?.projectId)
    qb.andWhere(`${alias}.projectId = :projectId`, {
      projectId: decodeGlobalId(filter.projectId, 'Project', 'filter.projectId'),
    });
}

/** Project costs and status updates across projects, for tools that chart them without walking each project. */
export const ProjectFeedService = {
  /** Cost entries of projects the viewer may read that meet `filter`: the list's rows and its export's. */
  costsQuery(ctx: Context, filter: ProjectCostFilter | null | undefined): SelectQueryBuilder<ProjectCost> {
    const qb = ctx.em.createQueryBuilder(ProjectCost, 'cost');
    ofReadableProjects(ctx, qb, 'cost', filter);
    if (filter?.dateOnOrAfter) qb.andWhere('cost.date >= :dateFrom', { dateFrom: filter.dateOnOrAfter });
    if (filter?.dateOnOrBefore) qb.andWhere('cost.date <= :dateUntil', { dateUntil: filter.dateOnOrBefore });
    whereUpdatedSince(qb, 'cost', filter?.updatedSince);
    return qb;
  },

  /** Cost entries, earliest day first by default. */
  async costs(
    ctx: Context,
    args: PageArgs,
    filter: ProjectCostFilter | null | undefined,
    orderBy: ProjectCostOrder | null | undefined,
  ): Promise<Connection<ProjectCost>> {
    const order: SortOrder = {
      ...COST_SORTS[orderBy?.field ?? ProjectCostOrderField.DATE],
      direction: orderBy?.direction ?? OrderDirection.ASC,
    };
    const qb = this.costsQuery(ctx, filter);
    return paginate(qb, 'cost', order, args);
  },

  /** Status updates of projects the viewer may read that meet `filter`: the list's rows and its export's. */
  statusUpdatesQuery(ctx: Context, filter: StatusUpdateFilter | null | undefined): SelectQueryBuilder<StatusUpdate> {
    const qb = ctx.em.createQueryBuilder(StatusUpdate, 'status_update');
    ofReadableProjects(ctx, qb, 'status_update', filter);
    if (filter?.postedFrom) qb.andWhere('status_update.postedAt >= :postedFrom', { postedFrom: filter.postedFrom });
    if (filter?.postedBefore)
      qb.andWhere('status_update.postedAt < :postedBefore', { postedBefore: filter.postedBefore });
    whereUpdatedSince(qb, 'status_update', filter?.updatedSince);
    return qb;
  },

  /** Status updates, earliest posted first by default. */
  async statusUpdates(
    ctx: Context,
    args: PageArgs,
    filter: StatusUpdateFilter | null | undefined,
    orderBy: StatusUpdateOrder | null | undefined,
  ): Promise<Connection<StatusUpdate>> {
    const order: SortOrder = {
      ...UPDATE_SORTS[orderBy?.field ?? StatusUpdateOrderField.POSTED_AT],
      direction: orderBy?.direction ?? OrderDirection.ASC,
    };
    const qb = this.statusUpdatesQuery(ctx, filter);
    return paginate(qb, 'status_update', order, args);
  },
};

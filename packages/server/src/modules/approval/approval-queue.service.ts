import type { Context } from '../../common/context';
import { DEFAULT_CURRENCY } from '../../common/money';
import { OrderDirection, paginate, type Connection, type PageArgs, type SortOrder } from '../../common/pagination';
import { ApprovalRequest, ApprovalRequestStatus, ApprovalSubjectType } from './approval.entity';
import { approvalLimit } from './approval.service';

const OLDEST_FIRST: SortOrder = {
  key: 'requestedAt',
  property: 'requestedAt',
  direction: OrderDirection.ASC,
  kind: 'date',
};

/**
 * The viewer's approval queue: pending requests they could decide right now. Their accounts, within
 * their limit for the kind of item, and not their own work (segregation of duties).
 */
export async function approvalQueue(ctx: Context, args: PageArgs): Promise<Connection<ApprovalRequest>> {
  const qb = ctx.em
    .createQueryBuilder(ApprovalRequest, 'request')
    .where('request.status = :pending', { pending: ApprovalRequestStatus.PENDING })
    .andWhere('request.requestedById <> :viewerId AND request.createdById <> :viewerId', { viewerId: ctx.viewer.id });
  ctx.scope.restrictByAccountId(qb, 'request');
  const conditions: string[] = [];
  const params: Record<string, unknown> = { usd: DEFAULT_CURRENCY };
  for (const type of Object.values(ApprovalSubjectType)) {
    const limit = approvalLimit(ctx, type);
    if (limit === undefined) continue;
    params[`type_${type}`] = type;
    if (limit === null) {
      conditions.push(`request.subjectType = :type_${type}`);
    } else {
      params[`limit_${type}`] = limit;
      conditions.push(
        `(request.subjectType = :type_${type} AND request.currency = :usd AND request.amountCents <= :limit_${type})`,
      );
    }
  }
  qb.andWhere(conditions.length > 0 ? `(${conditions.join(' OR ')})` : '1 = 0', params);
  return paginate(qb, 'request', OLDEST_FIRST, args);
}

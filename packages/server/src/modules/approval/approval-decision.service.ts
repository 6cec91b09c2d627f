import type { Context } from '../../common/context';
import { BadInputError } from '../../common/errors';
import { decodeGlobalId, tryDecodeGlobalId } from '../../common/global-id';
import { UPDATED_AT_SORT, whereUpdatedSince } from '../../common/inputs';
import { OrderDirection, paginate, type Connection, type PageArgs, type SortOrder } from '../../common/pagination';
import { ApprovalDecision, ApprovalRequest, ApprovalSubjectType } from './approval.entity';
import { ApprovalDecisionOrderField, type ApprovalDecisionFilter, type ApprovalDecisionOrder } from './approval.inputs';

const SORTS: Record<ApprovalDecisionOrderField, Omit<SortOrder, 'direction'>> = {
  [ApprovalDecisionOrderField.DECIDED_AT]: { key: 'decidedAt', property: 'decidedAt', kind: 'date' },
  [ApprovalDecisionOrderField.UPDATED_AT]: UPDATED_AT_SORT,
};

/** The global-id type names of the approvable items, by the kind the approval engine calls them. */
const SUBJECT_TYPES = new Map<string, ApprovalSubjectType>([
  ['Contract', ApprovalSubjectType.CONTRACT],
  ['ChangeOrder', ApprovalSubjectType.CHANGE_ORDER],
  ['Invoice', ApprovalSubjectType.INVOICE],
]);

/** Approval decisions across items, for tools that measure approval flow. */
export const ApprovalDecisionService = {
  /** Decisions on items of accounts the viewer may read (through the request's account); oldest first by default. */
  async list(
    ctx: Context,
    args: PageArgs,
    filter: ApprovalDecisionFilter | null | undefined,
    orderBy: ApprovalDecisionOrder | null | undefined,
  ): Promise<Connection<ApprovalDecision>> {
    const order: SortOrder = {
      ...SORTS[orderBy?.field ?? ApprovalDecisionOrderField.DECIDED_AT],
      direction: orderBy?.direction ?? OrderDirection.ASC,
    };
    const qb = ctx.em
      .createQueryBuilder(ApprovalDecision, 'decision')
      .innerJoin(ApprovalRequest, 'decision_request', 'decision_request.id = decision.requestId');
    ctx.scope.restrictByAccountId(qb, 'decision_request');
    if (filter?.accountId)
      qb.andWhere('decision_request.accountId = :accountId', {
        accountId: decodeGlobalId(filter.accountId, 'Account', 'filter.accountId'),
      });
    if (filter?.subjectId) {
      const subject = tryDecodeGlobalId(filter.subjectId);
      const subjectType = subject ? SUBJECT_TYPES.get(subject.typeName) : undefined;
      if (!subject || !subjectType)
        throw BadInputError.field('filter.subjectId', 'is not the id of a contract, change order or invoice');
      qb.andWhere('decision.subjectType = :subjectType AND decision.subjectId = :subjectId', {
        subjectType,
        subjectId: subject.rowId,
      });
    }
    if (filter?.subjectType?.length)
      qb.andWhere('decision.subjectType IN (:...subjectTypes)', { subjectTypes: filter.subjectType });
    if (filter?.decision?.length) qb.andWhere('decision.decision IN (:...decisions)', { decisions: filter.decision });
    if (filter?.decidedFrom) qb.andWhere('decision.decidedAt >= :decidedFrom', { decidedFrom: filter.decidedFrom });
    if (filter?.decidedBefore)
      qb.andWhere('decision.decidedAt < :decidedBefore', { decidedBefore: filter.decidedBefore });
    whereUpdatedSince(qb, 'decision', filter?.updatedSince);
    return paginate(qb, 'decision', order, args);
  },
};

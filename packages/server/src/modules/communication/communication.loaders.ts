import DataLoader from 'dataloader';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AccessScope } from '../../common/access';
import { ChildListLoader, rowsById } from '../../common/child-lists';
import { asDateTime } from '../../common/export-dataset';
import type { LocalDate } from '../../common/dates';
import type { LoaderFactories, LoaderSet } from '../../common/loaders';
import { OrderDirection, type Connection, type PageArgs, type SortOrder } from '../../common/pagination';
import { CommunicationDocument, CommunicationParticipant } from './communication-part.entity';
import { Communication } from './communication.entity';
import { FollowUp } from './follow-up.entity';
import { TimelineRowsLoader } from './timeline.service';

const NEWEST_FIRST: SortOrder = {
  key: 'occurredAt',
  property: 'occurredAt',
  direction: OrderDirection.DESC,
  kind: 'date',
};
const AS_ADDED: SortOrder = { key: 'id', property: 'id', direction: OrderDirection.ASC, kind: 'number' };
/** Soonest due first, so overdue ones lead. */
export const SOONEST_DUE: SortOrder = {
  key: 'dueOn',
  property: 'dueOn',
  direction: OrderDirection.ASC,
  kind: 'string',
};

/** Narrows rows that hang off a communication to those whose account is readable. */
function throughCommunication(scope: AccessScope) {
  return <T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string): void => {
    if (scope.readsAll) return;
    qb.innerJoin(Communication, 'scope_comm', `scope_comm.id = ${alias}.communicationId`);
    scope.restrictByAccountId(qb, 'scope_comm');
  };
}

/**
 * The open follow-ups each member of staff owns, due on or before a day, on readable accounts:
 * one statement per distinct (dueBy, page) for a whole page of users.
 */
export class DueFollowUpsLoader {
  private readonly lists = new Map<LocalDate, ChildListLoader<FollowUp>>();

  constructor(
    private readonly em: EntityManager,
    private readonly scope: AccessScope,
  ) {}

  page(ownerId: number, dueBy: LocalDate, args: PageArgs): Promise<Connection<FollowUp>> {
    let list = this.lists.get(dueBy);
    if (!list) {
      list = new ChildListLoader(this.em, {
        entity: FollowUp,
        foreignKey: 'ownerId',
        order: SOONEST_DUE,
        filter: (qb, alias) => {
          qb.andWhere(`${alias}.doneAt IS NULL AND ${alias}.dueOn <= :dueBy`, { dueBy });
          this.scope.restrictByAccountId(qb, alias);
        },
      });
      this.lists.set(dueBy, list);
    }
    return list.page(ownerId, args);
  }
}

/** When each account was last in touch: MAX(occurredAt) of its communications, one statement per page of accounts. */
function lastContactedAt(em: EntityManager): DataLoader<number, Date | null> {
  return new DataLoader(async (accountIds) => {
    const rows = await em
      .createQueryBuilder(Communication, 'comm')
      .select('comm.accountId', 'accountId')
      .addSelect('MAX(comm.occurredAt)', 'last')
      .where('comm.accountId IN (:...accountIds)', { accountIds })
      .groupBy('comm.accountId')
      .getRawMany<{ accountId: number | string; last: Date | string | null }>();
    const byAccount = new Map(rows.map((row) => [Number(row.accountId), asDateTime(row.last)]));
    return accountIds.map((id) => {
      const last = byAccount.get(id);
      return last ? new Date(last) : null;
    });
  });
}

export const communicationLoaders = {
  communicationById: (em, scope) => rowsById(em, Communication, scope.restrictByAccountId.bind(scope)),
  followUpById: (em, scope) => rowsById(em, FollowUp, scope.restrictByAccountId.bind(scope)),
  communicationParticipantById: (em, scope) => rowsById(em, CommunicationParticipant, throughCommunication(scope)),
  communicationDocumentById: (em, scope) => rowsById(em, CommunicationDocument, throughCommunication(scope)),
  // Children of rows the viewer already reached through a scoped path, so not scoped again.
  accountCommunications: (em) =>
    new ChildListLoader(em, { entity: Communication, foreignKey: 'accountId', order: NEWEST_FIRST }),
  communicationParticipants: (em) =>
    new ChildListLoader(em, { entity: CommunicationParticipant, foreignKey: 'communicationId', order: AS_ADDED }),
  communicationDocuments: (em) =>
    new ChildListLoader(em, { entity: CommunicationDocument, foreignKey: 'communicationId', order: AS_ADDED }),
  communicationFollowUps: (em) =>
    new ChildListLoader(em, { entity: FollowUp, foreignKey: 'communicationId', order: SOONEST_DUE }),
  accountLastContactedAt: (em) => lastContactedAt(em),
  dueFollowUps: (em, scope) => new DueFollowUpsLoader(em, scope),
  // Read only for an account the viewer already reached through a scoped path.
  accountTimelineRows: (em) => new TimelineRowsLoader(em),
} satisfies LoaderFactories;

declare module '../../common/context' {
  interface Loaders extends LoaderSet<typeof communicationLoaders> {}
}

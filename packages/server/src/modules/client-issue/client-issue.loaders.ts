import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AccessScope } from '../../common/access';
import { ChildListLoader, rowsById } from '../../common/child-lists';
import type { LoaderFactories, LoaderSet } from '../../common/loaders';
import { OrderDirection } from '../../common/pagination';
import { ClientIssue, ClientIssueEvent, ClientIssueStatus } from './client-issue.entity';

/** Narrows timeline entries to those whose issue's account is readable. */
function throughIssue(scope: AccessScope) {
  return <T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string): void => {
    if (scope.readsAll) return;
    qb.innerJoin(ClientIssue, 'scope_issue', `scope_issue.id = ${alias}.issueId`);
    scope.restrictByAccountId(qb, 'scope_issue');
  };
}

export const clientIssueLoaders = {
  clientIssueById: (em, scope) => rowsById(em, ClientIssue, scope.restrictByAccountId.bind(scope)),
  clientIssueEventById: (em, scope) => rowsById(em, ClientIssueEvent, throughIssue(scope)),
  // Children of rows the viewer already reached through a scoped path, so not scoped again.
  clientIssueTimeline: (em) =>
    new ChildListLoader(em, {
      entity: ClientIssueEvent,
      foreignKey: 'issueId',
      order: { key: 'at', property: 'at', direction: OrderDirection.ASC, kind: 'date' },
    }),
  accountOpenIssues: (em) =>
    new ChildListLoader(em, {
      entity: ClientIssue,
      foreignKey: 'accountId',
      order: { key: 'resolutionDueAt', property: 'resolutionDueAt', direction: OrderDirection.ASC, kind: 'date' },
      filter: (qb, alias) =>
        qb.andWhere(`${alias}.status NOT IN (:...doneIssueStatuses)`, {
          doneIssueStatuses: [ClientIssueStatus.RESOLVED, ClientIssueStatus.CLOSED],
        }),
    }),
} satisfies LoaderFactories;

declare module '../../common/context' {
  interface Loaders extends LoaderSet<typeof clientIssueLoaders> {}
}

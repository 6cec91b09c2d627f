import DataLoader from 'dataloader';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { AccessScope } from '../../common/access';
import { inTransaction, type Context } from '../../common/context';
import { addDays, todayUtc } from '../../common/dates';
import { ConflictError, ErrorReason, NotFoundError } from '../../common/errors';
import { decodeGlobalId } from '../../common/global-id';
import { forUpdate } from '../../common/locking';
import { Money } from '../../common/money';
import { OrderDirection, paginate, type Connection, type PageArgs } from '../../common/pagination';
import { hasRole } from '../../common/policy';
import { Account } from '../account/account.entity';
import { requireEligibleOwner } from '../account/account.service';
import { recordAudit } from '../audit/audit.service';
import { OPEN_ISSUE_STATUSES } from '../client-issue/client-issue.entity';
import { breachedSql } from '../client-issue/sla';
import { ContractStatus } from '../contract/contract.entity';
import { balanceDueSql, overdueSql } from '../invoice/invoicing.rules';
import { notify, NotificationKind } from '../notification/notification.service';
import { User } from '../user/user.entity';
import { TeamViewErrors } from './team-view.errors';
import type { ReassignAccountsInput } from './team-view.inputs';
import { TeamViewPolicy } from './team-view.policy';
import type { OpenOpportunities, ReassignAccountsPayload, RenewalsDue, TeamReport, TeamView } from './team-view.types';
import { OPEN_STAGES, weightedCentsSql } from '../opportunity/pipeline.rules';

/** The renewal window of the team view: what the renewal pipeline calls due soon. */
export const RENEWAL_WINDOW_DAYS = 90;

/** Names listed in a notification before "and N more". */
const LISTED_NAMES = 10;

function leadsEveryTeam(ctx: Context): boolean {
  return hasRole(TeamViewPolicy.rules.leadsEveryTeam, ctx.viewer.role);
}

/** A senior's team view and the bulk reassignment of accounts between its members. */
export const TeamViewService = {
  /** The team of `managerId` (the viewer's own when omitted); seniors see only their own. */
  async teamView(ctx: Context, managerId: string | null | undefined): Promise<TeamView> {
    const id = managerId ? decodeGlobalId(managerId, 'User', 'managerId') : ctx.viewer.id;
    if (id !== ctx.viewer.id) {
      if (!leadsEveryTeam(ctx)) throw TeamViewErrors.notYourTeam();
      if (!(await ctx.loaders.userById.load(id))) throw new NotFoundError('User', managerId as string);
    }
    return { managerId: id, asOf: todayUtc(), renewalWindowDays: RENEWAL_WINDOW_DAYS };
  },

  /** The manager's direct reports by name, inactive ones too (they may still own accounts to hand on). */
  async reports(ctx: Context, view: TeamView, args: PageArgs): Promise<Connection<TeamReport>> {
    const qb = ctx.em.createQueryBuilder(User, 'report').where('report.managerId = :managerId', {
      managerId: view.managerId,
    });
    const users = await paginate(
      qb,
      'report',
      { key: 'name', property: 'name', kind: 'string', direction: OrderDirection.ASC },
      args,
    );
    for (const { node } of users.edges) ctx.loaders.userById.prime(node.id, node);
    return {
      edges: users.edges.map((edge) => ({
        node: { userId: edge.node.id },
        get cursor() {
          return edge.cursor;
        },
      })),
      pageInfo: users.pageInfo,
      get totalCount() {
        return users.totalCount;
      },
    };
  },

  /**
   * Hands accounts to another owner, all or none: each account's owner changes (version bumped, one
   * audit event each), and the new owner and each previous owner get one notification listing theirs.
   * The accounts are locked before the checks, so two reassignments of the same accounts queue and
   * the second checks (and records) the owner the first left. What an account manager may read is
   * decided in SQL on the owner as it is now, so the previous owner stops seeing the accounts at once.
   */
  async reassign(ctx: Context, input: ReassignAccountsInput): Promise<ReassignAccountsPayload> {
    const ids = input.accountIds.map((id, index) => decodeGlobalId(id, 'Account', `input.accountIds.${index}`));
    const seen = new Set<number>();
    ids.forEach((id, index) => {
      if (seen.has(id)) throw TeamViewErrors.duplicateAccount(index);
      seen.add(id);
    });
    const reason = input.reason?.trim() || null;
    return inTransaction(ctx, async (tx) => {
      const target = await requireEligibleOwner(tx, input.toUserId, 'input.toUserId');
      const qb = forUpdate(tx, tx.em.createQueryBuilder(Account, 'account').where('account.id IN (:...ids)', { ids }));
      tx.scope.restrictAccounts(qb, 'account');
      const locked = new Map((await qb.getMany()).map((account) => [account.id, account]));
      const accounts = ids.map((id, index) => {
        const account = locked.get(id);
        if (!account) throw new NotFoundError('Account', input.accountIds[index]);
        if (account.ownerId === target.id) throw TeamViewErrors.alreadyOwned(index, account.name, target.name);
        return account;
      });
      if (!leadsEveryTeam(tx)) await checkWithinTeam(tx, target, accounts);

      const now = new Date();
      const result = await tx.em
        .createQueryBuilder()
        .update(Account)
        .set({ ownerId: target.id, version: () => 'version + 1', updatedAt: now })
        .where('id IN (:...ids)', { ids })
        .execute();
      // The rows are locked (or SQLite's one writer holds them): anything else is a concurrent delete.
      if (result.affected !== ids.length)
        throw new ConflictError(
          ErrorReason.CONCURRENT_CHANGE,
          'Some of the accounts changed at the same moment; reload them and reassign again.',
        );

      const byPreviousOwner = new Map<number, Account[]>();
      for (const account of accounts) {
        const previous = account.ownerId;
        await recordAudit(tx, 'reassignAccounts', account, {
          ownerId: { before: previous, after: target.id },
          ...(reason ? { reason: { before: null, after: reason } } : {}),
        });
        if (previous !== null) byPreviousOwner.set(previous, [...(byPreviousOwner.get(previous) ?? []), account]);
        Object.assign(account, { ownerId: target.id, version: account.version + 1, updatedAt: now });
        tx.loaders.accountById.prime(account.id, account);
      }

      const previousOwners = (
        await Promise.all([...byPreviousOwner.keys()].map((id) => tx.loaders.userById.load(id)))
      ).filter((user): user is User => user !== null);
      const why = reason ? ` Reason: ${reason}` : '';
      const by = tx.viewer.name;
      if (target.id !== tx.viewer.id)
        await notify(tx, {
          recipientId: target.id,
          kind: NotificationKind.ACCOUNTS_REASSIGNED,
          subject: accounts[0],
          message: `${by} handed you ${plural(accounts.length)}: ${names(accounts)}.${why}`,
        });
      for (const owner of previousOwners) {
        const theirs = byPreviousOwner.get(owner.id)!;
        if (owner.id === tx.viewer.id) continue;
        await notify(tx, {
          recipientId: owner.id,
          kind: NotificationKind.ACCOUNTS_REASSIGNED,
          subject: theirs[0],
          message: `${by} moved ${plural(theirs.length)} of yours to ${target.name}: ${names(theirs)}.${why}`,
        });
      }
      return { accounts, toUser: target, previousOwners };
    });
  },
};

/** A senior moves accounts only within their team: owned by them or a direct report, to one of them. */
async function checkWithinTeam(tx: Context, target: User, accounts: Account[]): Promise<void> {
  const reports = await tx.em
    .createQueryBuilder(User, 'u')
    .select('u.id', 'id')
    .where('u.managerId = :me', { me: tx.viewer.id })
    .getRawMany<{ id: number | string }>();
  const team = new Set([tx.viewer.id, ...reports.map((row) => Number(row.id))]);
  if (!team.has(target.id)) throw TeamViewErrors.targetNotOnTeam(target.name);
  for (const account of accounts) {
    if (account.ownerId !== null && team.has(account.ownerId)) continue;
    const owner = account.ownerId === null ? null : await tx.loaders.userById.load(account.ownerId);
    throw TeamViewErrors.ownerNotOnTeam(account.name, owner?.name ?? 'nobody');
  }
}

function plural(n: number): string {
  return n === 1 ? '1 account' : `${n} accounts`;
}

function names(accounts: Account[]): string {
  const listed = accounts.slice(0, LISTED_NAMES).map((account) => account.name);
  const more = accounts.length - listed.length;
  return more > 0 ? `${listed.join(', ')} and ${more} more` : listed.join(', ');
}

/*
 * The figures of a team view, each one GROUP BY over the owners of a page of reports (their
 * portfolios: the accounts they own), scoped like every read.
 */

type Raw = Record<string, string | number | null>;

function ownedAccounts(
  em: EntityManager,
  scope: AccessScope,
  table: string,
  alias: string,
  ownerIds: readonly number[],
) {
  const qb = (em.createQueryBuilder() as SelectQueryBuilder<object>).from(table, alias);
  if (table !== 'account') qb.innerJoin('account', 'a', `a.id = ${alias}.accountId`);
  qb.where('a.ownerId IN (:...ownerIds)', { ownerIds });
  scope.restrictAccounts(qb, 'a');
  return qb;
}

function moneyByOwner(rows: Raw[], ownerIds: readonly number[], column = 'cents'): Money[][] {
  const byOwner = new Map<number, Money[]>();
  for (const row of rows) {
    const owner = Number(row.ownerId);
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), Money.of(Number(row[column] ?? 0), String(row.currency))]);
  }
  return ownerIds.map((id) => (byOwner.get(id) ?? []).sort((x, y) => x.currency.localeCompare(y.currency)));
}

/** How many accounts each owner has. */
export function accountCountLoader(em: EntityManager, scope: AccessScope): DataLoader<number, number> {
  return new DataLoader(async (ownerIds) => {
    const rows = await ownedAccounts(em, scope, 'account', 'a', ownerIds)
      .select('a.ownerId', 'ownerId')
      .addSelect('COUNT(*)', 'n')
      .groupBy('a.ownerId')
      .getRawMany<Raw>();
    const counts = new Map(rows.map((row) => [Number(row.ownerId), Number(row.n)]));
    return ownerIds.map((id) => counts.get(id) ?? 0);
  });
}

/** Annual contract value of each owner's accounts' ACTIVE contracts, per currency (as portfolioSummary counts it). */
export function contractValueLoader(em: EntityManager, scope: AccessScope): DataLoader<number, Money[]> {
  const mysql = em.connection.options.type !== 'better-sqlite3';
  const termDays = mysql
    ? 'DATEDIFF(k.endDate, k.startDate) + 1'
    : 'CAST(julianday(k.endDate) - julianday(k.startDate) AS INTEGER) + 1';
  return new DataLoader(async (ownerIds) => {
    const rows = await ownedAccounts(em, scope, 'contract', 'k', ownerIds)
      .select('a.ownerId', 'ownerId')
      .addSelect('k.currency', 'currency')
      // Whole cents a year, each contract's share rounded down before the sum.
      .addSelect(`SUM((k.valueCents * 365) ${mysql ? 'DIV' : '/'} (${termDays}))`, 'cents')
      .andWhere('k.status = :active', { active: ContractStatus.ACTIVE })
      .groupBy('a.ownerId')
      .addGroupBy('k.currency')
      .getRawMany<Raw>();
    return moneyByOwner(rows, ownerIds);
  });
}

/** ACTIVE contracts ending between today and the renewal window (the renewal pipeline's rule), per owner. */
export function renewalsDueLoader(em: EntityManager, scope: AccessScope): DataLoader<number, RenewalsDue> {
  return new DataLoader(async (ownerIds) => {
    const today = todayUtc();
    const rows = await ownedAccounts(em, scope, 'contract', 'k', ownerIds)
      .select('a.ownerId', 'ownerId')
      .addSelect('k.currency', 'currency')
      .addSelect('COUNT(*)', 'n')
      .addSelect('SUM(k.valueCents)', 'cents')
      .andWhere('k.status = :active', { active: ContractStatus.ACTIVE })
      .andWhere('k.endDate >= :today AND k.endDate <= :horizon', {
        today,
        horizon: addDays(today, RENEWAL_WINDOW_DAYS),
      })
      .groupBy('a.ownerId')
      .addGroupBy('k.currency')
      .getRawMany<Raw>();
    const values = moneyByOwner(rows, ownerIds);
    return ownerIds.map((id, index) => ({
      count: rows.filter((row) => Number(row.ownerId) === id).reduce((sum, row) => sum + Number(row.n), 0),
      value: values[index],
    }));
  });
}

/** What is overdue on each owner's accounts' invoices, per currency (invoicing.rules overdue and balance due). */
export function overdueBalanceLoader(em: EntityManager, scope: AccessScope): DataLoader<number, Money[]> {
  return new DataLoader(async (ownerIds) => {
    const overdue = overdueSql('i', todayUtc());
    const rows = await ownedAccounts(em, scope, 'invoice', 'i', ownerIds)
      .select('a.ownerId', 'ownerId')
      .addSelect('i.currency', 'currency')
      .addSelect(`SUM(${balanceDueSql('i')})`, 'cents')
      .andWhere(overdue.sql, overdue.params)
      .groupBy('a.ownerId')
      .addGroupBy('i.currency')
      .getRawMany<Raw>();
    return moneyByOwner(rows, ownerIds);
  });
}

/** Open client issues past a deadline (BREACHED by client-issue/sla.ts) on each owner's accounts. */
export function breachedIssuesLoader(em: EntityManager, scope: AccessScope): DataLoader<number, number> {
  return new DataLoader(async (ownerIds) => {
    const breached = breachedSql('c', new Date());
    const rows = await ownedAccounts(em, scope, 'client_issue', 'c', ownerIds)
      .select('a.ownerId', 'ownerId')
      .addSelect('COUNT(*)', 'n')
      .andWhere('c.status IN (:...open)', { open: OPEN_ISSUE_STATUSES })
      .andWhere(breached.sql, breached.params)
      .groupBy('a.ownerId')
      .getRawMany<Raw>();
    const counts = new Map(rows.map((row) => [Number(row.ownerId), Number(row.n)]));
    return ownerIds.map((id) => counts.get(id) ?? 0);
  });
}

/** Each owner's open opportunities (stages before WON and LOST) on accounts the viewer reads: count, amount and weighted amount per currency. */
export function openOpportunitiesLoader(em: EntityManager, scope: AccessScope): DataLoader<number, OpenOpportunities> {
  const dialect = em.connection.options.type === 'better-sqlite3' ? 'sqlite' : 'mysql';
  return new DataLoader(async (ownerIds) => {
    const qb = (em.createQueryBuilder() as SelectQueryBuilder<object>)
      .from('opportunity', 'o')
      .innerJoin('account', 'a', 'a.id = o.accountId')
      .select('o.ownerId', 'ownerId')
      .addSelect('o.currency', 'currency')
      .addSelect('COUNT(*)', 'n')
      .addSelect('SUM(o.amountCents)', 'cents')
      .addSelect(`SUM(${weightedCentsSql(dialect, 'o')})`, 'weighted')
      .where('o.ownerId IN (:...ownerIds)', { ownerIds })
      .andWhere('o.status IN (:...openStages)', { openStages: OPEN_STAGES })
      .groupBy('o.ownerId')
      .addGroupBy('o.currency');
    scope.restrictAccounts(qb, 'a');
    const rows = await qb.getRawMany<Raw>();
    const amounts = moneyByOwner(rows, ownerIds);
    const weighted = moneyByOwner(rows, ownerIds, 'weighted');
    return ownerIds.map((id, index) => ({
      count: rows.filter((row) => Number(row.ownerId) === id).reduce((sum, row) => sum + Number(row.n), 0),
      amount: amounts[index],
      weightedAmount: weighted[index],
    }));
  });
}

import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Viewer } from './viewer';
import { hasRole, ScopePolicy } from './policy';

/**
 * What accounts a viewer reaches. An account manager: the accounts they own or are on the team
 * of; a senior: also those of the staff who report to them. Roles in
 * ScopePolicy's readsEveryAccount read every account (common/policy.ts says who is who). Applied
 * in SQL on every path, so an account out of scope reads exactly like one that does not exist.
 */
export class AccessScope {
  private constructor(
    readonly viewer: Viewer,
    /** The viewer plus, for a senior, their direct reports: whose portfolios the viewer holds. */
    readonly portfolioUserIds: number[],
  ) {}

  static async forViewer(em: EntityManager, viewer: Viewer): Promise<AccessScope> {
    const ids = [viewer.id];
    if (hasRole(ScopePolicy.rules.holdsReportsPortfolios, viewer.role)) {
      const reports = await em
        .createQueryBuilder()
        .select('u.id', 'id')
        .from('user', 'u')
        .where('u.managerId = :id', { id: viewer.id })
        .getRawMany<{ id: number | string }>();
      ids.push(...reports.map((r) => Number(r.id)));
    }
    return new AccessScope(viewer, ids);
  }

  get readsAll(): boolean {
    return hasRole(ScopePolicy.rules.readsEveryAccount, this.viewer.role);
  }

  get writesAll(): boolean {
    return hasRole(ScopePolicy.rules.writesEveryAccount, this.viewer.role);
  }

  get neverWrites(): boolean {
    return !hasRole(ScopePolicy.rules.writesAccounts, this.viewer.role);
  }

  /** SQL: the account at `accountIdExpr` is owned by, or has on its team, someone in the portfolio. */
  private portfolioCondition(accountAlias: string): string {
    return (
      `(${accountAlias}.ownerId IN (:...portfolioUserIds) OR EXISTS (SELECT 1 FROM account_team_member ` +
      `scope_tm WHERE scope_tm.accountId = ${accountAlias}.id AND scope_tm.userId IN ` +
      `(:...portfolioUserIds)))`
    );
  }

  /** Narrows a query on accounts (alias `accountAlias`) to what the viewer may read. */
  restrictAccounts<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, accountAlias: string): void {
    const readable = this.readableAccounts(accountAlias);
    if (readable) qb.andWhere(readable.sql, readable.parameters);
  }

  /** SQL that the account at `accountAlias` meets when the viewer may read it; null when they read all. */
  readableAccounts(accountAlias: string): { sql: string; parameters: ObjectLiteral } | null {
    return this.readsAll
      ? null
      : { sql: this.portfolioCondition(accountAlias), parameters: { portfolioUserIds: this.portfolioUserIds } };
  }

  /** Narrows a query on rows that carry an `accountId` column to those of readable accounts. */
  restrictByAccountId<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string): void {
    if (this.readsAll) return;
    qb.andWhere(
      `EXISTS (SELECT 1 FROM account scope_a WHERE scope_a.id = ${alias}.accountId AND ${this.portfolioCondition('scope_a')})`,
      {
        portfolioUserIds: this.portfolioUserIds,
      },
    );
  }

  /** True when the viewer may change the account: owner or team (or their senior), executive, admin; never BI. */
  async canWriteAccount(em: EntityManager, accountId: number): Promise<boolean> {
    if (this.neverWrites) return false;
    if (this.writesAll) return true;
    const qb = em.createQueryBuilder().select('1', 'ok').from('account', 'a').where('a.id = :accountId', { accountId });
    qb.andWhere(this.portfolioCondition('a'), { portfolioUserIds: this.portfolioUserIds });
    return (await qb.getRawOne()) !== undefined;
  }
}

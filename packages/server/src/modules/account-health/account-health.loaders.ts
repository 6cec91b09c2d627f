import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { AccessScope } from '../../common/access';
import { ChildListLoader } from '../../common/child-lists';
import type { LocalDate } from '../../common/dates';
import type { LoaderFactories, LoaderSet } from '../../common/loaders';
import { OrderDirection, type Connection, type PageArgs } from '../../common/pagination';
import { AccountHealthSnapshot } from './account-health.entity';
import type { HealthScoreWeights } from './account-health.types';
import { readHealthFacts, readWeights, type HealthFacts } from './account-health.service';

/** The weights in force, read at most once per request. */
class WeightsLoader {
  private weights?: Promise<HealthScoreWeights>;
  constructor(private readonly em: EntityManager) {}
  load(): Promise<HealthScoreWeights> {
    this.weights ??= readWeights(this.em);
    return this.weights;
  }
}

/** Snapshot pages per account, one loader (one statement per page of accounts) per date range. */
class HistoryLoader {
  private readonly ranges = new Map<string, ChildListLoader<AccountHealthSnapshot>>();
  constructor(
    private readonly em: EntityManager,
    private readonly scope: AccessScope,
  ) {}

  page(accountId: number, from: LocalDate, to: LocalDate, args: PageArgs): Promise<Connection<AccountHealthSnapshot>> {
    const key = `${from}:${to}`;
    let loader = this.ranges.get(key);
    if (!loader) {
      loader = new ChildListLoader(this.em, {
        entity: AccountHealthSnapshot,
        foreignKey: 'accountId',
        order: { key: 'day', property: 'day', direction: OrderDirection.ASC, kind: 'string' },
        filter: (qb, alias) => {
          qb.andWhere(`${alias}.day >= :historyFrom AND ${alias}.day <= :historyTo`, {
            historyFrom: from,
            historyTo: to,
          });
          this.scope.restrictByAccountId(qb, alias);
        },
      });
      this.ranges.set(key, loader);
    }
    return loader.page(accountId, args);
  }
}

export const accountHealthLoaders = {
  /**
   * Health facts of readable accounts by id, computed now: one statement for a page of accounts
   * (plus one for the RED projects' names). The ids come from scoped reads of accounts.
   */
  accountHealthFacts: (em) =>
    new DataLoader<number, HealthFacts | null>(async (ids) => {
      const dialect = em.connection.options.type === 'better-sqlite3' ? 'sqlite' : 'mysql';
      const facts = await readHealthFacts(em, dialect, ids, new Date());
      return ids.map((id) => facts.get(id) ?? null);
    }),
  healthScoreWeights: (em) => new WeightsLoader(em),
  accountHealthHistory: (em, scope) => new HistoryLoader(em, scope),
} satisfies LoaderFactories;

declare module '../../common/context' {
  interface Loaders extends LoaderSet<typeof accountHealthLoaders> {}
}

import DataLoader from 'dataloader';
import { ChildListLoader, rowsById } from '../../common/child-lists';
import type { LoaderFactories, LoaderSet } from '../../common/loaders';
import { OrderDirection } from '../../common/pagination';
import { AccountOffering, Offering } from './offering.entity';
import { whitespaceSql, WHITESPACE_PARAMETERS } from './whitespace.rules';

export const offeringLoaders = {
  // The catalogue is the same for every member of staff: not scoped.
  offeringById: (em) => rowsById(em, Offering),
  accountOfferingById: (em, scope) => rowsById(em, AccountOffering, scope.restrictByAccountId.bind(scope)),
  // Children of an account the viewer already reached through a scoped path, so not scoped again.
  accountOfferings: (em) =>
    new ChildListLoader(em, {
      entity: AccountOffering,
      foreignKey: 'accountId',
      order: { key: 'since', property: 'since', direction: OrderDirection.DESC, kind: 'string' },
    }),
  /**
   * Each account's whitespace, by name, for a whole page of accounts: one statement for the
   * (account, offering) pairs, and the offerings through offeringById (one more, whatever the page).
   */
  accountWhitespace: (em) => {
    const offerings = rowsById(em, Offering);
    return new DataLoader<number, Offering[]>(async (accountIds) => {
      const pairs = await em
        .createQueryBuilder()
        .select('ws_account.id', 'accountId')
        .addSelect('offering.id', 'offeringId')
        .from('account', 'ws_account')
        .innerJoin('offering', 'offering', whitespaceSql('offering', 'ws_account.id'), WHITESPACE_PARAMETERS)
        .where('ws_account.id IN (:...accountIds)', { accountIds })
        .orderBy('offering.name', 'ASC')
        .addOrderBy('offering.id', 'ASC')
        .getRawMany<{ accountId: number | string; offeringId: number | string }>();
      const loaded = await Promise.all(pairs.map((pair) => offerings.load(Number(pair.offeringId))));
      const byAccount = new Map<number, Offering[]>();
      pairs.forEach((pair, index) => {
        const offering = loaded[index];
        if (!offering) return;
        const accountId = Number(pair.accountId);
        const list = byAccount.get(accountId);
        if (list) list.push(offering);
        else byAccount.set(accountId, [offering]);
      });
      return accountIds.map((id) => byAccount.get(id) ?? []);
    });
  },
} satisfies LoaderFactories;

declare module '../../common/context' {
  interface Loaders extends LoaderSet<typeof offeringLoaders> {}
}

import { AccountOfferingStatus } from './offering.entity';

/**
 * An account holds an offering while it uses it or pilots it; a suspended or ended one is a gap
 * to sell into again. Whitespace is every active catalogue offering the account does not hold.
 * The TypeScript form and the SQL form below say the same thing; whitespace is read in SQL.
 */
export const HOLDING_STATUSES: readonly AccountOfferingStatus[] = [
  AccountOfferingStatus.ACTIVE,
  AccountOfferingStatus.PILOT,
];

/** True when an account with this status on an offering holds it. */
export function holdsOffering(status: AccountOfferingStatus): boolean {
  return HOLDING_STATUSES.includes(status);
}

/**
 * SQL: the offering at `offeringAlias` is active and not held by the account whose id is the
 * expression `accountIdExpr`. Binds `:holdingStatuses`.
 */
export function whitespaceSql(offeringAlias: string, accountIdExpr: string): string {
  return (
    `${offeringAlias}.active = :offeringActive AND NOT EXISTS (SELECT 1 FROM account_offering held ` +
    `WHERE held.accountId = ${accountIdExpr} AND held.offeringId = ${offeringAlias}.id ` +
    `AND held.status IN (:...holdingStatuses))`
  );
}

export const WHITESPACE_PARAMETERS = { offeringActive: true, holdingStatuses: [...HOLDING_STATUSES] };

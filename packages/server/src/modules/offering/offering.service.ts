import { inTransaction, type Context } from '../../common/context';
import { stampNew } from '../../common/base.entity';
import { isUniqueViolation } from '../../common/driver-errors';
import { NotFoundError } from '../../common/errors';
import { decodeGlobalId } from '../../common/global-id';
import { UPDATED_AT_SORT, whereUpdatedSince } from '../../common/inputs';
import { OrderDirection, paginate, type Connection, type PageArgs, type SortOrder } from '../../common/pagination';
import { cleanText } from '../../common/validation';
import { compareAndSwap } from '../../common/versioned';
import { requireWritableAccount } from '../account/account.service';
import { diffFields, recordAudit, snapshot } from '../audit/audit.service';
import { AccountOffering, AccountOfferingStatus, Offering } from './offering.entity';
import { OfferingErrors } from './offering.errors';
import {
  OfferingOrderField,
  type AddAccountOfferingInput,
  type CreateOfferingInput,
  type OfferingFilter,
  type OfferingOrder,
  type UpdateAccountOfferingInput,
  type UpdateOfferingInput,
} from './offering.inputs';

const OFFERING_FIELDS = ['name', 'category', 'description', 'active'] as const;
const ACCOUNT_OFFERING_FIELDS = ['accountId', 'offeringId', 'since', 'status'] as const;
const SORTS: Record<OfferingOrderField, Omit<SortOrder, 'direction'>> = {
  [OfferingOrderField.NAME]: { key: 'name', property: 'name', kind: 'string' },
  [OfferingOrderField.UPDATED_AT]: UPDATED_AT_SORT,
};

/** The catalogue: what the company sells. Every member of staff reads it; executives and admins change it. */
export const OfferingService = {
  async list(
    ctx: Context,
    args: PageArgs,
    filter: OfferingFilter | null | undefined,
    orderBy: OfferingOrder | null | undefined,
  ): Promise<Connection<Offering>> {
    const qb = ctx.em.createQueryBuilder(Offering, 'offering');
    if (filter?.active != null) qb.andWhere('offering.active = :active', { active: filter.active });
    if (filter?.category?.length) qb.andWhere('offering.category IN (:...categories)', { categories: filter.category });
    whereUpdatedSince(qb, 'offering', filter?.updatedSince);
    const order: SortOrder = {
      ...SORTS[orderBy?.field ?? OfferingOrderField.NAME],
      direction: orderBy?.direction ?? OrderDirection.ASC,
    };
    return paginate(qb, 'offering', order, args);
  },

  async create(ctx: Context, input: CreateOfferingInput): Promise<Offering> {
    const name = input.name.trim();
    return uniqueName(name, () =>
      inTransaction(ctx, async (tx) => {
        await refuseTakenName(tx, name, null);
        const offering = stampNew(new Offering());
        Object.assign(offering, {
          name,
          category: input.category,
          description: cleanText(input.description) ?? null,
          active: input.active ?? true,
        });
        const saved = await tx.em.save(offering);
        await recordAudit(
          tx,
          'createOffering',
          saved,
          diffFields(undefined, snapshot(saved, [...OFFERING_FIELDS]), OFFERING_FIELDS),
        );
        return saved;
      }),
    );
  },

  async update(ctx: Context, input: UpdateOfferingInput): Promise<Offering> {
    const name = input.name?.trim();
    return uniqueName(name ?? '', () =>
      inTransaction(ctx, async (tx) => {
        const offering = await requireOffering(tx, input.id, 'input.id');
        const before = snapshot(offering, [...OFFERING_FIELDS]);
        if (name) {
          await refuseTakenName(tx, name, offering.id);
          offering.name = name;
        }
        if (input.category != null) offering.category = input.category;
        if (input.description !== undefined) offering.description = cleanText(input.description) ?? null;
        if (input.active != null) offering.active = input.active;
        const changes = diffFields(before, snapshot(offering, [...OFFERING_FIELDS]), OFFERING_FIELDS);
        await compareAndSwap(tx, offering, input.expectedVersion, Object.keys(changes));
        await recordAudit(tx, 'updateOffering', offering, changes);
        return offering;
      }),
    );
  },
};

/** Which offerings each account has: recorded and changed by the account's writers. */
export const AccountOfferingService = {
  async add(ctx: Context, input: AddAccountOfferingInput): Promise<AccountOffering> {
    return inTransaction(ctx, async (tx) => {
      const account = await requireWritableAccount(tx, input.accountId, 'input.accountId');
      const offering = await requireOffering(tx, input.offeringId, 'input.offeringId');
      const existing = await tx.em.findOneBy(AccountOffering, { accountId: account.id, offeringId: offering.id });
      if (existing) throw OfferingErrors.alreadyHeld(account.name, offering.name);
      const row = stampNew(new AccountOffering());
      Object.assign(row, {
        accountId: account.id,
        offeringId: offering.id,
        since: input.since,
        status: input.status ?? AccountOfferingStatus.ACTIVE,
      });
      let saved: AccountOffering;
      try {
        saved = await tx.em.save(row);
      } catch (error) {
        // Two writers adding the same offering at once: the unique (account, offering) index decides.
        if (isUniqueViolation(error)) throw OfferingErrors.alreadyHeld(account.name, offering.name);
        throw error;
      }
      await recordAudit(
        tx,
        'addAccountOffering',
        saved,
        diffFields(undefined, snapshot(saved, [...ACCOUNT_OFFERING_FIELDS]), ACCOUNT_OFFERING_FIELDS),
      );
      return saved;
    });
  },

  async update(ctx: Context, input: UpdateAccountOfferingInput): Promise<AccountOffering> {
    return inTransaction(ctx, async (tx) => {
      const row = await tx.loaders.accountOfferingById.load(decodeGlobalId(input.id, 'AccountOffering', 'input.id'));
      if (!row) throw new NotFoundError('AccountOffering', input.id);
      const account = await tx.loaders.accountById.load(row.accountId);
      await requireWritableAccount(tx, account!.globalId, 'input.id');
      const before = snapshot(row, [...ACCOUNT_OFFERING_FIELDS]);
      if (input.since != null) row.since = input.since;
      if (input.status != null) row.status = input.status;
      const changes = diffFields(before, snapshot(row, [...ACCOUNT_OFFERING_FIELDS]), ACCOUNT_OFFERING_FIELDS);
      await compareAndSwap(tx, row, input.expectedVersion, Object.keys(changes));
      await recordAudit(tx, 'updateAccountOffering', row, changes);
      return row;
    });
  },
};

/** An offering of the catalogue by global id, or NOT_FOUND against `path`. */
export async function requireOffering(ctx: Context, globalId: string, path: string): Promise<Offering> {
  const offering = await ctx.loaders.offeringById.load(decodeGlobalId(globalId, 'Offering', path));
  if (!offering) throw new NotFoundError('Offering', globalId);
  return offering;
}

async function refuseTakenName(tx: Context, name: string, exceptId: number | null): Promise<void> {
  const taken = await tx.em.findOneBy(Offering, { name });
  if (taken && taken.id !== exceptId) throw OfferingErrors.nameTaken(name);
}

/** Runs a write that may lose a race for a name: the unique index turns the loser into a clear refusal. */
async function uniqueName<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw OfferingErrors.nameTaken(name);
    throw error;
  }
}

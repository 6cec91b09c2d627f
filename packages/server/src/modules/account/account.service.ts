import type { SelectQueryBuilder } from 'typeorm';
import { UPDATED_AT_SORT, whereUpdatedSince } from '../../common/inputs';
import { inTransaction, type Context } from '../../common/context';
import { stampNew } from '../../common/base.entity';
import { NotFoundError } from '../../common/errors';
import { decodeGlobalId } from '../../common/global-id';
import { forUpdate } from '../../common/locking';
import { paginate, type Connection, type PageArgs, type SortOrder, OrderDirection } from '../../common/pagination';
import type { Selection } from '../../common/selection';
import type { ToOne } from '../../common/to-one';
import { hasRole } from '../../common/policy';
import { cleanText, likePattern } from '../../common/validation';
import { compareAndSwap } from '../../common/versioned';
import { diffFields, recordAudit } from '../audit/audit.service';
import { AccountHealthService, HEALTH_SORT, whereHealth } from '../account-health/account-health.service';
import type { User } from '../user/user.entity';
import { Account, AccountStatus } from './account.entity';
import { AccountErrors, MAX_FAMILY_DEPTH } from './account.errors';
import { AccountPolicy } from './account.policy';
import {
  AccountOrderField,
  type AccountFilter,
  type AccountOrder,
  type AssignAccountOwnerInput,
  type CreateAccountInput,
  type UpdateAccountInput,
} from './account.inputs';

const AUDITED_FIELDS = ['name', 'kind', 'tier', 'status', 'membersReached', 'region', 'parentId', 'ownerId'] as const;

const SORTS: Record<AccountOrderField, Omit<SortOrder, 'direction'>> = {
  [AccountOrderField.NAME]: { key: 'name', property: 'name', kind: 'string' },
  [AccountOrderField.MEMBERS_REACHED]: { key: 'membersReached', property: 'membersReached', kind: 'number' },
  [AccountOrderField.CREATED_AT]: { key: 'createdAt', property: 'createdAt', kind: 'date' },
  [AccountOrderField.UPDATED_AT]: UPDATED_AT_SORT,
  [AccountOrderField.HEALTH]: HEALTH_SORT,
};

/** The owner, read with the account when the client asks for it (staff are not scoped). */
function accountJoins(ctx: Context, selection: Selection | undefined): ToOne[] {
  return selection?.has('owner') ? [{ relation: 'owner', foreignKey: 'ownerId', loader: ctx.loaders.userById }] : [];
}

function snapshot(account: Account): Record<string, unknown> {
  return Object.fromEntries(AUDITED_FIELDS.map((field) => [field, account[field]]));
}

/** Accounts: the relationship of record. Reads are scoped to the viewer; writes are checked and audited. */
export const AccountService = {
  /** One account by global id, or null when it does not exist or is out of scope. */
  async findById(ctx: Context, rowId: number, selection?: Selection): Promise<Account | null> {
    return ctx.loaders.accountById.load(rowId, accountJoins(ctx, selection));
  },

  /** A page of the accounts the viewer may read. */
  /** The accounts the viewer may read that meet `filter`: the list's rows and its export's. */
  query(ctx: Context, filter: AccountFilter | null | undefined): SelectQueryBuilder<Account> {
    const qb = ctx.em.createQueryBuilder(Account, 'account');
    ctx.scope.restrictAccounts(qb, 'account');
    if (filter?.search?.trim())
      qb.andWhere("account.name LIKE :search ESCAPE '!'", { search: likePattern(filter.search.trim()) });
    if (filter?.status?.length) qb.andWhere('account.status IN (:...statuses)', { statuses: filter.status });
    if (filter?.tier?.length) qb.andWhere('account.tier IN (:...tiers)', { tiers: filter.tier });
    if (filter?.kind?.length) qb.andWhere('account.kind IN (:...kinds)', { kinds: filter.kind });
    if (filter?.ownerId)
      qb.andWhere('account.ownerId = :ownerId', { ownerId: decodeGlobalId(filter.ownerId, 'User', 'filter.ownerId') });
    if (filter?.parentId)
      qb.andWhere('account.parentId = :parentId', {
        parentId: decodeGlobalId(filter.parentId, 'Account', 'filter.parentId'),
      });
    if (filter?.topLevel === true) qb.andWhere('account.parentId IS NULL');
    if (filter?.topLevel === false) qb.andWhere('account.parentId IS NOT NULL');
    whereUpdatedSince(qb, 'account', filter?.updatedSince);
    if (filter?.health) whereHealth(qb, 'account', ctx.db.dialect, filter.health);
    return qb;
  },

  async list(
    ctx: Context,
    args: PageArgs,
    filter: AccountFilter | null | undefined,
    orderBy: AccountOrder | null | undefined,
    selection?: Selection,
  ): Promise<Connection<Account>> {
    const order: SortOrder = {
      ...SORTS[orderBy?.field ?? AccountOrderField.NAME],
      direction: orderBy?.direction ?? OrderDirection.ASC,
    };
    const qb = this.query(ctx, filter);
    const joins = accountJoins(ctx, selection?.under('edges').under('node'));
    // The health score is computed in SQL, by the account-health module's expression.
    if (order.key === HEALTH_SORT.key)
      return AccountHealthService.pageByHealth(ctx, qb, 'account', order.direction, args, joins);
    return paginate(qb, 'account', order, args, joins);
  },

  /** Creates an account; an account manager who names no owner owns it. */
  async create(ctx: Context, input: CreateAccountInput): Promise<Account> {
    const viewer = ctx.viewer;
    return inTransaction(ctx, async (tx) => {
      const account = stampNew(new Account());
      account.name = input.name.trim();
      account.kind = input.kind;
      account.tier = input.tier;
      account.status = input.status ?? AccountStatus.PROSPECT;
      account.membersReached = input.membersReached ?? 0;
      account.region = cleanText(input.region) ?? null;
      account.parentId = input.parentId
        ? (await requireReadableAccount(tx, input.parentId, 'input.parentId')).id
        : null;
      if (input.ownerId) {
        account.ownerId = (await requireEligibleOwner(tx, input.ownerId, 'input.ownerId')).id;
      } else {
        account.ownerId = hasRole(AccountPolicy.rules.owners, viewer.role) ? viewer.id : null;
      }
      const saved = await tx.em.save(account);
      await recordAudit(tx, 'createAccount', saved, diffFields(undefined, snapshot(saved), AUDITED_FIELDS));
      return saved;
    });
  },

  /** Applies the given changes if `expectedVersion` is still current. */
  async update(ctx: Context, input: UpdateAccountInput): Promise<Account> {
    return inTransaction(ctx, async (tx) => {
      const account = await requireWritableAccount(tx, input.id, 'input.id');
      const before = snapshot(account);
      if (input.name != null) account.name = input.name.trim();
      if (input.kind != null) account.kind = input.kind;
      if (input.tier != null) account.tier = input.tier;
      if (input.status != null) account.status = input.status;
      if (input.membersReached != null) account.membersReached = input.membersReached;
      if (input.region !== undefined) account.region = cleanText(input.region) ?? null;
      if (input.parentId !== undefined) {
        account.parentId = input.parentId === null ? null : await checkedParent(tx, account, input.parentId);
      }
      return saveVersioned(tx, account, input.expectedVersion, 'updateAccount', before);
    });
  },

  /** Hands the account to another account manager (seniors for their own portfolio, executives, admins). */
  async assignOwner(ctx: Context, input: AssignAccountOwnerInput): Promise<Account> {
    return inTransaction(ctx, async (tx) => {
      const account = await requireWritableAccount(tx, input.accountId, 'input.accountId');
      const owner = await requireEligibleOwner(tx, input.ownerId, 'input.ownerId');
      if (account.ownerId === owner.id) throw AccountErrors.ownerUnchanged(owner.name);
      const before = snapshot(account);
      account.ownerId = owner.id;
      return saveVersioned(tx, account, input.expectedVersion ?? account.version, 'assignAccountOwner', before);
    });
  },
};

/** Loads a readable account by global id or fails with NOT_FOUND against `path`. */
export async function requireReadableAccount(ctx: Context, globalId: string, path: string): Promise<Account> {
  const account = await ctx.loaders.accountById.load(decodeGlobalId(globalId, 'Account', path));
  if (!account) throw new NotFoundError('Account', globalId);
  return account;
}

/** Loads an account the viewer may change; an unreadable one is NOT_FOUND, a read-only one FORBIDDEN. */
export async function requireWritableAccount(ctx: Context, globalId: string, path: string): Promise<Account> {
  const account = await requireReadableAccount(ctx, globalId, path);
  if (!(await ctx.scope.canWriteAccount(ctx.em, account.id))) throw AccountErrors.cannotWrite(account.name);
  return account;
}

/** An active account manager or senior who may own accounts and contracts, or a refusal against `path`. */
export async function requireEligibleOwner(ctx: Context, globalId: string, path: string): Promise<User> {
  const user = await ctx.loaders.userById.load(decodeGlobalId(globalId, 'User', path));
  if (!user) throw new NotFoundError('User', globalId);
  if (!user.active || !hasRole(AccountPolicy.rules.owners, user.role))
    throw AccountErrors.ownerNotEligible(path, user.name);
  return user;
}

/**
 * Resolves a new parent and refuses cycles: the parent's ancestors must not include the account.
 * Each ancestor is read as committed now and locked until commit, so two moves that would close a
 * cycle between them (A under B, B under A, sent at once) cannot both pass: one waits for the
 * other, or InnoDB picks one as a deadlock victim and runs it again, and then it sees the cycle.
 */
async function checkedParent(ctx: Context, account: Account, parentGlobalId: string): Promise<number> {
  const path = 'input.parentId';
  const parent = await requireReadableAccount(ctx, parentGlobalId, path);
  let ancestorId: number | null = parent.id;
  for (let depth = 0; ancestorId !== null; depth++) {
    if (ancestorId === account.id) throw AccountErrors.parentCycle(path);
    if (depth >= MAX_FAMILY_DEPTH) throw AccountErrors.familyTooDeep(path);
    const row: { parentId: number | null } | null = await forUpdate(
      ctx,
      ctx.em
        .createQueryBuilder(Account, 'ancestor')
        .select(['ancestor.id', 'ancestor.parentId'])
        .where('ancestor.id = :id', { id: ancestorId }),
    ).getOne();
    ancestorId = row?.parentId ?? null;
  }
  return parent.id;
}

async function saveVersioned(
  ctx: Context,
  account: Account,
  expectedVersion: number,
  action: string,
  before: Record<string, unknown>,
): Promise<Account> {
  const changes = diffFields(before, snapshot(account), AUDITED_FIELDS);
  await compareAndSwap(ctx, account, expectedVersion, Object.keys(changes));
  await recordAudit(ctx, action, account, changes);
  return account;
}

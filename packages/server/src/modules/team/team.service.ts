import { inTransaction, type Context } from '../../common/context';
import { stampNew } from '../../common/base.entity';
import { BadInputError, ConflictError, ErrorReason, NotFoundError } from '../../common/errors';
import { decodeGlobalId } from '../../common/global-id';
import type { Connection, PageArgs } from '../../common/pagination';
import type { Selection } from '../../common/selection';
import type { ToOne } from '../../common/to-one';
import { requireWritableAccount } from '../account/account.service';
import type { Account } from '../account/account.entity';
import { diffFields, recordAudit, recordDeletion } from '../audit/audit.service';
import type { User } from '../user/user.entity';
import { AccountTeamMember } from './team-member.entity';
import type { AddAccountTeamMemberInput, RemoveAccountTeamMemberInput } from './team.inputs';

const AUDITED_FIELDS = ['accountId', 'userId', 'teamRole'] as const;

function snapshot(member: AccountTeamMember): Record<string, unknown> {
  return Object.fromEntries(AUDITED_FIELDS.map((field) => [field, member[field]]));
}

/** Account teams: the staff who work an account with its owner; membership widens who sees it. */
export const TeamService = {
  /** A page of the account's team; each member's user is read with them when the client asks for it. */
  page(ctx: Context, accountId: number, args: PageArgs, selection: Selection): Promise<Connection<AccountTeamMember>> {
    const joins: ToOne[] = selection.under('edges').under('node').has('user')
      ? [{ relation: 'user', foreignKey: 'userId', loader: ctx.loaders.userById }]
      : [];
    return ctx.loaders.accountTeam.page(accountId, args, joins);
  },

  async add(
    ctx: Context,
    input: AddAccountTeamMemberInput,
  ): Promise<{ teamMember: AccountTeamMember; account: Account }> {
    return inTransaction(ctx, async (tx) => {
      const account = await requireWritableAccount(tx, input.accountId, 'input.accountId');
      const user = await requireActiveUser(tx, input.userId, 'input.userId');
      if (account.ownerId === user.id)
        throw BadInputError.field(
          'input.userId',
          `${user.name} owns this account already; the owner is not listed on the team`,
          ErrorReason.ALREADY_MEMBER,
        );
      const existing = await tx.em.findOneBy(AccountTeamMember, { accountId: account.id, userId: user.id });
      if (existing)
        throw new ConflictError(
          ErrorReason.ALREADY_MEMBER,
          `${user.name} is on this account's team already (as ${existing.teamRole}).`,
        );
      const member = stampNew(new AccountTeamMember());
      member.accountId = account.id;
      member.userId = user.id;
      member.teamRole = input.teamRole;
      const saved = await tx.em.save(member);
      await recordAudit(tx, 'addAccountTeamMember', saved, diffFields(undefined, snapshot(saved), AUDITED_FIELDS));
      return { teamMember: saved, account };
    });
  },

  async remove(
    ctx: Context,
    input: RemoveAccountTeamMemberInput,
  ): Promise<{ removedTeamMemberId: string; account: Account }> {
    return inTransaction(ctx, async (tx) => {
      const account = await requireWritableAccount(tx, input.accountId, 'input.accountId');
      const userId = decodeGlobalId(input.userId, 'User', 'input.userId');
      const member = await tx.em.findOneBy(AccountTeamMember, { accountId: account.id, userId });
      if (!member) throw new NotFoundError('AccountTeamMember', `${input.accountId}/${input.userId}`);
      const removedTeamMemberId = member.globalId;
      // Concurrent removals may all have read the row; only the one whose DELETE takes it removed
      // it, and the rest find it gone, as they would one after the other.
      const result = await tx.em.delete(AccountTeamMember, { id: member.id });
      if (result.affected !== 1) throw new NotFoundError('AccountTeamMember', `${input.accountId}/${input.userId}`);
      await recordDeletion(
        tx,
        'removeAccountTeamMember',
        member,
        diffFields(snapshot(member), undefined, AUDITED_FIELDS),
      );
      return { removedTeamMemberId, account };
    });
  },
};

async function requireActiveUser(ctx: Context, globalId: string, path: string): Promise<User> {
  const user = await ctx.loaders.userById.load(decodeGlobalId(globalId, 'User', path));
  if (!user) throw new NotFoundError('User', globalId);
  if (!user.active)
    throw BadInputError.field(
      path,
      `${user.name} has left (inactive) and cannot join a team`,
      ErrorReason.USER_NOT_ELIGIBLE,
    );
  return user;
}

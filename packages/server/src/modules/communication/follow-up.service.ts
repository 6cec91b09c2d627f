import { notify, NotificationKind } from '../notification/notification.service';
import { stampNew } from '../../common/base.entity';
import { inTransaction, type Context } from '../../common/context';
import { todayUtc } from '../../common/dates';
import { NotFoundError } from '../../common/errors';
import { decodeGlobalId } from '../../common/global-id';
import { compareAndSwap } from '../../common/versioned';
import type { Account } from '../account/account.entity';
import { diffFields, recordAudit } from '../audit/audit.service';
import { canLogOn, requireReadableCommunication, userMayLogOn } from './communication.access';
import type { Communication } from './communication.entity';
import { CommunicationErrors } from './communication.errors';
import type {
  AddFollowUpInput,
  FollowUpStepInput,
  NewFollowUpInput,
  UpdateFollowUpInput,
} from './communication.inputs';
import { FollowUp } from './follow-up.entity';

const AUDITED_FIELDS = ['communicationId', 'description', 'ownerId', 'dueOn', 'doneAt', 'doneById'] as const;

function snapshot(followUp: FollowUp): Record<string, unknown> {
  return Object.fromEntries(AUDITED_FIELDS.map((field) => [field, followUp[field]]));
}

/** The owner named at `path`: active staff who could log on the account themselves. */
async function requireOwner(ctx: Context, globalId: string, accountId: number, path: string): Promise<number> {
  const user = await ctx.loaders.userById.load(decodeGlobalId(globalId, 'User', path));
  if (!user) throw new NotFoundError('User', globalId);
  if (!(await userMayLogOn(ctx, user, accountId))) throw CommunicationErrors.ownerNotEligible(path, user.name);
  return user.id;
}

async function requireReadableFollowUp(ctx: Context, globalId: string): Promise<FollowUp> {
  const followUp = await ctx.loaders.followUpById.load(decodeGlobalId(globalId, 'FollowUp', 'input.id'));
  if (!followUp) throw new NotFoundError('FollowUp', globalId);
  return followUp;
}

/** A follow-up the viewer may change: whoever may log on its account. */
async function requireChangeableFollowUp(ctx: Context, globalId: string): Promise<FollowUp> {
  const followUp = await requireReadableFollowUp(ctx, globalId);
  const account = (await ctx.loaders.accountById.load(followUp.accountId)) as Account;
  if (!(await canLogOn(ctx, account))) throw CommunicationErrors.cannotLog(account.name);
  return followUp;
}

/** A follow-up the viewer may mark done or open: its owner, and those who may change its account. */
async function requireSettleableFollowUp(ctx: Context, globalId: string): Promise<FollowUp> {
  const followUp = await requireReadableFollowUp(ctx, globalId);
  if (ctx.scope.neverWrites) throw CommunicationErrors.cannotSettle(followUp.description);
  if (followUp.ownerId === ctx.viewer.id) return followUp;
  if (!(await ctx.scope.canWriteAccount(ctx.em, followUp.accountId)))
    throw CommunicationErrors.cannotSettle(followUp.description);
  return followUp;
}

/** A follow-up is promised in a communication, so it falls due on or after the day (UTC) it took place. */
function checkDueOn(communication: Communication, dueOn: string, path: string): void {
  const day = todayUtc(communication.occurredAt);
  if (dueOn < day) throw CommunicationErrors.dueBeforeCommunication(path, day);
}

function newFollowUp(ctx: Context, communication: Communication, input: NewFollowUpInput, ownerId: number): FollowUp {
  const followUp = stampNew(new FollowUp());
  followUp.communicationId = communication.id;
  followUp.accountId = communication.accountId;
  followUp.description = input.description.trim();
  followUp.ownerId = ownerId;
  followUp.dueOn = input.dueOn;
  followUp.doneAt = null;
  followUp.doneById = null;
  followUp.createdById = ctx.viewer.id;
  return followUp;
}

/** Tells a follow-up's owner it is theirs, in the same transaction, unless they gave it to themselves. */
async function tellNewOwner(tx: Context, followUp: FollowUp): Promise<void> {
  if (followUp.ownerId === tx.viewer.id) return;
  await notify(tx, {
    recipientId: followUp.ownerId,
    kind: NotificationKind.FOLLOW_UP_ASSIGNED,
    subject: followUp,
    message: `${tx.viewer.name} made you the owner of a follow-up due ${followUp.dueOn}: ${followUp.description}`,
  });
}

/** Follow-up actions: who does what by when, and whether it is done. */
export const FollowUpService = {
  /** Writes the follow-ups logged with a communication, inside the caller's transaction (no audit of their own). */
  async createAll(
    tx: Context,
    communication: Communication,
    inputs: readonly NewFollowUpInput[],
    path: string,
  ): Promise<FollowUp[]> {
    const followUps: FollowUp[] = [];
    for (const [index, input] of inputs.entries()) {
      checkDueOn(communication, input.dueOn, `${path}.${index}.dueOn`);
      const ownerId = await requireOwner(tx, input.ownerId, communication.accountId, `${path}.${index}.ownerId`);
      followUps.push(newFollowUp(tx, communication, input, ownerId));
    }
    if (followUps.length > 0) await tx.em.save(followUps);
    for (const followUp of followUps) await tellNewOwner(tx, followUp);
    return followUps;
  },

  /** Adds a follow-up to a communication already logged. */
  async add(ctx: Context, input: AddFollowUpInput): Promise<FollowUp> {
    return inTransaction(ctx, async (tx) => {
      const communication = await requireReadableCommunication(tx, input.communicationId, 'input.communicationId');
      const account = (await tx.loaders.accountById.load(communication.accountId)) as Account;
      if (!(await canLogOn(tx, account))) throw CommunicationErrors.cannotLog(account.name);
      checkDueOn(communication, input.dueOn, 'input.dueOn');
      const ownerId = await requireOwner(tx, input.ownerId, account.id, 'input.ownerId');
      const saved = await tx.em.save(newFollowUp(tx, communication, input, ownerId));
      await tellNewOwner(tx, saved);
      await recordAudit(tx, 'addFollowUp', saved, diffFields(undefined, snapshot(saved), AUDITED_FIELDS));
      return saved;
    });
  },

  /** Changes what a follow-up is, who owns it or when it is due, if nobody changed it since `expectedVersion`. */
  async update(ctx: Context, input: UpdateFollowUpInput): Promise<FollowUp> {
    return inTransaction(ctx, async (tx) => {
      const followUp = await requireChangeableFollowUp(tx, input.id);
      const before = snapshot(followUp);
      if (input.description != null) followUp.description = input.description.trim();
      if (input.ownerId != null)
        followUp.ownerId = await requireOwner(tx, input.ownerId, followUp.accountId, 'input.ownerId');
      if (input.dueOn != null) {
        const communication = (await tx.loaders.communicationById.load(followUp.communicationId)) as Communication;
        checkDueOn(communication, input.dueOn, 'input.dueOn');
        followUp.dueOn = input.dueOn;
      }
      const changes = diffFields(before, snapshot(followUp), AUDITED_FIELDS);
      await compareAndSwap(tx, followUp, input.expectedVersion, Object.keys(changes));
      if (followUp.ownerId !== before.ownerId) await tellNewOwner(tx, followUp);
      await recordAudit(tx, 'updateFollowUp', followUp, changes);
      return followUp;
    });
  },

  /** Marks an open follow-up done, by the viewer, now. */
  async complete(ctx: Context, input: FollowUpStepInput): Promise<FollowUp> {
    return inTransaction(ctx, async (tx) => {
      const followUp = await requireSettleableFollowUp(tx, input.id);
      if (followUp.doneAt !== null) throw CommunicationErrors.alreadyDone(followUp.description);
      const before = snapshot(followUp);
      followUp.doneAt = new Date();
      followUp.doneById = tx.viewer.id;
      const changes = diffFields(before, snapshot(followUp), AUDITED_FIELDS);
      await compareAndSwap(tx, followUp, input.expectedVersion ?? followUp.version, ['doneAt', 'doneById']);
      await recordAudit(tx, 'completeFollowUp', followUp, changes);
      return followUp;
    });
  },

  /** Opens a done follow-up again (it was not done after all). */
  async reopen(ctx: Context, input: FollowUpStepInput): Promise<FollowUp> {
    return inTransaction(ctx, async (tx) => {
      const followUp = await requireSettleableFollowUp(tx, input.id);
      if (followUp.doneAt === null) throw CommunicationErrors.notDone(followUp.description);
      const before = snapshot(followUp);
      followUp.doneAt = null;
      followUp.doneById = null;
      const changes = diffFields(before, snapshot(followUp), AUDITED_FIELDS);
      await compareAndSwap(tx, followUp, input.expectedVersion ?? followUp.version, ['doneAt', 'doneById']);
      await recordAudit(tx, 'reopenFollowUp', followUp, changes);
      return followUp;
    });
  },

  /** The day `followUpsDue` looks up to when no `dueBy` is given: a week from today (UTC). */
  defaultDueBy(): string {
    return todayUtc(new Date(Date.now() + 7 * 86_400_000));
  },
};

import type { Context } from '../../common/context';
import { todayUtc } from '../../common/dates';
import { forUpdate } from '../../common/locking';
import { Account } from '../account/account.entity';
import { notify, NotificationKind } from '../notification/notification.service';
import { Milestone, MilestoneStatus, type Project } from './project.entity';

/** The notices a project's writes send to its account's owner: health, budget and late milestones. */

const DONE_MILESTONE_STATUSES: readonly MilestoneStatus[] = [MilestoneStatus.DELIVERED, MilestoneStatus.ACCEPTED];

export async function notifyAccountOwner(
  tx: Context,
  project: Project,
  kind: NotificationKind,
  message: string,
  subject: Project | Milestone = project,
): Promise<void> {
  // Unscoped on purpose: a team member who posts may not see the account, but its owner is told.
  const account = await tx.em.findOne(Account, {
    where: { id: project.accountId },
    select: { id: true, ownerId: true },
  });
  if (account?.ownerId != null) await notify(tx, { recipientId: account.ownerId, kind, subject, message });
}

/**
 * MILESTONE_LATE rule: whenever a status update or a milestone change is written for a project, its
 * milestones that are late (not DELIVERED or ACCEPTED, due before today UTC) and not yet notified
 * are notified to the account owner, once each, in the same transaction; the milestone records
 * when (lateNotifiedAt). Moving a milestone's due date re-arms it.
 */
export async function notifyLateMilestones(tx: Context, project: Project): Promise<void> {
  const qb = tx.em
    .createQueryBuilder(Milestone, 'm')
    .where(
      'm.projectId = :projectId AND m.status NOT IN (:...done) AND m.dueDate < :today AND m.lateNotifiedAt IS NULL',
      {
        projectId: project.id,
        done: DONE_MILESTONE_STATUSES,
        today: todayUtc(),
      },
    )
    .orderBy('m.dueDate', 'ASC')
    .addOrderBy('m.id', 'ASC');
  const late = await forUpdate(tx, qb).getMany();
  if (late.length === 0) return;
  const now = new Date();
  await tx.em
    .createQueryBuilder()
    .update(Milestone)
    .set({ lateNotifiedAt: now })
    .where('id IN (:...ids) AND lateNotifiedAt IS NULL', { ids: late.map((m) => m.id) })
    .execute();
  for (const milestone of late) {
    await notifyAccountOwner(
      tx,
      project,
      NotificationKind.MILESTONE_LATE,
      `"${milestone.title}" of project "${project.name}" was due ${milestone.dueDate} and is ${milestone.status}.`,
      milestone,
    );
  }
}

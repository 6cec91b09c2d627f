import { inTransaction, type Context } from '../../common/context';
import { stampNew } from '../../common/base.entity';
import { addDays, daysBetween, todayUtc, type LocalDate } from '../../common/dates';
import { decodeGlobalId } from '../../common/global-id';
import { lockRow } from '../../common/locking';
import { cleanText } from '../../common/validation';
import { diffFields, recordAudit, snapshot } from '../audit/audit.service';
import { NotificationKind } from '../notification/notification.service';
import { requirePostableProject } from './project.access';
import { Health, Project, StatusUpdate } from './project.entity';
import { ProjectErrors } from './project.errors';
import type { PostStatusUpdateInput } from './project.inputs';
import { HealthHistory, type HealthPoint } from './project.types';
import type { HealthRow } from './project.loaders';
import { notifyAccountOwner, notifyLateMilestones } from './project.notices';

const STATUS_UPDATE_FIELDS = [
  'projectId',
  'overall',
  'schedule',
  'budget',
  'scope',
  'quality',
  'summary',
  'risks',
  'nextSteps',
  'correctsId',
] as const;

/** At most this many weeks in one health history (about ten years): a chart, not an export. */
export const MAX_HISTORY_WEEKS = 500;

/** Monday (UTC) of the week a date falls in. */
function mondayOf(date: LocalDate): LocalDate {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** A project's status updates: its health as posted, and the week-by-week history they make. */
export const StatusUpdateService = {
  /** Week-by-week health series between two dates; see HealthHistory for what a gap means. */
  async healthHistory(ctx: Context, project: Project, from: LocalDate, to: LocalDate): Promise<HealthHistory> {
    if (to < from) throw ProjectErrors.rangeBackwards();
    const firstWeek = mondayOf(from);
    const weeks = daysBetween(firstWeek, mondayOf(to)) / 7 + 1;
    if (weeks > MAX_HISTORY_WEEKS) throw ProjectErrors.rangeTooLong(MAX_HISTORY_WEEKS);
    const rows = await ctx.loaders.projectHealthHistory.load(
      project.id,
      new Date(`${firstWeek}T00:00:00Z`),
      new Date(`${addDays(firstWeek, weeks * 7)}T00:00:00Z`),
    );
    const latest: (HealthRow | undefined)[] = new Array<HealthRow | undefined>(weeks);
    for (const row of rows) latest[Math.floor(daysBetween(firstWeek, todayUtc(row.postedAt)) / 7)] = row; // ascending: the week's last wins
    const series = (dimension: 'overall' | 'schedule' | 'budget' | 'scope' | 'quality'): HealthPoint[] =>
      Array.from({ length: weeks }, (_, week) => ({
        weekOf: addDays(firstWeek, week * 7),
        postedAt: latest[week]?.postedAt ?? null,
        health: latest[week]?.[dimension] ?? null,
      }));
    return Object.assign(new HealthHistory(), {
      overall: series('overall'),
      schedule: series('schedule'),
      budget: series('budget'),
      scope: series('scope'),
      quality: series('quality'),
    });
  },

  /**
   * Posts a status update; the project's health becomes its overall health. Turning RED (from
   * anything else, or from no update) tells the account owner, and late milestones are checked.
   */
  async postStatusUpdate(
    ctx: Context,
    input: PostStatusUpdateInput,
  ): Promise<{ project: Project; statusUpdate: StatusUpdate }> {
    return inTransaction(ctx, async (tx) => {
      const readable = await requirePostableProject(tx, input.projectId, 'input.projectId');
      let correctsId: number | null = null;
      if (input.correctsId) {
        const corrected = await tx.loaders.statusUpdateById.load(
          decodeGlobalId(input.correctsId, 'StatusUpdate', 'input.correctsId'),
        );
        if (!corrected || corrected.projectId !== readable.id) throw ProjectErrors.correctsOtherProject();
        correctsId = corrected.id;
      }
      const project = await lockRow(tx, Project, readable.id); // locked on MySQL: concurrent posts see each other's health
      const previous = project.health;
      const update = stampNew(new StatusUpdate());
      Object.assign(update, {
        projectId: project.id,
        authorId: tx.viewer.id,
        postedAt: update.createdAt,
        overall: input.overall,
        schedule: input.schedule,
        budget: input.budget,
        scope: input.scope,
        quality: input.quality,
        summary: input.summary.trim(),
        risks: cleanText(input.risks) ?? null,
        nextSteps: cleanText(input.nextSteps) ?? null,
        correctsId,
      });
      await tx.em.save(update);
      await tx.em
        .createQueryBuilder()
        .update(Project)
        .set({ health: input.overall, updatedAt: update.createdAt })
        .where('id = :id', { id: project.id })
        .execute();
      project.health = input.overall;
      project.updatedAt = update.createdAt;
      await recordAudit(
        tx,
        'postStatusUpdate',
        update,
        diffFields(undefined, snapshot(update, STATUS_UPDATE_FIELDS), STATUS_UPDATE_FIELDS),
      );
      if (input.overall === Health.RED && previous !== Health.RED) {
        await notifyAccountOwner(
          tx,
          project,
          NotificationKind.PROJECT_HEALTH_RED,
          `Project "${project.name}" turned RED${previous ? ` (was ${previous})` : ''}: ${update.summary}`,
        );
      }
      await notifyLateMilestones(tx, project);
      return { project, statusUpdate: update };
    });
  },
};

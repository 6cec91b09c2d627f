import { inTransaction, type Context } from '../../common/context';
import { stampNew } from '../../common/base.entity';
import { todayUtc } from '../../common/dates';
import { NotFoundError } from '../../common/errors';
import { decodeGlobalId } from '../../common/global-id';
import { cleanText } from '../../common/validation';
import { checkExpectedVersion, compareAndSwap, transitionStatus } from '../../common/versioned';
import { diffFields, recordAudit, snapshot } from '../audit/audit.service';
import { checkPostable, requireWritableProject } from './project.access';
import { Milestone, MilestoneKind, MilestoneStatus, type Project } from './project.entity';
import { ProjectErrors } from './project.errors';
import type {
  AcceptMilestoneInput,
  CreateMilestoneInput,
  RejectMilestoneInput,
  ReviewMilestoneQualityInput,
  UpdateMilestoneInput,
} from './project.inputs';
import { notifyLateMilestones } from './project.notices';

const MILESTONE_FIELDS = [
  'projectId',
  'kind',
  'title',
  'dueDate',
  'status',
  'qualityPassed',
  'qualityReviewerId',
  'qualityNotes',
  'acceptedByContactId',
  'acceptedOn',
  'rejectionReason',
] as const;

/** A project's milestones: planned, delivered, reviewed for quality and accepted or rejected by the client. */
export const MilestoneService = {
  async create(ctx: Context, input: CreateMilestoneInput): Promise<Milestone> {
    return inTransaction(ctx, async (tx) => {
      const project = await requireWritableProject(tx, input.projectId, 'input.projectId');
      const milestone = stampNew(new Milestone());
      Object.assign(milestone, {
        projectId: project.id,
        kind: input.kind,
        title: input.title.trim(),
        dueDate: input.dueDate,
        status: MilestoneStatus.PLANNED,
        qualityPassed: null,
        qualityReviewerId: null,
        qualityNotes: null,
        qualityReviewedAt: null,
        acceptedByContactId: null,
        acceptedOn: null,
        rejectionReason: null,
        lateNotifiedAt: null,
      });
      await tx.em.save(milestone);
      await recordAudit(
        tx,
        'createMilestone',
        milestone,
        diffFields(undefined, snapshot(milestone, MILESTONE_FIELDS), MILESTONE_FIELDS),
      );
      await notifyLateMilestones(tx, project);
      return reload(tx, milestone);
    });
  },

  /** Progress on a milestone; the team may do this too. Moving the due date re-arms the late notice; delivering again clears the review. */
  async update(ctx: Context, input: UpdateMilestoneInput): Promise<Milestone> {
    if (input.status === MilestoneStatus.ACCEPTED || input.status === MilestoneStatus.REJECTED)
      throw ProjectErrors.statusByAcceptance();
    return inTransaction(ctx, async (tx) => {
      const { milestone, project } = await requireMilestone(tx, input.id, 'post');
      if (milestone.status === MilestoneStatus.ACCEPTED) throw ProjectErrors.milestoneFinal(milestone.title);
      const before = snapshot(milestone, MILESTONE_FIELDS);
      const changed = new Set<string>();
      if (input.title != null) milestone.title = input.title.trim();
      if (input.dueDate != null && input.dueDate !== milestone.dueDate) {
        milestone.dueDate = input.dueDate;
        milestone.lateNotifiedAt = null;
        changed.add('lateNotifiedAt');
      }
      if (input.status != null && input.status !== milestone.status) {
        if (input.status === MilestoneStatus.DELIVERED) {
          Object.assign(milestone, {
            qualityPassed: null,
            qualityReviewerId: null,
            qualityNotes: null,
            qualityReviewedAt: null,
            rejectionReason: null,
          });
          changed.add('qualityReviewedAt');
        }
        milestone.status = input.status;
      }
      const changes = diffFields(before, snapshot(milestone, MILESTONE_FIELDS), MILESTONE_FIELDS);
      await compareAndSwap(tx, milestone, input.expectedVersion, [...Object.keys(changes), ...changed]);
      await recordAudit(tx, 'updateMilestone', milestone, changes);
      await notifyLateMilestones(tx, project);
      return reload(tx, milestone);
    });
  },

  /** Records the quality review of a DELIVERED milestone; the team may do this too. */
  async review(ctx: Context, input: ReviewMilestoneQualityInput): Promise<Milestone> {
    return inTransaction(ctx, async (tx) => {
      const { milestone, project } = await requireMilestone(tx, input.id, 'post');
      checkExpectedVersion(milestone, input.expectedVersion);
      if (milestone.status !== MilestoneStatus.DELIVERED)
        throw ProjectErrors.notDelivered(milestone.title, milestone.status, 'review');
      const before = snapshot(milestone, MILESTONE_FIELDS);
      Object.assign(milestone, {
        qualityPassed: input.passed,
        qualityReviewerId: tx.viewer.id,
        qualityNotes: cleanText(input.notes) ?? null,
        qualityReviewedAt: new Date(),
      });
      const changes = diffFields(before, snapshot(milestone, MILESTONE_FIELDS), MILESTONE_FIELDS);
      await compareAndSwap(tx, milestone, milestone.version, [
        'qualityPassed',
        'qualityReviewerId',
        'qualityNotes',
        'qualityReviewedAt',
      ]);
      await recordAudit(tx, 'reviewMilestoneQuality', milestone, changes);
      await notifyLateMilestones(tx, project);
      return reload(tx, milestone);
    });
  },

  /** Records the client's acceptance of a DELIVERED milestone; a deliverable needs a passed quality review first. */
  async accept(ctx: Context, input: AcceptMilestoneInput): Promise<Milestone> {
    return inTransaction(ctx, async (tx) => {
      const { milestone, project } = await requireMilestone(tx, input.id, 'write');
      checkExpectedVersion(milestone, input.expectedVersion);
      const contact = await tx.loaders.contactById.load(decodeGlobalId(input.contactId, 'Contact', 'input.contactId'));
      if (!contact) throw new NotFoundError('Contact', input.contactId);
      if (contact.accountId !== project.accountId) throw ProjectErrors.contactOfOtherAccount();
      if (milestone.status !== MilestoneStatus.DELIVERED)
        throw ProjectErrors.notDelivered(milestone.title, milestone.status, 'accept');
      if (milestone.kind === MilestoneKind.DELIVERABLE) {
        if (milestone.qualityPassed === null) throw ProjectErrors.reviewMissing(milestone.title);
        if (!milestone.qualityPassed) throw ProjectErrors.reviewFailed(milestone.title);
      }
      const acceptedOn = input.acceptedOn ?? todayUtc();
      await transitionStatus(
        tx,
        milestone,
        [MilestoneStatus.DELIVERED],
        MilestoneStatus.ACCEPTED,
        { acceptedByContactId: contact.id, acceptedOn },
        `milestone "${milestone.title}"`,
      );
      await recordAudit(tx, 'acceptMilestone', milestone, {
        status: { before: MilestoneStatus.DELIVERED, after: MilestoneStatus.ACCEPTED },
        acceptedByContactId: { before: null, after: contact.id },
        acceptedOn: { before: null, after: acceptedOn },
      });
      await notifyLateMilestones(tx, project);
      return reload(tx, milestone);
    });
  },

  async reject(ctx: Context, input: RejectMilestoneInput): Promise<Milestone> {
    return inTransaction(ctx, async (tx) => {
      const { milestone, project } = await requireMilestone(tx, input.id, 'write');
      checkExpectedVersion(milestone, input.expectedVersion);
      const reason = input.reason.trim();
      await transitionStatus(
        tx,
        milestone,
        [MilestoneStatus.DELIVERED],
        MilestoneStatus.REJECTED,
        { rejectionReason: reason },
        `milestone "${milestone.title}"`,
      );
      await recordAudit(tx, 'rejectMilestone', milestone, {
        status: { before: MilestoneStatus.DELIVERED, after: MilestoneStatus.REJECTED },
        rejectionReason: { before: null, after: reason },
      });
      await notifyLateMilestones(tx, project);
      return reload(tx, milestone);
    });
  },
};

/** A milestone and its project, checked for the team's updates ('post') or the account's writers only ('write'). */
async function requireMilestone(
  ctx: Context,
  globalId: string,
  authority: 'post' | 'write',
): Promise<{ milestone: Milestone; project: Project }> {
  const milestone = await ctx.loaders.milestoneById.load(decodeGlobalId(globalId, 'Milestone', 'input.id'));
  if (!milestone) throw new NotFoundError('Milestone', globalId);
  const project = (await ctx.loaders.projectById.load(milestone.projectId))!;
  if (authority === 'post') await checkPostable(ctx, project);
  else if (!(await ctx.scope.canWriteAccount(ctx.em, project.accountId))) throw ProjectErrors.cannotWrite(project.name);
  return { milestone, project };
}

async function reload(tx: Context, milestone: Milestone): Promise<Milestone> {
  return tx.em.findOneByOrFail(Milestone, { id: milestone.id });
}

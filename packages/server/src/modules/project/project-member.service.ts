import { inTransaction, type Context } from '../../common/context';
import { stampNew } from '../../common/base.entity';
import { NotFoundError } from '../../common/errors';
import { decodeGlobalId } from '../../common/global-id';
import { recordAudit } from '../audit/audit.service';
import type { User } from '../user/user.entity';
import { requireEligibleMember, requireWritableProject } from './project.access';
import { ProjectMember, type Project } from './project.entity';
import { ProjectErrors } from './project.errors';
import type { AddProjectMemberInput, RemoveProjectMemberInput } from './project.inputs';

/** A project's team: the staff who see the project and post its updates, costs and milestone progress. */
export const ProjectMemberService = {
  async addMember(ctx: Context, input: AddProjectMemberInput): Promise<{ project: Project; user: User }> {
    return inTransaction(ctx, async (tx) => {
      const project = await requireWritableProject(tx, input.projectId, 'input.projectId');
      const user = await requireEligibleMember(tx, input.userId, 'input.userId');
      if (await tx.em.findOneBy(ProjectMember, { projectId: project.id, userId: user.id }))
        throw ProjectErrors.alreadyMember(user.name);
      await tx.em.insert(
        ProjectMember,
        stampNew(Object.assign(new ProjectMember(), { projectId: project.id, userId: user.id })),
      );
      await recordAudit(tx, 'addProjectMember', project, { member: { before: null, after: user.globalId } });
      return { project, user };
    });
  },

  async removeMember(ctx: Context, input: RemoveProjectMemberInput): Promise<{ project: Project; user: User }> {
    return inTransaction(ctx, async (tx) => {
      const project = await requireWritableProject(tx, input.projectId, 'input.projectId');
      const user = await tx.loaders.userById.load(decodeGlobalId(input.userId, 'User', 'input.userId'));
      if (!user) throw new NotFoundError('User', input.userId);
      const result = await tx.em.delete(ProjectMember, { projectId: project.id, userId: user.id });
      if (!result.affected) throw ProjectErrors.notMember(user.name);
      await recordAudit(tx, 'removeProjectMember', project, { member: { before: user.globalId, after: null } });
      return { project, user };
    });
  },
};

import type { Context } from '../../common/context';
import { NotFoundError } from '../../common/errors';
import { decodeGlobalId } from '../../common/global-id';
import { hasRole } from '../../common/policy';
import type { User } from '../user/user.entity';
import { Project, ProjectMember } from './project.entity';
import { ProjectErrors } from './project.errors';
import { ProjectPolicy } from './project.policy';

/*
 * Who may read, change or post to a project, shared by the services of its aggregates (the project,
 * its team, costs, status updates and milestones). Row scope is applied by the loaders' SQL.
 */

/** A project the viewer may read (its account in scope, or they are on its team), or NOT_FOUND. */
export async function requireReadableProject(ctx: Context, globalId: string, path: string): Promise<Project> {
  const project = await ctx.loaders.projectById.load(decodeGlobalId(globalId, 'Project', path));
  if (!project) throw new NotFoundError('Project', globalId);
  return project;
}

/** A project whose account the viewer may change: owner, team, their senior, executives, admins. */
export async function requireWritableProject(ctx: Context, globalId: string, path: string): Promise<Project> {
  const project = await requireReadableProject(ctx, globalId, path);
  if (!(await ctx.scope.canWriteAccount(ctx.em, project.accountId))) throw ProjectErrors.cannotWrite(project.name);
  return project;
}

/** A project the viewer may post to: its account's writers, and the members of its team (never a BI reader). */
export async function requirePostableProject(ctx: Context, globalId: string, path: string): Promise<Project> {
  const project = await requireReadableProject(ctx, globalId, path);
  await checkPostable(ctx, project);
  return project;
}

export async function checkPostable(ctx: Context, project: Project): Promise<void> {
  if (ctx.scope.neverWrites) throw ProjectErrors.cannotPost(project.name);
  if (await isMember(ctx, project.id, ctx.viewer.id)) return;
  if (!(await ctx.scope.canWriteAccount(ctx.em, project.accountId))) throw ProjectErrors.cannotPost(project.name);
}

async function isMember(ctx: Context, projectId: number, userId: number): Promise<boolean> {
  return (
    (await ctx.em
      .createQueryBuilder(ProjectMember, 'pm')
      .where('pm.projectId = :projectId AND pm.userId = :userId', { projectId, userId })
      .getCount()) > 0
  );
}

/** Staff who can be on a project: active, and not a BI reader (a service account). */
export async function requireEligibleMember(ctx: Context, globalId: string, path: string): Promise<User> {
  const user = await ctx.loaders.userById.load(decodeGlobalId(globalId, 'User', path));
  if (!user) throw new NotFoundError('User', globalId);
  if (!user.active || !hasRole(ProjectPolicy.rules.teamMembers, user.role))
    throw ProjectErrors.userNotEligible(path, user.name);
  return user;
}

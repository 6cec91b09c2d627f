import { projectExports } from './project.exports';
import type { FeatureModule } from '../../common/feature-module';
import { Milestone, Project, ProjectCost, ProjectMember, StatusUpdate } from './project.entity';
import { projectLoaders } from './project.loaders';
import { revenueShareSqliteFunction } from './profitability.rules';
import {
  AccountProjectsResolver,
  ContractProjectsResolver,
  MilestoneResolver,
  ProjectCostResolver,
  ProjectMemberResolver,
  ProjectResolver,
  StatusUpdateResolver,
} from './project.resolver';
import { ProjectPolicy } from './project.policy';

/** Projects: budget, costs, members, milestones and status. */
export const projectModule: FeatureModule = {
  name: 'project',
  policy: ProjectPolicy,
  entities: [Project, ProjectMember, ProjectCost, StatusUpdate, Milestone],
  resolvers: [
    ProjectResolver,
    ProjectMemberResolver,
    ProjectCostResolver,
    StatusUpdateResolver,
    MilestoneResolver,
    AccountProjectsResolver,
    ContractProjectsResolver,
  ],
  exports: projectExports,
  loaders: projectLoaders,
  sqliteFunctions: [revenueShareSqliteFunction],
  nodes: [
    { type: Project, fetch: (ctx, id) => ctx.loaders.projectById.load(id) },
    { type: ProjectMember, fetch: (ctx, id) => ctx.loaders.projectMemberById.load(id) },
    { type: ProjectCost, fetch: (ctx, id) => ctx.loaders.projectCostById.load(id) },
    { type: StatusUpdate, fetch: (ctx, id) => ctx.loaders.statusUpdateById.load(id) },
    { type: Milestone, fetch: (ctx, id) => ctx.loaders.milestoneById.load(id) },
  ],
};

import { ACCOUNT_WRITERS, definePolicy, rolesExcept } from '../../common/policy';
import { Role } from '../../common/roles';

const IN_SCOPE = 'projects of accounts they may change';
const OR_TEAM = `${IN_SCOPE}, or projects they are on the team of`;

/** Who may do what with projects, milestones and status updates (see common/policy.ts). */
export const ProjectPolicy = definePolicy({
  feature: 'Projects',
  mutations: {
    createProject: { roles: ACCOUNT_WRITERS, rows: 'accounts they may change' },
    updateProject: { roles: ACCOUNT_WRITERS, rows: IN_SCOPE },
    addProjectMember: { roles: ACCOUNT_WRITERS, rows: IN_SCOPE },
    removeProjectMember: { roles: ACCOUNT_WRITERS, rows: IN_SCOPE },
    recordProjectCost: { roles: ACCOUNT_WRITERS, rows: OR_TEAM },
    postStatusUpdate: { roles: ACCOUNT_WRITERS, rows: OR_TEAM },
    createMilestone: { roles: ACCOUNT_WRITERS, rows: IN_SCOPE },
    updateMilestone: { roles: ACCOUNT_WRITERS, rows: OR_TEAM },
    reviewMilestoneQuality: { roles: ACCOUNT_WRITERS, rows: OR_TEAM },
    acceptMilestone: { roles: ACCOUNT_WRITERS, rows: IN_SCOPE },
    rejectMilestone: { roles: ACCOUNT_WRITERS, rows: IN_SCOPE },
  },
  rules: {
    teamMembers: { roles: rolesExcept(Role.BI_READER), meaning: "may be on a project's team (when active)" },
  },
});

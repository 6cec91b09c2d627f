import { Role } from './roles';
import type { Viewer } from './viewer';
import { ErrorReason, ForbiddenError } from './errors';

/**
 * Who may do what. Each feature states its operations' roles in `modules/<feature>/<feature>.policy.ts`;
 * app/policy-gate.ts enforces them before a resolver runs, and `pnpm policy:emit` prints them all as
 * docs/permissions.md. Which rows a permitted role reaches stays in SQL (AccessScope); rules that
 * depend on the row (assignee, approval limit) stay in services but read their roles from here.
 */
export type Roles = readonly Role[];

/** Every role, in the Role enum's order (the permissions table's columns). */
export const EVERY_ROLE: Roles = Object.values(Role);

/** Every role but `excluded`. */
export function rolesExcept(...excluded: Role[]): Roles {
  return EVERY_ROLE.filter((role) => !excluded.includes(role));
}

/** Who may run one operation: a Mutation field, or a Query field gated by role. */
export interface OperationPolicy {
  /** The roles that may run it at all; anyone else is refused (FORBIDDEN, ROLE_NOT_ALLOWED) before it runs. */
  readonly roles: Roles;
  /** What decides further, on the rows (for the permissions table): "accounts they may change". */
  readonly rows?: string;
}

/** A role list that a rule on rows reads (who may own an account, who works escalations...). */
export interface RoleRule {
  readonly roles: Roles;
  /** What holding one of the roles means, for the permissions table. */
  readonly meaning: string;
}

/** One feature's policy: its operations by root type, and the role lists its row rules read. */
export interface FeaturePolicy {
  /** The section title in the permissions table. */
  readonly feature: string;
  readonly mutations: Readonly<Record<string, OperationPolicy>>;
  readonly queries?: Readonly<Record<string, OperationPolicy>>;
  readonly rules?: Readonly<Record<string, RoleRule>>;
}

/** Declares a feature's policy, keeping its operation and rule names for typed use in services. */
export function definePolicy<const P extends FeaturePolicy>(policy: P): P {
  return policy;
}

/** True when `role` is one of `roles`: every role test in a service goes through a policy's list. */
export function hasRole(roles: Roles | RoleRule, role: Role): boolean {
  return ('roles' in roles ? roles.roles : roles).includes(role);
}

/**
 * Which accounts a role reaches: what AccessScope applies in SQL. Stated here so that the table
 * shows it beside the operations, and so that feature policies name "the account's writers" once.
 */
export const ScopePolicy = definePolicy({
  feature: 'Account scope (applied in SQL to every read and write)',
  mutations: {},
  rules: {
    readsEveryAccount: {
      roles: [Role.ADMIN, Role.EXECUTIVE, Role.IT_DIRECTOR, Role.FINANCE, Role.BI_READER],
      meaning:
        "read every account; the others read the accounts they own or are on the team of (seniors: also their reports' accounts)",
    },
    writesEveryAccount: { roles: [Role.ADMIN, Role.EXECUTIVE], meaning: 'change every account' },
    holdsReportsPortfolios: {
      roles: [Role.SENIOR_ACCOUNT_MANAGER],
      meaning: 'reach the accounts of the staff who report to them, as their own',
    },
    writesAccounts: {
      roles: rolesExcept(Role.BI_READER),
      meaning:
        "change the accounts they own or are on the team of (seniors: also their reports' accounts); the rest never write",
    },
  },
});

/** The roles that may change accounts at all (in their scope): what most operations on an account's records need. */
export const ACCOUNT_WRITERS: Roles = ScopePolicy.rules.writesAccounts.roles;

/** How messages name a role's holders. */
const ROLE_HOLDERS: Record<Role, string> = {
  [Role.ADMIN]: 'admins',
  [Role.EXECUTIVE]: 'executives',
  [Role.SENIOR_ACCOUNT_MANAGER]: 'senior account managers',
  [Role.ACCOUNT_MANAGER]: 'account managers',
  [Role.IT_DIRECTOR]: 'the IT Director',
  [Role.PROJECT_MEMBER]: 'project members',
  [Role.FINANCE]: 'finance',
  [Role.BI_READER]: 'BI readers',
};

/** "account managers, executives and admins". */
export function describeRoles(roles: Roles): string {
  const names = roles.map((role) => ROLE_HOLDERS[role]);
  return names.length <= 1 ? (names[0] ?? 'nobody') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Refuses an operation to a viewer whose role may not run it at all, naming the roles that may. */
export function requireRole(viewer: Viewer, operation: string, policy: OperationPolicy): void {
  if (policy.roles.includes(viewer.role)) return;
  const refused = EVERY_ROLE.filter((role) => !policy.roles.includes(role));
  const who =
    refused.length < policy.roles.length
      ? `${operation} is open to every role but ${describeRoles(refused)}`
      : `Only ${describeRoles(policy.roles)} may run ${operation}`;
  throw new ForbiddenError(ErrorReason.ROLE_NOT_ALLOWED, `${who}; you are signed in as ${viewer.role}.`, {
    allowedRoles: [...policy.roles],
  });
}

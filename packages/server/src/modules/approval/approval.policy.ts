import { definePolicy, EVERY_ROLE, type Roles } from '../../common/policy';
import type { Config } from '../../config/config';
import { Role } from '../../common/roles';
import { ApprovalSubjectType } from './approval.entity';

/** How far a role's approval authority goes on one kind of item: no limit, or a configured limit (USD). */
export type ApprovalAuthority = 'unlimited' | keyof Config['approvalLimits'];

const EVERY_KIND = Object.values(ApprovalSubjectType);

function forEveryKind(authority: ApprovalAuthority): Record<ApprovalSubjectType, ApprovalAuthority> {
  return Object.fromEntries(EVERY_KIND.map((kind) => [kind, authority])) as Record<
    ApprovalSubjectType,
    ApprovalAuthority
  >;
}

/**
 * Who approves what, up to which amount: the one statement of approval authority. The approve and
 * reject mutations admit exactly the roles listed for their kind; the engine then holds each to its
 * limit (approval.service.ts) and the approval queue shows each what it could decide.
 */
export const APPROVAL_AUTHORITY: Readonly<
  Partial<Record<Role, Partial<Record<ApprovalSubjectType, ApprovalAuthority>>>>
> = {
  [Role.ADMIN]: forEveryKind('unlimited'),
  [Role.EXECUTIVE]: forEveryKind('unlimited'),
  [Role.SENIOR_ACCOUNT_MANAGER]: forEveryKind('seniorAccountManagerCents'),
  [Role.ACCOUNT_MANAGER]: forEveryKind('accountManagerCents'),
  [Role.FINANCE]: { [ApprovalSubjectType.INVOICE]: 'financeInvoiceCents' },
};

/** The roles that may approve or reject items of this kind (within their limit). */
export function approversOf(kind: ApprovalSubjectType): Roles {
  return EVERY_ROLE.filter((role) => APPROVAL_AUTHORITY[role]?.[kind] !== undefined);
}

/** How the permissions table names each authority: the setting that configures it. */
const AUTHORITY_NAMES: Record<ApprovalAuthority, string> = {
  unlimited: 'without limit',
  accountManagerCents: 'up to APPROVAL_LIMIT_ACCOUNT_MANAGER_USD',
  seniorAccountManagerCents: 'up to APPROVAL_LIMIT_SENIOR_ACCOUNT_MANAGER_USD',
  financeInvoiceCents: 'up to APPROVAL_LIMIT_FINANCE_INVOICES_USD',
};

/** Approval authority as the permissions table shows it: one rule per kind of item. */
export const ApprovalPolicy = definePolicy({
  feature: 'Approvals',
  mutations: {},
  rules: Object.fromEntries(
    EVERY_KIND.map((kind) => [
      `approves_${kind}`,
      {
        roles: approversOf(kind),
        meaning: `decide ${kind} approvals: ${approversOf(kind)
          .map((role) => `${role} ${AUTHORITY_NAMES[APPROVAL_AUTHORITY[role]![kind]!]}`)
          .join(', ')} (limits are in USD: an item in another currency needs a role without limit)`,
      },
    ]),
  ),
});

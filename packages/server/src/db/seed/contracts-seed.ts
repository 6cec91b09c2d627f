import type { EntityManager } from 'typeorm';
import { addDays, todayUtc } from '../../common/dates';
import { NumberSequence } from '../../common/sequence.entity';
import { Account, AccountStatus, AccountTier } from '../../modules/account/account.entity';
import {
  ApprovalDecision,
  ApprovalDecisionKind,
  ApprovalRequest,
  ApprovalRequestStatus,
  ApprovalSubjectType,
} from '../../modules/approval/approval.entity';
import { Contract, ContractStatus, ContractType } from '../../modules/contract/contract.entity';
import { Role } from '../../common/roles';
import { User } from '../../modules/user/user.entity';

/** Annual value per member reached, in cents: $0.06 to $0.14 a member a year. */
const CENTS_PER_MEMBER_YEAR = [6, 8, 10, 12, 14];

interface Plan {
  account: Account;
  type: ContractType;
  status: ContractStatus;
  startDate: string;
  endDate: string;
  valueCents: number;
  renewalOf?: Plan;
  terminationReason?: string;
  saved?: Contract;
}

/**
 * Three years of contracts for every account, dated around the day the seed runs so the renewal
 * pipeline always has work in it: masters renewed or about to renew (some within 90 days, some
 * already RENEWED into a second term), statements of work for strategic accounts, expired ones for
 * churned accounts, one terminated, and a few drafts and pending approvals for the queue.
 */
export async function seedContracts(em: EntityManager, random: () => number, today = todayUtc()): Promise<number> {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const accounts = await em.find(Account, { order: { id: 'ASC' } });
  const users = await em.find(User);
  const approver = users.find((u) => u.role === Role.EXECUTIVE)!;
  const plans: Plan[] = [];

  for (const [index, account] of accounts.entries()) {
    const annual = Math.max(
      2_500_000,
      Math.round((account.membersReached * pick(CENTS_PER_MEMBER_YEAR)) / 1000) * 1000,
    );
    // Masters start so that their two-year term ends from ~11 months ago to ~14 months ahead.
    const start = addDays(today, -730 + Math.floor(random() * 760) - 330);
    const end = addDays(start, 729);
    const master: Plan = {
      account,
      type: ContractType.MASTER_SERVICES,
      status: ContractStatus.ACTIVE,
      startDate: start,
      endDate: end,
      valueCents: annual * 2,
    };
    plans.push(master);
    if (end < today) {
      if (account.status === AccountStatus.CHURNED || index % 23 === 7) {
        master.status = ContractStatus.EXPIRED;
      } else {
        master.status = ContractStatus.RENEWED;
        const renewalStart = addDays(end, 1);
        plans.push({
          account,
          type: ContractType.RENEWAL,
          status: ContractStatus.ACTIVE,
          startDate: renewalStart,
          endDate: addDays(renewalStart, 729),
          valueCents: Math.round((master.valueCents * 1.05) / 100) * 100,
          renewalOf: master,
        });
      }
    }
    if (account.tier === AccountTier.STRATEGIC) {
      const sowStart = addDays(today, -Math.floor(random() * 300));
      plans.push({
        account,
        type: ContractType.STATEMENT_OF_WORK,
        status: ContractStatus.ACTIVE,
        startDate: sowStart,
        endDate: addDays(sowStart, 364),
        valueCents: Math.round(annual * 0.3),
      });
    }
  }

  // One terminated, and a few in the approval flow for the queue demo.
  const activeMasters = plans.filter(
    (p) => p.type === ContractType.MASTER_SERVICES && p.status === ContractStatus.ACTIVE,
  );
  Object.assign(activeMasters[3], {
    status: ContractStatus.TERMINATED,
    terminationReason: 'Client consolidated vendors after its merger; terminated by mutual agreement.',
  });
  for (const [i, account] of accounts
    .filter((a) => a.tier !== AccountTier.STRATEGIC)
    .slice(0, 6)
    .entries()) {
    const start = addDays(today, 30 + i * 7);
    plans.push({
      account,
      type: ContractType.STATEMENT_OF_WORK,
      status: i < 4 ? ContractStatus.PENDING_APPROVAL : ContractStatus.DRAFT,
      startDate: start,
      endDate: addDays(start, 364),
      valueCents: [1_500_000, 4_800_000, 12_000_000, 30_000_000, 2_000_000, 6_000_000][i],
    });
  }

  const counters = new Map<string, number>();
  for (const plan of [...plans].sort((a, b) => a.startDate.localeCompare(b.startDate))) {
    const year = plan.startDate.slice(0, 4);
    const next = (counters.get(year) ?? 0) + 1;
    counters.set(year, next);
    const owner = plan.account.ownerId!;
    const product =
      plan.type === ContractType.STATEMENT_OF_WORK
        ? 'provider transparency rollout'
        : 'member cost-transparency platform';
    const createdAt = new Date(`${addDays(plan.startDate, -45)}T17:00:00.000Z`);
    const approved = plan.status !== ContractStatus.DRAFT && plan.status !== ContractStatus.PENDING_APPROVAL;
    const noticePeriodDays = pick([60, 90, 90, 120]);
    plan.saved = await em.save(
      em.create(Contract, {
        accountId: plan.account.id,
        number: `C-${year}-${String(next).padStart(4, '0')}`,
        title: `${plan.account.name}: ${product} ${plan.startDate.slice(0, 4)}-${plan.endDate.slice(0, 4)}`.slice(
          0,
          200,
        ),
        type: plan.type,
        status: plan.status,
        startDate: plan.startDate,
        endDate: plan.endDate,
        signedAt: approved ? new Date(`${addDays(plan.startDate, -10)}T18:00:00.000Z`) : null,
        noticePeriodDays,
        noticeDeadline: addDays(plan.endDate, -noticePeriodDays),
        autoRenew: random() < 0.4,
        valueCents: plan.valueCents,
        currency: 'USD',
        ownerId: owner,
        renewalOfId: plan.renewalOf?.saved?.id ?? null,
        createdById: owner,
        submittedById: plan.status === ContractStatus.DRAFT ? null : owner,
        approvedById: approved ? approver.id : null,
        approvedAt: approved ? new Date(createdAt.getTime() + 3 * 86_400_000) : null,
        terminationDate: plan.terminationReason ? addDays(today, -20) : null,
        terminationReason: plan.terminationReason ?? null,
        createdAt,
        updatedAt: createdAt,
        version: 1,
      }),
    );
  }

  // The approval trail that these states imply: one request per submission, one decision per approval.
  for (const plan of plans) {
    const contract = plan.saved!;
    if (contract.status === ContractStatus.DRAFT) continue;
    const requestedAt = new Date(contract.createdAt.getTime() + 86_400_000);
    const pending = contract.status === ContractStatus.PENDING_APPROVAL;
    const request = await em.save(
      em.create(ApprovalRequest, {
        subjectType: ApprovalSubjectType.CONTRACT,
        subjectId: contract.id,
        accountId: contract.accountId,
        amountCents: contract.valueCents,
        currency: contract.currency,
        requestedById: contract.ownerId,
        createdById: contract.createdById,
        requestedAt,
        status: pending ? ApprovalRequestStatus.PENDING : ApprovalRequestStatus.APPROVED,
        createdAt: requestedAt,
        updatedAt: requestedAt,
        version: 1,
      }),
    );
    if (pending) continue;
    await em.insert(ApprovalDecision, {
      subjectType: ApprovalSubjectType.CONTRACT,
      subjectId: contract.id,
      requestId: request.id,
      decision: ApprovalDecisionKind.APPROVED,
      actorId: approver.id,
      note: 'Terms and pricing as negotiated.',
      amountCents: contract.valueCents,
      currency: contract.currency,
      decidedAt: contract.approvedAt!,
      createdAt: contract.approvedAt!,
      updatedAt: contract.approvedAt!,
      version: 1,
    });
  }

  const now = new Date();
  for (const [year, lastValue] of counters) {
    await em.insert(NumberSequence, {
      name: `contract-${year}`,
      lastValue,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
  }
  return plans.length;
}

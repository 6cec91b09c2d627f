import { NumberSequence } from '../common/sequence.entity';
import { Account } from '../modules/account/account.entity';
import { ApprovalDecision, ApprovalRequest } from '../modules/approval/approval.entity';
import { ChangeOrder } from '../modules/change-order/change-order.entity';
import { Contract } from '../modules/contract/contract.entity';
import { IdempotencyKey } from '../modules/idempotency/idempotency-key.entity';
import { Invoice, InvoiceLine, Payment } from '../modules/invoice/invoice.entity';
import { AuditEvent } from '../modules/audit/audit-event.entity';
import { Contact } from '../modules/contact/contact.entity';
import { ClientIssue, ClientIssueEvent } from '../modules/client-issue/client-issue.entity';
import { AccountTeamMember } from '../modules/team/team-member.entity';
import { Notification, OutboxEvent } from '../modules/notification/notification.entity';
import { Milestone, Project, ProjectCost, ProjectMember, StatusUpdate } from '../modules/project/project.entity';
import { User } from '../modules/user/user.entity';

/** Every entity, for the data source and the schema. */
export const entities = [
  User,
  Account,
  Contact,
  AccountTeamMember,
  AuditEvent,
  NumberSequence,
  Contract,
  ApprovalRequest,
  ApprovalDecision,
  IdempotencyKey,
  ChangeOrder,
  Invoice,
  InvoiceLine,
  Payment,
  Notification,
  OutboxEvent,
  Project,
  ProjectMember,
  ProjectCost,
  StatusUpdate,
  Milestone,
  ClientIssue,
  ClientIssueEvent,
];

import { createUnionType, Field, ObjectType, registerEnumType } from 'type-graphql';
import { ChangeOrder } from '../change-order/change-order.entity';
import { ClientIssue } from '../client-issue/client-issue.entity';
import { Contract } from '../contract/contract.entity';
import { Invoice } from '../invoice/invoice.entity';
import { StatusUpdate } from '../project/project.entity';
import { Communication } from './communication.entity';

export enum TimelineKind {
  COMMUNICATION = 'COMMUNICATION',
  STATUS_UPDATE = 'STATUS_UPDATE',
  ISSUE_OPENED = 'ISSUE_OPENED',
  ISSUE_RESOLVED = 'ISSUE_RESOLVED',
  APPROVAL_DECISION = 'APPROVAL_DECISION',
  CONTRACT_SIGNED = 'CONTRACT_SIGNED',
  CONTRACT_ACTIVATED = 'CONTRACT_ACTIVATED',
  CONTRACT_RENEWED = 'CONTRACT_RENEWED',
  CONTRACT_TERMINATED = 'CONTRACT_TERMINATED',
}

registerEnumType(TimelineKind, {
  name: 'TimelineKind',
  description: "What happened in an entry of an account's timeline.",
  valuesConfig: {
    COMMUNICATION: { description: 'A meeting, call, email or presentation was held (subject: the Communication).' },
    STATUS_UPDATE: {
      description:
        'A project status update was posted; one replaced by a correction is left out (subject: the StatusUpdate).',
    },
    ISSUE_OPENED: { description: 'A client issue was reported (subject: the ClientIssue).' },
    ISSUE_RESOLVED: {
      description:
        'A client issue was resolved; each time, if it was reopened and resolved again (subject: the ClientIssue).',
    },
    APPROVAL_DECISION: {
      description: 'A contract, change order or invoice was approved or rejected (subject: the item decided on).',
    },
    CONTRACT_SIGNED: { description: 'The client signed a contract (subject: the Contract).' },
    CONTRACT_ACTIVATED: { description: 'A new contract became ACTIVE on its approval (subject: the Contract).' },
    CONTRACT_RENEWED: {
      description: 'A renewal became ACTIVE on its approval, replacing the contract it renews (subject: the renewal).',
    },
    CONTRACT_TERMINATED: { description: 'A contract was terminated early (subject: the Contract).' },
  },
});

/** The record an entry of the timeline is about. */
export const TimelineSubjectUnion = createUnionType({
  name: 'TimelineSubject',
  description: "The record a timeline entry is about; its type follows the entry's kind.",
  types: () => [Communication, StatusUpdate, ClientIssue, Contract, ChangeOrder, Invoice] as const,
});

export type TimelineSubject = Communication | StatusUpdate | ClientIssue | Contract | ChangeOrder | Invoice;

/** One thing that happened on an account. */
@ObjectType({ description: "One thing that happened on an account, in the account's timeline." })
export class TimelineEntry {
  @Field(() => TimelineKind, { description: 'What happened.' })
  kind!: TimelineKind;

  @Field(() => Date, { description: 'When it happened (UTC).' })
  occurredAt!: Date;

  @Field(() => String, {
    description: 'A one-line headline: "QBR with the CFO", "Issue resolved: Eligibility file load failed".',
  })
  title!: string;

  @Field(() => String, {
    nullable: true,
    description: 'A short text (at most 280 characters) from the record, if it has one.',
  })
  summary!: string | null;

  /** Who did it, when the record says. */
  actorId!: number | null;

  /** The row the entry comes from: the tie-breaker of the cursor. */
  id!: number;

  /** The record it is about, read through the loaders. */
  subject!: TimelineSubject | null;
}

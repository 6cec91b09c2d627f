import { ArrayMaxSize, IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../../common/pagination';
import { payloadType } from '../../common/payload';
import { IsName } from '../../common/validation';
import {
  ClientIssue,
  ClientIssueCategory,
  ClientIssueSeverity,
  ClientIssueStatus,
  SlaStatus,
} from './client-issue.entity';
import { ExpectedVersion, UPDATED_AT_ORDER, UpdatedSince } from '../../common/inputs';

/** How long after the client reported an issue staff may still record it (a call logged late). */
export const MAX_REPORT_DELAY_DAYS = 30;
/** The most breached issues one sweep escalates. */
export const MAX_SWEEP = 500;

@InputType({
  description:
    'A new client issue. It starts OPEN with its SLA clock running from `reportedAt`; a CRITICAL TECHNICAL one is escalated to the IT Director at once.',
})
export class ReportClientIssueInput {
  @Field(() => ID, { description: 'The client account.' })
  @MaxLength(200)
  accountId!: string;

  @Field(() => String, { description: 'A short summary (1 to 200 characters).' })
  @IsName()
  title!: string;

  @Field(() => String, { description: 'What the client reported (1 to 4,000 characters).' })
  @IsName(4000)
  description!: string;

  @Field(() => ClientIssueSeverity, { description: 'How bad it is; sets the SLA deadlines.' })
  severity!: ClientIssueSeverity;

  @Field(() => ClientIssueCategory, { description: 'What area it is about.' })
  category!: ClientIssueCategory;

  @Field(() => ID, {
    nullable: true,
    description: 'The contact at the account who reported it; when omitted, you are recorded as the reporter.',
  })
  @IsOptional()
  @MaxLength(200)
  reportedByContactId?: string | null;

  @Field(() => Date, {
    nullable: true,
    description: `When the client reported it, if earlier than now (at most ${MAX_REPORT_DELAY_DAYS} days ago); now when omitted. The SLA clock starts here.`,
  })
  @IsOptional()
  reportedAt?: Date | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Who should work it: active staff who may change the account, or the IT Director. They are notified.',
  })
  @IsOptional()
  @MaxLength(200)
  assigneeId?: string | null;
}

/**
 * The issue a step is about, and optionally the version the client last read of it (registered so
 * its fields are inherited; never in the schema itself). Updates override the version as required.
 */
@InputType('ClientIssueRefInput', { description: 'Names a client issue.' })
abstract class ClientIssueRefInput {
  @Field(() => ID, { description: 'The client issue.' })
  @MaxLength(200)
  id!: string;

  @ExpectedVersion()
  expectedVersion?: number | null;
}

@InputType({
  description: "Changes to an open issue's description or classification; omitted fields stay as they are.",
})
export class UpdateClientIssueInput extends ClientIssueRefInput {
  @ExpectedVersion({ required: true })
  override expectedVersion!: number;

  @Field(() => String, { nullable: true, description: 'New summary.' })
  @IsOptional()
  @IsName()
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'New description.' })
  @IsOptional()
  @IsName(4000)
  description?: string | null;

  @Field(() => ClientIssueSeverity, {
    nullable: true,
    description: 'New severity: both SLA deadlines are recomputed from `reportedAt`.',
  })
  @IsOptional()
  severity?: ClientIssueSeverity | null;

  @Field(() => ClientIssueCategory, { nullable: true, description: 'New category.' })
  @IsOptional()
  category?: ClientIssueCategory | null;
}

@InputType({ description: 'Records the first response to the client.' })
export class RespondToClientIssueInput extends ClientIssueRefInput {
  @Field(() => String, { description: 'What was said to the client (1 to 4,000 characters); it goes on the timeline.' })
  @IsName(4000)
  message!: string;
}

@InputType({ description: 'Gives an open issue to someone to work.' })
export class AssignClientIssueInput extends ClientIssueRefInput {
  @Field(() => ID, { description: 'The new assignee: active staff who may change the account, or the IT Director.' })
  @MaxLength(200)
  assigneeId!: string;
}

@InputType({ description: 'Escalates an OPEN or IN_PROGRESS issue to the IT Director.' })
export class EscalateClientIssueInput extends ClientIssueRefInput {
  @Field(() => String, { description: 'Why it needs the IT Director (1 to 2,000 characters).' })
  @IsName(2000)
  reason!: string;
}

@InputType({ description: 'Resolves an open issue.' })
export class ResolveClientIssueInput extends ClientIssueRefInput {
  @Field(() => String, { description: 'How it was resolved (1 to 2,000 characters).' })
  @IsName(2000)
  resolution!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'How the conflict with the client was settled: required for a RELATIONSHIP issue (1 to 2,000 characters).',
  })
  @IsOptional()
  @MaxLength(2000)
  conflictResolutionNote?: string | null;
}

@InputType({
  description:
    'Reopens a RESOLVED issue: it goes back to IN_PROGRESS and its resolution clock runs again from the original deadline.',
})
export class ReopenClientIssueInput extends ClientIssueRefInput {
  @Field(() => String, { description: 'Why the resolution did not hold (1 to 2,000 characters).' })
  @IsName(2000)
  reason!: string;
}

@InputType({ description: 'Closes a RESOLVED issue for good.' })
export class CloseClientIssueInput extends ClientIssueRefInput {
  @Field(() => String, { nullable: true, description: 'A closing note for the timeline.' })
  @IsOptional()
  @MaxLength(2000)
  note?: string | null;
}

@InputType({ description: "Adds a comment to an issue's timeline." })
export class CommentOnClientIssueInput extends ClientIssueRefInput {
  @Field(() => String, { description: 'The comment (1 to 4,000 characters).' })
  @IsName(4000)
  body!: string;
}

@InputType({ description: 'Escalates every breached HIGH or CRITICAL issue that is still OPEN or IN_PROGRESS.' })
export class EscalateBreachedClientIssuesInput {
  @Field(() => Int, {
    nullable: true,
    description: `The most to escalate in this call (1 to ${MAX_SWEEP}); ${MAX_SWEEP} when omitted. Call again while \`hasMore\`.`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_SWEEP)
  limit?: number | null;
}

export enum ClientIssueOrderField {
  REPORTED_AT = 'REPORTED_AT',
  SEVERITY = 'SEVERITY',
  RESOLUTION_DUE_AT = 'RESOLUTION_DUE_AT',
  UPDATED_AT = 'UPDATED_AT',
}

registerEnumType(ClientIssueOrderField, {
  name: 'ClientIssueOrderField',
  description: 'What to sort client issues by.',
  valuesConfig: {
    REPORTED_AT: { description: 'When the client reported it.' },
    SEVERITY: { description: 'Severity, LOW to CRITICAL ascending: DESC puts CRITICAL first.' },
    RESOLUTION_DUE_AT: { description: 'When the resolution is due: ASC puts the most urgent first.' },
    UPDATED_AT: UPDATED_AT_ORDER,
  },
});

@InputType({ description: 'How to sort client issues; ties break on id.' })
export class ClientIssueOrder {
  @Field(() => ClientIssueOrderField, { description: 'What to sort by.' })
  field!: ClientIssueOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Ascending or descending.' })
  direction: OrderDirection = OrderDirection.ASC;
}

@InputType({ description: 'Narrows a list of client issues; all given conditions must hold.' })
export class ClientIssueFilter {
  @Field(() => ID, { nullable: true, description: 'Issues of this account.' })
  @IsOptional()
  @MaxLength(200)
  accountId?: string | null;

  @Field(() => [ClientIssueSeverity], { nullable: true, description: 'Any of these severities.' })
  @IsOptional()
  @ArrayMaxSize(4)
  severity?: ClientIssueSeverity[] | null;

  @Field(() => [ClientIssueStatus], { nullable: true, description: 'Any of these statuses.' })
  @IsOptional()
  @ArrayMaxSize(5)
  status?: ClientIssueStatus[] | null;

  @Field(() => [ClientIssueCategory], { nullable: true, description: 'Any of these categories.' })
  @IsOptional()
  @ArrayMaxSize(4)
  category?: ClientIssueCategory[] | null;

  @Field(() => [SlaStatus], { nullable: true, description: 'Any of these SLA statuses, as of now (see `slaStatus`).' })
  @IsOptional()
  @ArrayMaxSize(3)
  slaStatus?: SlaStatus[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'True: only issues that have been escalated (even if since resolved); false: only those never escalated.',
  })
  @IsOptional()
  escalated?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Assigned to this member of staff.' })
  @IsOptional()
  @MaxLength(200)
  assigneeId?: string | null;

  @UpdatedSince()
  updatedSince?: Date | null;
}

export const ReportClientIssuePayload = payloadType(
  'reportClientIssue',
  'clientIssue',
  ClientIssue,
  'The new issue: OPEN, or ESCALATED when it was CRITICAL TECHNICAL or already breached.',
);
export const UpdateClientIssuePayload = payloadType(
  'updateClientIssue',
  'clientIssue',
  ClientIssue,
  'The issue as it is now, with recomputed deadlines after a severity change.',
);
export const RespondToClientIssuePayload = payloadType(
  'respondToClientIssue',
  'clientIssue',
  ClientIssue,
  'The issue with its first response recorded.',
);
export const AssignClientIssuePayload = payloadType(
  'assignClientIssue',
  'clientIssue',
  ClientIssue,
  'The issue with its new assignee.',
);
export const EscalateClientIssuePayload = payloadType(
  'escalateClientIssue',
  'clientIssue',
  ClientIssue,
  'The issue, now ESCALATED and assigned to the IT Director.',
);
export const ResolveClientIssuePayload = payloadType(
  'resolveClientIssue',
  'clientIssue',
  ClientIssue,
  'The issue, now RESOLVED.',
);
export const ReopenClientIssuePayload = payloadType(
  'reopenClientIssue',
  'clientIssue',
  ClientIssue,
  'The issue, back IN_PROGRESS.',
);
export const CloseClientIssuePayload = payloadType(
  'closeClientIssue',
  'clientIssue',
  ClientIssue,
  'The issue, now CLOSED.',
);

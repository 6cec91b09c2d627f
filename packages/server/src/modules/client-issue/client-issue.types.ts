import { Field, Int, ObjectType } from 'type-graphql';
import { ClientIssue, ClientIssueEvent } from './client-issue.entity';

@ObjectType({ description: 'The result of commentOnClientIssue.' })
export class CommentOnClientIssuePayload {
  @Field(() => ClientIssue, { description: 'The issue commented on.' })
  clientIssue!: ClientIssue;

  @Field(() => ClientIssueEvent, { description: 'The comment, as a timeline entry.' })
  event!: ClientIssueEvent;
}

@ObjectType({ description: 'The result of escalateBreachedClientIssues.' })
export class EscalateBreachedClientIssuesPayload {
  @Field(() => [ClientIssue], { description: 'The issues escalated by this call, oldest first.' })
  escalated!: ClientIssue[];

  @Field(() => Int, { description: 'How many were escalated.' })
  escalatedCount!: number;

  @Field(() => Boolean, { description: 'True when more breached issues wait than `limit` allowed: call again.' })
  hasMore!: boolean;
}

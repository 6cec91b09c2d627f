import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context';
import { tryDecodeGlobalId } from '../../common/global-id';
import { connectionType, PageArgs, type Connection } from '../../common/pagination';
import { Account } from '../account/account.entity';
import { Contact } from '../contact/contact.entity';
import { User } from '../user/user.entity';
import { ClientIssue, ClientIssueEvent } from './client-issue.entity';
import {
  AssignClientIssueInput,
  AssignClientIssuePayload,
  ClientIssueFilter,
  ClientIssueOrder,
  CloseClientIssueInput,
  CloseClientIssuePayload,
  CommentOnClientIssueInput,
  EscalateBreachedClientIssuesInput,
  EscalateClientIssueInput,
  EscalateClientIssuePayload,
  ReopenClientIssueInput,
  ReopenClientIssuePayload,
  ReportClientIssueInput,
  ReportClientIssuePayload,
  ResolveClientIssueInput,
  ResolveClientIssuePayload,
  RespondToClientIssueInput,
  RespondToClientIssuePayload,
  UpdateClientIssueInput,
  UpdateClientIssuePayload,
} from './client-issue.inputs';
import { CommentOnClientIssuePayload, EscalateBreachedClientIssuesPayload } from './client-issue.types';
import { ClientIssueEscalationService } from './client-issue-escalation.service';
import { ClientIssueService } from './client-issue.service';

export const ClientIssueConnection = connectionType(ClientIssue);
export const ClientIssueEventConnection = connectionType(ClientIssueEvent);

const RESOLVERS_RULE =
  "its assignee, the account's owner and the owner's senior account manager, executives and admins, and the IT Director once it has been escalated";
const WORKERS_RULE =
  "The account's owner, team, their senior account managers, executives and admins, and the IT Director on a CRITICAL or escalated issue";
const BREACH_RULE =
  'A HIGH or CRITICAL issue whose SLA is breached is escalated to the IT Director first, in the same transaction.';

@Resolver(() => ClientIssue)
export class ClientIssueResolver {
  @Query(() => ClientIssue, {
    nullable: true,
    description: 'One client issue by id; null when it does not exist or its account is outside your portfolio.',
  })
  clientIssue(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: "The issue's global id." }) id: string,
  ): Promise<ClientIssue | null> | null {
    const decoded = tryDecodeGlobalId(id);
    return decoded?.typeName === 'ClientIssue' ? ctx.loaders.clientIssueById.load(decoded.rowId) : null;
  }

  @Query(() => ClientIssueConnection, {
    description:
      'Client issues of the accounts you may see, filtered and sorted (latest reported first when no order is given). The IT Director reads every account, ' +
      'so sees every ESCALATED or CRITICAL issue anywhere. Reading never escalates: breached issues ' +
      'are escalated by writes and by `escalateBreachedClientIssues`.',
  })
  clientIssues(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ClientIssueFilter, { nullable: true, description: 'Conditions the issues must meet.' })
    filter?: ClientIssueFilter,
    @Arg('orderBy', () => ClientIssueOrder, { nullable: true, description: 'Sort order.' }) orderBy?: ClientIssueOrder,
  ): Promise<Connection<ClientIssue>> {
    return ClientIssueService.list(ctx, page, filter, orderBy);
  }

  @Mutation(() => ReportClientIssuePayload, {
    description:
      'Records a client issue, OPEN, with its SLA deadlines. Anyone who may change the account, and the IT Director. ' +
      'A CRITICAL TECHNICAL issue is escalated to the IT Director (assigned and notified) in the same transaction.',
  })
  async reportClientIssue(
    @Ctx() ctx: Context,
    @Arg('input', () => ReportClientIssueInput, { description: 'The account, the issue and who reported it.' })
    input: ReportClientIssueInput,
  ) {
    return { clientIssue: await ClientIssueService.report(ctx, input) };
  }

  @Mutation(() => UpdateClientIssuePayload, {
    description:
      `Changes an open issue's title, description, severity (deadlines recomputed from reportedAt) or ` +
      `category, if nobody changed it since \`expectedVersion\`. ${WORKERS_RULE}. ${BREACH_RULE}`,
  })
  async updateClientIssue(
    @Ctx() ctx: Context,
    @Arg('input', () => UpdateClientIssueInput, { description: 'The changes.' }) input: UpdateClientIssueInput,
  ) {
    return { clientIssue: await ClientIssueService.update(ctx, input) };
  }

  @Mutation(() => RespondToClientIssuePayload, {
    description: `Records the first response to the client (once: a second call gets CONFLICT); OPEN becomes IN_PROGRESS. ${WORKERS_RULE}. ${BREACH_RULE}`,
  })
  async respondToClientIssue(
    @Ctx() ctx: Context,
    @Arg('input', () => RespondToClientIssueInput, { description: 'The issue and what was said.' })
    input: RespondToClientIssueInput,
  ) {
    return { clientIssue: await ClientIssueService.respond(ctx, input) };
  }

  @Mutation(() => AssignClientIssuePayload, {
    description: `Assigns an open issue to active staff who may change the account (or the IT Director); they are notified. ${WORKERS_RULE}. ${BREACH_RULE}`,
  })
  async assignClientIssue(
    @Ctx() ctx: Context,
    @Arg('input', () => AssignClientIssueInput, { description: 'The issue and the assignee.' })
    input: AssignClientIssueInput,
  ) {
    return { clientIssue: await ClientIssueService.assign(ctx, input) };
  }

  @Mutation(() => EscalateClientIssuePayload, {
    description:
      'Escalates an OPEN or IN_PROGRESS issue to the IT Director with a reason: it becomes ESCALATED, ' +
      'is assigned to the IT Director (the active one, the first by id if several), ' +
      "and they are notified, all in one transaction. The account's owner, team, their senior account managers, executives, admins, and the IT Director.",
  })
  async escalateClientIssue(
    @Ctx() ctx: Context,
    @Arg('input', () => EscalateClientIssueInput, { description: 'The issue and the reason.' })
    input: EscalateClientIssueInput,
  ) {
    return { clientIssue: await ClientIssueEscalationService.escalate(ctx, input) };
  }

  @Mutation(() => ResolveClientIssuePayload, {
    description:
      `Resolves an open issue with a resolution; a RELATIONSHIP issue also needs a conflict resolution ` +
      `note. Allowed for ${RESOLVERS_RULE}. Resolving ends the clock and never escalates.`,
  })
  async resolveClientIssue(
    @Ctx() ctx: Context,
    @Arg('input', () => ResolveClientIssueInput, { description: 'The issue and its resolution.' })
    input: ResolveClientIssueInput,
  ) {
    return { clientIssue: await ClientIssueService.resolve(ctx, input) };
  }

  @Mutation(() => ReopenClientIssuePayload, {
    description: `Reopens a RESOLVED issue to IN_PROGRESS with a reason; a CLOSED issue cannot be reopened (CONFLICT). ${WORKERS_RULE}.`,
  })
  async reopenClientIssue(
    @Ctx() ctx: Context,
    @Arg('input', () => ReopenClientIssueInput, { description: 'The issue and the reason.' })
    input: ReopenClientIssueInput,
  ) {
    return { clientIssue: await ClientIssueService.reopen(ctx, input) };
  }

  @Mutation(() => CloseClientIssuePayload, {
    description: `Closes a RESOLVED issue for good. Allowed for ${RESOLVERS_RULE}.`,
  })
  async closeClientIssue(
    @Ctx() ctx: Context,
    @Arg('input', () => CloseClientIssueInput, { description: 'The issue and an optional note.' })
    input: CloseClientIssueInput,
  ) {
    return { clientIssue: await ClientIssueService.close(ctx, input) };
  }

  @Mutation(() => CommentOnClientIssuePayload, {
    description: `Adds a comment to an issue's timeline. ${WORKERS_RULE}. ${BREACH_RULE}`,
  })
  commentOnClientIssue(
    @Ctx() ctx: Context,
    @Arg('input', () => CommentOnClientIssueInput, { description: 'The issue and the comment.' })
    input: CommentOnClientIssueInput,
  ): Promise<CommentOnClientIssuePayload> {
    return ClientIssueService.comment(ctx, input);
  }

  @Mutation(() => EscalateBreachedClientIssuesPayload, {
    description:
      'The breach sweep: escalates to the IT Director every HIGH or CRITICAL issue still OPEN or ' +
      'IN_PROGRESS whose SLA is BREACHED (each notified and audited), ' +
      'since reads never write. Run it on a schedule. Admins, executives and the IT Director.',
  })
  escalateBreachedClientIssues(
    @Ctx() ctx: Context,
    @Arg('input', () => EscalateBreachedClientIssuesInput, { description: 'How many at most.' })
    input: EscalateBreachedClientIssuesInput,
  ): Promise<EscalateBreachedClientIssuesPayload> {
    return ClientIssueEscalationService.escalateBreached(ctx, input);
  }

  @FieldResolver(() => Account, { description: 'The client account.' })
  async account(@Root() issue: ClientIssue, @Ctx() ctx: Context): Promise<Account> {
    return (await ctx.loaders.accountById.load(issue.accountId)) as Account;
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who works it; null while unassigned.' })
  assignee(@Root() issue: ClientIssue, @Ctx() ctx: Context): Promise<User | null> | null {
    return issue.assigneeId === null ? null : ctx.loaders.userById.load(issue.assigneeId);
  }

  @FieldResolver(() => Contact, {
    nullable: true,
    description:
      'The contact at the account who reported it; null when staff reported it (see `reportedByUser`) or the contact was deleted.',
  })
  reportedByContact(@Root() issue: ClientIssue, @Ctx() ctx: Context): Promise<Contact | null> | null {
    return issue.reportedByContactId === null ? null : ctx.loaders.contactById.load(issue.reportedByContactId);
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: 'The member of staff who reported it; null when a contact did (see `reportedByContact`).',
  })
  reportedByUser(@Root() issue: ClientIssue, @Ctx() ctx: Context): Promise<User | null> | null {
    return issue.reportedByUserId === null ? null : ctx.loaders.userById.load(issue.reportedByUserId);
  }

  @FieldResolver(() => ClientIssueEventConnection, {
    description:
      'What happened to it, oldest first: report, responses, assignments, escalations, comments, status changes.',
  })
  timeline(
    @Root() issue: ClientIssue,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<Connection<ClientIssueEvent>> {
    return ctx.loaders.clientIssueTimeline.page(issue.id, page);
  }
}

@Resolver(() => ClientIssueEvent)
export class ClientIssueEventResolver {
  @FieldResolver(() => ClientIssue, { description: 'The issue this entry belongs to.' })
  async issue(@Root() event: ClientIssueEvent, @Ctx() ctx: Context): Promise<ClientIssue> {
    return (await ctx.loaders.clientIssueById.load(event.issueId)) as ClientIssue;
  }

  @FieldResolver(() => User, { description: 'Who did it.' })
  async actor(@Root() event: ClientIssueEvent, @Ctx() ctx: Context): Promise<User> {
    return (await ctx.loaders.userById.load(event.actorId)) as User;
  }
}

/** An account's open client issues. */
@Resolver(() => Account)
export class AccountClientIssuesResolver {
  @FieldResolver(() => ClientIssueConnection, {
    description: "The account's client issues not yet RESOLVED or CLOSED, soonest resolution deadline first.",
  })
  openIssues(
    @Root() account: Account,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<Connection<ClientIssue>> {
    return ctx.loaders.accountOpenIssues.page(account.id, page);
  }
}

import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import type { Context } from '../../common/context';
import { todayUtc } from '../../common/dates';
import { tryDecodeGlobalId } from '../../common/global-id';
import { connectionType, PageArgs, type Connection } from '../../common/pagination';
import { Account } from '../account/account.entity';
import { Contact } from '../contact/contact.entity';
import { User } from '../user/user.entity';
import { CommunicationDocument, CommunicationParticipant } from './communication-part.entity';
import { Communication } from './communication.entity';
import {
  AddFollowUpInput,
  AddFollowUpPayload,
  CommunicationFilter,
  CommunicationOrder,
  CompleteFollowUpPayload,
  DeleteCommunicationInput,
  FollowUpStepInput,
  LogCommunicationInput,
  LogCommunicationPayload,
  ReopenFollowUpPayload,
  UpdateCommunicationInput,
  UpdateCommunicationPayload,
  UpdateFollowUpInput,
  UpdateFollowUpPayload,
} from './communication.inputs';
import { CommunicationService } from './communication.service';
import { DeleteCommunicationPayload } from './communication.types';
import { FollowUp } from './follow-up.entity';
import { FollowUpService } from './follow-up.service';
import { TimelineService } from './timeline.service';
import { TimelineEntry, TimelineKind, TimelineSubjectUnion, type TimelineSubject } from './timeline.types';

export const CommunicationConnection = connectionType(Communication);
export const CommunicationParticipantConnection = connectionType(CommunicationParticipant);
export const CommunicationDocumentConnection = connectionType(CommunicationDocument);
export const FollowUpConnection = connectionType(FollowUp);
export const TimelineEntryConnection = connectionType(TimelineEntry);

const WHO_LOGS = 'Those who may change the account, and the IT Director on any account; BI readers never write.';
const WHO_CHANGES = 'Whoever logged it (while they may still log on the account) and those who may change the account.';

@Resolver(() => Communication)
export class CommunicationResolver {
  @Query(() => Communication, {
    nullable: true,
    description: 'One communication by id; null when it does not exist or its account is outside what you may see.',
  })
  communication(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: "The communication's global id." }) id: string,
  ): Promise<Communication | null> | null {
    const decoded = tryDecodeGlobalId(id);
    return decoded?.typeName === 'Communication' ? ctx.loaders.communicationById.load(decoded.rowId) : null;
  }

  @Query(() => CommunicationConnection, {
    description:
      'Communications with the accounts you may see, filtered and sorted (latest first when no order is given).',
  })
  communications(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => CommunicationFilter, {
      nullable: true,
      description: 'Conditions the communications must meet.',
    })
    filter?: CommunicationFilter,
    @Arg('orderBy', () => CommunicationOrder, { nullable: true, description: 'Sort order; latest first when omitted.' })
    orderBy?: CommunicationOrder,
  ): Promise<Connection<Communication>> {
    return CommunicationService.list(ctx, page, filter, orderBy);
  }

  @Mutation(() => LogCommunicationPayload, {
    description:
      'Records a meeting, call, email or presentation with its participants (contacts of the account and our staff), ' +
      `document links and follow-ups, all in one transaction. ${WHO_LOGS}`,
  })
  async logCommunication(
    @Ctx() ctx: Context,
    @Arg('input', () => LogCommunicationInput, { description: 'The communication.' }) input: LogCommunicationInput,
  ) {
    return { communication: await CommunicationService.log(ctx, input) };
  }

  @Mutation(() => UpdateCommunicationPayload, {
    description: `Changes a communication if nobody changed it since \`expectedVersion\`. ${WHO_CHANGES}`,
  })
  async updateCommunication(
    @Ctx() ctx: Context,
    @Arg('input', () => UpdateCommunicationInput, { description: 'The changes.' }) input: UpdateCommunicationInput,
  ) {
    return { communication: await CommunicationService.update(ctx, input) };
  }

  @Mutation(() => DeleteCommunicationPayload, {
    description:
      'Removes a communication logged by mistake, with its participants, documents and follow-ups; `deletions` reports it. ' +
      WHO_CHANGES,
  })
  deleteCommunication(
    @Ctx() ctx: Context,
    @Arg('input', () => DeleteCommunicationInput, { description: 'The communication.' })
    input: DeleteCommunicationInput,
  ): Promise<DeleteCommunicationPayload> {
    return CommunicationService.delete(ctx, input);
  }

  @Mutation(() => AddFollowUpPayload, {
    description: `Adds a follow-up action to a communication. ${WHO_LOGS}`,
  })
  async addFollowUp(
    @Ctx() ctx: Context,
    @Arg('input', () => AddFollowUpInput, { description: 'The follow-up.' }) input: AddFollowUpInput,
  ) {
    return { followUp: await FollowUpService.add(ctx, input) };
  }

  @Mutation(() => UpdateFollowUpPayload, {
    description: `Changes a follow-up's description, owner or due date if nobody changed it since \`expectedVersion\`. ${WHO_LOGS}`,
  })
  async updateFollowUp(
    @Ctx() ctx: Context,
    @Arg('input', () => UpdateFollowUpInput, { description: 'The changes.' }) input: UpdateFollowUpInput,
  ) {
    return { followUp: await FollowUpService.update(ctx, input) };
  }

  @Mutation(() => CompleteFollowUpPayload, {
    description:
      'Marks an open follow-up done (CONFLICT when it is done already). Its owner and those who may change the account.',
  })
  async completeFollowUp(
    @Ctx() ctx: Context,
    @Arg('input', () => FollowUpStepInput, { description: 'The follow-up.' }) input: FollowUpStepInput,
  ) {
    return { followUp: await FollowUpService.complete(ctx, input) };
  }

  @Mutation(() => ReopenFollowUpPayload, {
    description:
      'Opens a done follow-up again (CONFLICT when it is open). Its owner and those who may change the account.',
  })
  async reopenFollowUp(
    @Ctx() ctx: Context,
    @Arg('input', () => FollowUpStepInput, { description: 'The follow-up.' }) input: FollowUpStepInput,
  ) {
    return { followUp: await FollowUpService.reopen(ctx, input) };
  }

  @FieldResolver(() => Account, { description: 'The client account.' })
  async account(@Root() communication: Communication, @Ctx() ctx: Context): Promise<Account> {
    return (await ctx.loaders.accountById.load(communication.accountId)) as Account;
  }

  @FieldResolver(() => User, { description: 'The member of staff who logged it.' })
  async loggedBy(@Root() communication: Communication, @Ctx() ctx: Context): Promise<User> {
    return (await ctx.loaders.userById.load(communication.loggedById)) as User;
  }

  @FieldResolver(() => CommunicationParticipantConnection, {
    description: 'Who took part: contacts of the account and our staff, in the order they were named.',
  })
  participants(
    @Root() communication: Communication,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<Connection<CommunicationParticipant>> {
    return ctx.loaders.communicationParticipants.page(communication.id, page);
  }

  @FieldResolver(() => CommunicationDocumentConnection, { description: 'Links to its documents.' })
  documents(
    @Root() communication: Communication,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<Connection<CommunicationDocument>> {
    return ctx.loaders.communicationDocuments.page(communication.id, page);
  }

  @FieldResolver(() => FollowUpConnection, { description: 'What was promised in it, soonest due first, done or not.' })
  followUps(
    @Root() communication: Communication,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<Connection<FollowUp>> {
    return ctx.loaders.communicationFollowUps.page(communication.id, page);
  }
}

@Resolver(() => CommunicationParticipant)
export class CommunicationParticipantResolver {
  @FieldResolver(() => Contact, {
    nullable: true,
    description: "The account's contact who took part; null for one of our staff (see `user`).",
  })
  contact(@Root() participant: CommunicationParticipant, @Ctx() ctx: Context): Promise<Contact | null> | null {
    return participant.contactId === null ? null : ctx.loaders.contactById.load(participant.contactId);
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: 'The member of our staff who took part; null for a contact (see `contact`).',
  })
  user(@Root() participant: CommunicationParticipant, @Ctx() ctx: Context): Promise<User | null> | null {
    return participant.userId === null ? null : ctx.loaders.userById.load(participant.userId);
  }
}

@Resolver(() => FollowUp)
export class FollowUpResolver {
  @FieldResolver(() => Boolean, { description: 'True once it is done.' })
  done(@Root() followUp: FollowUp): boolean {
    return followUp.doneAt !== null;
  }

  @FieldResolver(() => Boolean, { description: 'True while it is open and its due day (UTC) has passed.' })
  overdue(@Root() followUp: FollowUp): boolean {
    return followUp.doneAt === null && followUp.dueOn < todayUtc();
  }

  @FieldResolver(() => Communication, { description: 'The communication it was promised in.' })
  async communication(@Root() followUp: FollowUp, @Ctx() ctx: Context): Promise<Communication> {
    return (await ctx.loaders.communicationById.load(followUp.communicationId)) as Communication;
  }

  @FieldResolver(() => Account, { description: 'The client account.' })
  async account(@Root() followUp: FollowUp, @Ctx() ctx: Context): Promise<Account> {
    return (await ctx.loaders.accountById.load(followUp.accountId)) as Account;
  }

  @FieldResolver(() => User, { description: 'Who owns it.' })
  async owner(@Root() followUp: FollowUp, @Ctx() ctx: Context): Promise<User> {
    return (await ctx.loaders.userById.load(followUp.ownerId)) as User;
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who marked it done; null while open.' })
  doneBy(@Root() followUp: FollowUp, @Ctx() ctx: Context): Promise<User | null> | null {
    return followUp.doneById === null ? null : ctx.loaders.userById.load(followUp.doneById);
  }
}

@Resolver(() => TimelineEntry)
export class TimelineEntryResolver {
  @FieldResolver(() => User, { nullable: true, description: 'Who did it, when the record says.' })
  actor(@Root() entry: TimelineEntry, @Ctx() ctx: Context): Promise<User | null> | null {
    return entry.actorId === null ? null : ctx.loaders.userById.load(entry.actorId);
  }

  @FieldResolver(() => TimelineSubjectUnion, {
    nullable: true,
    description: 'The record it is about (see the kind for its type); null if you may no longer see it.',
  })
  subject(@Root() entry: TimelineEntry): TimelineSubject | null {
    return entry.subject;
  }
}

/** Communications, last contact and the timeline on an account. */
@Resolver(() => Account)
export class AccountCommunicationsResolver {
  @FieldResolver(() => CommunicationConnection, { description: "The account's communications, latest first." })
  communications(
    @Root() account: Account,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<Connection<Communication>> {
    return ctx.loaders.accountCommunications.page(account.id, page);
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: 'When we were last in touch: the time of its latest communication; null when none is logged.',
  })
  lastContactedAt(@Root() account: Account, @Ctx() ctx: Context): Promise<Date | null> {
    return ctx.loaders.accountLastContactedAt.load(account.id);
  }

  @FieldResolver(() => TimelineEntryConnection, {
    description:
      "The account's history as one stream, newest first: communications, project status updates, client issues " +
      'reported and resolved, approval decisions and contract events.',
  })
  timeline(
    @Root() account: Account,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('kinds', () => [TimelineKind], { nullable: true, description: 'Only these kinds; every kind when omitted.' })
    kinds?: TimelineKind[] | null,
  ): Promise<Connection<TimelineEntry>> {
    return TimelineService.page(ctx, account.id, page, kinds);
  }
}

/** The follow-ups someone owns, as `viewer { followUpsDue }` reads them. */
@Resolver(() => User)
export class UserFollowUpsResolver {
  @FieldResolver(() => FollowUpConnection, {
    description:
      'Open follow-ups this person owns on accounts you may see, due on or before `dueBy`, soonest due first ' +
      '(so overdue ones lead). On `viewer`: your own to-do list.',
  })
  followUpsDue(
    @Root() user: User,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('dueBy', () => GraphQLLocalDate, {
      nullable: true,
      description: 'The last due date to include; a week from today (UTC) when omitted.',
    })
    dueBy?: string | null,
  ): Promise<Connection<FollowUp>> {
    return ctx.loaders.dueFollowUps.page(user.id, dueBy ?? FollowUpService.defaultDueBy(), page);
  }
}

import type { SelectQueryBuilder } from 'typeorm';
import { stampNew } from '../../common/base.entity';
import { inTransaction, type Context } from '../../common/context';
import { ConflictError, ErrorReason, NotFoundError } from '../../common/errors';
import { decodeGlobalId } from '../../common/global-id';
import { UPDATED_AT_SORT, whereUpdatedSince } from '../../common/inputs';
import { OrderDirection, paginate, type Connection, type PageArgs, type SortOrder } from '../../common/pagination';
import { ACCOUNT_WRITERS, hasRole } from '../../common/policy';
import { cleanText } from '../../common/validation';
import { compareAndSwap } from '../../common/versioned';
import type { Account } from '../account/account.entity';
import { diffFields, recordAudit, recordDeletion } from '../audit/audit.service';
import { CommunicationDocument, CommunicationParticipant } from './communication-part.entity';
import { Communication } from './communication.entity';
import { CommunicationErrors } from './communication.errors';
import {
  CommunicationOrderField,
  type CommunicationFilter,
  type CommunicationOrder,
  type DeleteCommunicationInput,
  type DocumentLinkInput,
  type LogCommunicationInput,
  type UpdateCommunicationInput,
} from './communication.inputs';
import { FollowUpService } from './follow-up.service';
import { canLogOn, requireLoggableAccount, requireReadableCommunication } from './communication.access';

const DAY_MS = 86_400_000;
const EARLIEST = Date.UTC(2000, 0, 1);
const AUDITED_FIELDS = [
  'accountId',
  'type',
  'direction',
  'occurredAt',
  'subject',
  'summary',
  'contactIds',
  'staffIds',
  'documents',
] as const;

const SORTS: Record<CommunicationOrderField, Omit<SortOrder, 'direction'>> = {
  [CommunicationOrderField.OCCURRED_AT]: { key: 'occurredAt', property: 'occurredAt', kind: 'date' },
  [CommunicationOrderField.UPDATED_AT]: UPDATED_AT_SORT,
};

/** Who took part and which documents go with it, as the audit trail records them. */
interface Parts {
  contactIds: number[];
  staffIds: number[];
  documents: { title: string; url: string }[];
}

function snapshot(communication: Communication, parts: Parts): Record<string, unknown> {
  return {
    accountId: communication.accountId,
    type: communication.type,
    direction: communication.direction,
    occurredAt: communication.occurredAt,
    subject: communication.subject,
    summary: communication.summary,
    contactIds: parts.contactIds,
    staffIds: parts.staffIds,
    documents: parts.documents.map((document) => `${document.title} <${document.url}>`),
  };
}

/** A communication the viewer may change: whoever logged it (while they may still log on the account), and the account's writers. */
async function requireChangeableCommunication(ctx: Context, globalId: string, path: string): Promise<Communication> {
  const communication = await requireReadableCommunication(ctx, globalId, path);
  if (ctx.scope.neverWrites) throw CommunicationErrors.cannotChange(communication.subject);
  if (await ctx.scope.canWriteAccount(ctx.em, communication.accountId)) return communication;
  const account = (await ctx.loaders.accountById.load(communication.accountId)) as Account;
  if (communication.loggedById === ctx.viewer.id && (await canLogOn(ctx, account))) return communication;
  throw CommunicationErrors.cannotChange(communication.subject);
}

function checkOccurredAt(occurredAt: Date, path: string): void {
  if (occurredAt.getTime() > Date.now() + DAY_MS) throw CommunicationErrors.occurredInFuture(path);
  if (occurredAt.getTime() < EARLIEST) throw CommunicationErrors.occurredTooEarly(path);
}

/** Row ids of the named contacts, each a contact of `account`; duplicates are kept once. */
async function contactsOf(
  ctx: Context,
  account: Account,
  globalIds: readonly string[],
  path: string,
): Promise<number[]> {
  const ids = globalIds.map((id, index) => decodeGlobalId(id, 'Contact', `${path}.${index}`));
  const contacts = await Promise.all(ids.map((id) => ctx.loaders.contactById.load(id)));
  contacts.forEach((contact, index) => {
    if (!contact) throw new NotFoundError('Contact', globalIds[index]);
    if (contact.accountId !== account.id)
      throw CommunicationErrors.contactOfOtherAccount(`${path}.${index}`, contact.name, account.name);
  });
  return [...new Set(ids)];
}

/** Row ids of the named staff: anyone but BI readers (service accounts); former staff may appear on past meetings. */
async function staffOf(ctx: Context, globalIds: readonly string[], path: string): Promise<number[]> {
  const ids = globalIds.map((id, index) => decodeGlobalId(id, 'User', `${path}.${index}`));
  const users = await Promise.all(ids.map((id) => ctx.loaders.userById.load(id)));
  users.forEach((user, index) => {
    if (!user) throw new NotFoundError('User', globalIds[index]);
    if (!hasRole(ACCOUNT_WRITERS, user.role))
      throw CommunicationErrors.participantNotStaff(`${path}.${index}`, user.name);
  });
  return [...new Set(ids)];
}

function documentsOf(inputs: readonly DocumentLinkInput[]): { title: string; url: string }[] {
  return inputs.map((input) => ({ title: input.title.trim(), url: input.url.trim() }));
}

async function writeParts(ctx: Context, communication: Communication, parts: Parts): Promise<void> {
  const now = communication.updatedAt;
  const participants = [
    ...parts.contactIds.map((contactId) => ({ contactId, userId: null })),
    ...parts.staffIds.map((userId) => ({ contactId: null, userId })),
  ].map((row) => ({ ...stampNew(new CommunicationParticipant(), now), communicationId: communication.id, ...row }));
  if (participants.length > 0) await ctx.em.insert(CommunicationParticipant, participants);
  const documents = parts.documents.map((document) => ({
    ...stampNew(new CommunicationDocument(), now),
    communicationId: communication.id,
    ...document,
  }));
  if (documents.length > 0) await ctx.em.insert(CommunicationDocument, documents);
}

async function readParts(ctx: Context, communicationId: number): Promise<Parts> {
  const participants = await ctx.em.find(CommunicationParticipant, {
    where: { communicationId },
    order: { id: 'ASC' },
  });
  const documents = await ctx.em.find(CommunicationDocument, { where: { communicationId }, order: { id: 'ASC' } });
  return {
    contactIds: participants.flatMap((p) => (p.contactId === null ? [] : [p.contactId])),
    staffIds: participants.flatMap((p) => (p.userId === null ? [] : [p.userId])),
    documents: documents.map(({ title, url }) => ({ title, url })),
  };
}

/** Communications with clients: what was said, who was there, and what was promised. */
export const CommunicationService = {
  /** The communications the viewer may read that meet `filter`. */
  query(ctx: Context, filter: CommunicationFilter | null | undefined): SelectQueryBuilder<Communication> {
    const qb = ctx.em.createQueryBuilder(Communication, 'comm');
    ctx.scope.restrictByAccountId(qb, 'comm');
    if (filter?.accountId)
      qb.andWhere('comm.accountId = :accountId', {
        accountId: decodeGlobalId(filter.accountId, 'Account', 'filter.accountId'),
      });
    if (filter?.type?.length) qb.andWhere('comm.type IN (:...types)', { types: filter.type });
    if (filter?.direction) qb.andWhere('comm.direction = :direction', { direction: filter.direction });
    if (filter?.occurredFrom && filter.occurredTo && filter.occurredTo <= filter.occurredFrom)
      throw CommunicationErrors.rangeBackwards();
    if (filter?.occurredFrom) qb.andWhere('comm.occurredAt >= :occurredFrom', { occurredFrom: filter.occurredFrom });
    if (filter?.occurredTo) qb.andWhere('comm.occurredAt < :occurredTo', { occurredTo: filter.occurredTo });
    if (filter?.participantContactId)
      qb.andWhere(
        'EXISTS (SELECT 1 FROM communication_participant cp WHERE cp.communicationId = comm.id AND cp.contactId = :contactId)',
        { contactId: decodeGlobalId(filter.participantContactId, 'Contact', 'filter.participantContactId') },
      );
    whereUpdatedSince(qb, 'comm', filter?.updatedSince);
    return qb;
  },

  list(
    ctx: Context,
    args: PageArgs,
    filter: CommunicationFilter | null | undefined,
    orderBy: CommunicationOrder | null | undefined,
  ): Promise<Connection<Communication>> {
    const order: SortOrder = {
      ...SORTS[orderBy?.field ?? CommunicationOrderField.OCCURRED_AT],
      direction: orderBy?.direction ?? OrderDirection.DESC,
    };
    return paginate(this.query(ctx, filter), 'comm', order, args);
  },

  /** Records a communication with its participants, documents and follow-ups, all or nothing. */
  async log(ctx: Context, input: LogCommunicationInput): Promise<Communication> {
    checkOccurredAt(input.occurredAt, 'input.occurredAt');
    return inTransaction(ctx, async (tx) => {
      const account = await requireLoggableAccount(tx, input.accountId, 'input.accountId');
      const parts: Parts = {
        contactIds: await contactsOf(tx, account, input.contactIds ?? [], 'input.contactIds'),
        staffIds: await staffOf(tx, input.staffIds ?? [], 'input.staffIds'),
        documents: documentsOf(input.documents ?? []),
      };
      const communication = stampNew(new Communication());
      communication.accountId = account.id;
      communication.type = input.type;
      communication.direction = input.direction;
      communication.occurredAt = input.occurredAt;
      communication.subject = input.subject.trim();
      communication.summary = cleanText(input.summary) ?? null;
      communication.loggedById = tx.viewer.id;
      const saved = await tx.em.save(communication);
      await writeParts(tx, saved, parts);
      const followUps = await FollowUpService.createAll(tx, saved, input.followUps ?? [], 'input.followUps');
      const changes = diffFields(undefined, snapshot(saved, parts), AUDITED_FIELDS);
      if (followUps.length > 0)
        changes.followUps = { before: null, after: followUps.map((f) => `${f.description} (due ${f.dueOn})`) };
      await recordAudit(tx, 'logCommunication', saved, changes);
      return saved;
    });
  },

  /** Changes a communication if nobody changed it since `expectedVersion`; given lists replace the current ones. */
  async update(ctx: Context, input: UpdateCommunicationInput): Promise<Communication> {
    if (input.occurredAt) checkOccurredAt(input.occurredAt, 'input.occurredAt');
    return inTransaction(ctx, async (tx) => {
      const communication = await requireChangeableCommunication(tx, input.id, 'input.id');
      const account = (await tx.loaders.accountById.load(communication.accountId)) as Account;
      const partsBefore = await readParts(tx, communication.id);
      const before = snapshot(communication, partsBefore);
      if (input.type != null) communication.type = input.type;
      if (input.direction != null) communication.direction = input.direction;
      if (input.occurredAt != null) communication.occurredAt = input.occurredAt;
      if (input.subject != null) communication.subject = input.subject.trim();
      if (input.summary !== undefined) communication.summary = cleanText(input.summary) ?? null;
      const parts: Parts = {
        contactIds:
          input.contactIds == null
            ? partsBefore.contactIds
            : await contactsOf(tx, account, input.contactIds, 'input.contactIds'),
        staffIds: input.staffIds == null ? partsBefore.staffIds : await staffOf(tx, input.staffIds, 'input.staffIds'),
        documents: input.documents == null ? partsBefore.documents : documentsOf(input.documents),
      };
      const changes = diffFields(before, snapshot(communication, parts), AUDITED_FIELDS);
      const columns = Object.keys(changes).filter((field) => !['contactIds', 'staffIds', 'documents'].includes(field));
      // The version moves whatever changed, children included, so a stale edit of the lists is refused too.
      await compareAndSwap(tx, communication, input.expectedVersion, columns);
      if (changes.contactIds || changes.staffIds) {
        await tx.em.delete(CommunicationParticipant, { communicationId: communication.id });
      }
      if (changes.documents) await tx.em.delete(CommunicationDocument, { communicationId: communication.id });
      await writeParts(tx, communication, {
        contactIds: changes.contactIds || changes.staffIds ? parts.contactIds : [],
        staffIds: changes.contactIds || changes.staffIds ? parts.staffIds : [],
        documents: changes.documents ? parts.documents : [],
      });
      await recordAudit(tx, 'updateCommunication', communication, changes);
      return communication;
    });
  },

  /** Deletes a communication with its participants, documents and follow-ups; its tombstone feeds `deletions`. */
  async delete(
    ctx: Context,
    input: DeleteCommunicationInput,
  ): Promise<{ deletedCommunicationId: string; account: Account }> {
    return inTransaction(ctx, async (tx) => {
      const communication = await requireChangeableCommunication(tx, input.id, 'input.id');
      const account = (await tx.loaders.accountById.load(communication.accountId)) as Account;
      const before = snapshot(communication, await readParts(tx, communication.id));
      const result = await tx.em
        .createQueryBuilder()
        .delete()
        .from(Communication)
        .where('id = :id AND version = :version', {
          id: communication.id,
          version: input.expectedVersion ?? communication.version,
        })
        .execute();
      if (result.affected !== 1) {
        throw new ConflictError(
          ErrorReason.STALE_VERSION,
          `Communication "${communication.subject}" was changed by someone else since you read it. Reload it and decide again.`,
        );
      }
      await recordDeletion(tx, 'deleteCommunication', communication, diffFields(before, undefined, AUDITED_FIELDS));
      return { deletedCommunicationId: communication.globalId, account };
    });
  },
};

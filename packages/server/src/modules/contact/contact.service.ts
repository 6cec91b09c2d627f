import { inTransaction, type Context } from '../../common/context';
import { stampNew } from '../../common/base.entity';
import { ConflictError, ErrorReason, NotFoundError } from '../../common/errors';
import { decodeGlobalId } from '../../common/global-id';
import { cleanText } from '../../common/validation';
import { compareAndSwap } from '../../common/versioned';
import { requireWritableAccount } from '../account/account.service';
import type { Account } from '../account/account.entity';
import { diffFields, recordAudit, recordDeletion } from '../audit/audit.service';
import { Contact } from './contact.entity';
import type { CreateContactInput, DeleteContactInput, UpdateContactInput } from './contact.inputs';

const AUDITED_FIELDS = ['accountId', 'name', 'title', 'email', 'phone', 'roles', 'isPrimary'] as const;

function snapshot(contact: Contact): Record<string, unknown> {
  return Object.fromEntries(AUDITED_FIELDS.map((field) => [field, contact[field]]));
}

/** Contacts: the client-side people of an account. Writable by whoever may write the account. */
export const ContactService = {
  async create(ctx: Context, input: CreateContactInput): Promise<Contact> {
    return inTransaction(ctx, async (tx) => {
      const account = await requireWritableAccount(tx, input.accountId, 'input.accountId');
      const contact = stampNew(new Contact());
      contact.accountId = account.id;
      contact.name = input.name.trim();
      contact.title = cleanText(input.title) ?? null;
      contact.email = cleanText(input.email)?.toLowerCase() ?? null;
      contact.phone = cleanText(input.phone) ?? null;
      contact.roles = [...new Set(input.roles)];
      contact.isPrimary = input.isPrimary ?? false;
      if (contact.isPrimary) await demotePrimary(tx, account.id);
      const saved = await tx.em.save(contact);
      await recordAudit(tx, 'createContact', saved, diffFields(undefined, snapshot(saved), AUDITED_FIELDS));
      return saved;
    });
  },

  async update(ctx: Context, input: UpdateContactInput): Promise<Contact> {
    return inTransaction(ctx, async (tx) => {
      const contact = await requireWritableContact(tx, input.id, 'input.id');
      const before = snapshot(contact);
      if (input.name != null) contact.name = input.name.trim();
      if (input.title !== undefined) contact.title = cleanText(input.title) ?? null;
      if (input.email !== undefined) contact.email = cleanText(input.email)?.toLowerCase() ?? null;
      if (input.phone !== undefined) contact.phone = cleanText(input.phone) ?? null;
      if (input.roles != null) contact.roles = [...new Set(input.roles)];
      if (input.isPrimary != null) contact.isPrimary = input.isPrimary;
      if (input.isPrimary && !before.isPrimary) await demotePrimary(tx, contact.accountId);
      const changes = diffFields(before, snapshot(contact), AUDITED_FIELDS);
      await compareAndSwap(tx, contact, input.expectedVersion, Object.keys(changes));
      await recordAudit(tx, 'updateContact', contact, changes);
      return contact;
    });
  },

  async delete(ctx: Context, input: DeleteContactInput): Promise<{ deletedContactId: string; account: Account }> {
    return inTransaction(ctx, async (tx) => {
      const contact = await requireWritableContact(tx, input.id, 'input.id');
      const account = (await tx.loaders.accountById.load(contact.accountId)) as Account;
      const globalId = contact.globalId;
      const result = await tx.em
        .createQueryBuilder()
        .delete()
        .from(Contact)
        .where('id = :id AND version = :version', { id: contact.id, version: input.expectedVersion ?? contact.version })
        .execute();
      if (result.affected !== 1) {
        throw new ConflictError(
          ErrorReason.STALE_VERSION,
          `Contact "${globalId}" was changed by someone else since you read it. Reload it and decide again.`,
        );
      }
      await recordDeletion(tx, 'deleteContact', contact, diffFields(snapshot(contact), undefined, AUDITED_FIELDS));
      return { deletedContactId: globalId, account };
    });
  },
};

/** At most one primary contact per account: making one primary demotes the previous one. */
async function demotePrimary(ctx: Context, accountId: number): Promise<void> {
  await ctx.em
    .createQueryBuilder()
    .update(Contact)
    .set({ isPrimary: false, version: () => 'version + 1', updatedAt: new Date() })
    .where('accountId = :accountId AND isPrimary = :yes', { accountId, yes: true })
    .execute();
}

async function requireWritableContact(ctx: Context, globalId: string, path: string): Promise<Contact> {
  const contact = await ctx.loaders.contactById.load(decodeGlobalId(globalId, 'Contact', path));
  if (!contact) throw new NotFoundError('Contact', globalId);
  const account = await ctx.loaders.accountById.load(contact.accountId);
  await requireWritableAccount(ctx, (account as Account).globalId, path);
  return contact;
}

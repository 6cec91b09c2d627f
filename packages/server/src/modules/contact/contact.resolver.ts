import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context';
import { Account } from '../account/account.entity';
import { Contact } from './contact.entity';
import { CreateContactInput, DeleteContactInput, UpdateContactInput } from './contact.inputs';
import { CreateContactPayload, DeleteContactPayload, UpdateContactPayload } from './contact.types';
import { ContactService } from './contact.service';

@Resolver(() => Contact)
export class ContactResolver {
  @Mutation(() => CreateContactPayload, { description: 'Adds a person at a client account you may write.' })
  async createContact(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateContactInput, { description: 'The new contact.' }) input: CreateContactInput,
  ): Promise<CreateContactPayload> {
    return { contact: await ContactService.create(ctx, input) };
  }

  @Mutation(() => UpdateContactPayload, {
    description: 'Changes a contact, if nobody changed it since you read `expectedVersion`.',
  })
  async updateContact(
    @Ctx() ctx: Context,
    @Arg('input', () => UpdateContactInput, { description: 'The changes.' }) input: UpdateContactInput,
  ): Promise<UpdateContactPayload> {
    return { contact: await ContactService.update(ctx, input) };
  }

  @Mutation(() => DeleteContactPayload, { description: 'Removes a contact from an account you may write.' })
  deleteContact(
    @Ctx() ctx: Context,
    @Arg('input', () => DeleteContactInput, { description: 'The contact to remove.' }) input: DeleteContactInput,
  ): Promise<DeleteContactPayload> {
    return ContactService.delete(ctx, input);
  }

  @FieldResolver(() => Account, { description: 'The account they work at.' })
  async account(@Root() contact: Contact, @Ctx() ctx: Context): Promise<Account | null> {
    return ctx.loaders.accountById.load(contact.accountId);
  }
}

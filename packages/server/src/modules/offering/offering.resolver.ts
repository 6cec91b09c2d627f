import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context';
import { tryDecodeGlobalId } from '../../common/global-id';
import { connectionType, PageArgs, type Connection } from '../../common/pagination';
import { Account } from '../account/account.entity';
import { AccountOffering, Offering } from './offering.entity';
import {
  AddAccountOfferingInput,
  AddAccountOfferingPayload,
  CreateOfferingInput,
  CreateOfferingPayload,
  OfferingFilter,
  OfferingOrder,
  UpdateAccountOfferingInput,
  UpdateAccountOfferingPayload,
  UpdateOfferingInput,
  UpdateOfferingPayload,
} from './offering.inputs';
import { AccountOfferingService, OfferingService } from './offering.service';

export const OfferingConnection = connectionType(Offering);
export const AccountOfferingConnection = connectionType(AccountOffering);

@Resolver(() => Offering)
export class OfferingResolver {
  @Query(() => Offering, { nullable: true, description: 'One offering of the catalogue by id; null when none has it.' })
  offering(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: "The offering's global id." }) id: string,
  ): Promise<Offering | null> | null {
    const decoded = tryDecodeGlobalId(id);
    return decoded?.typeName === 'Offering' ? ctx.loaders.offeringById.load(decoded.rowId) : null;
  }

  @Query(() => OfferingConnection, {
    description: 'The catalogue of what the company sells, filtered and sorted (by name when no order is given).',
  })
  offerings(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => OfferingFilter, { nullable: true, description: 'Conditions the offerings must meet.' })
    filter?: OfferingFilter,
    @Arg('orderBy', () => OfferingOrder, { nullable: true, description: 'Sort order (by name when omitted).' })
    orderBy?: OfferingOrder,
  ): Promise<Connection<Offering>> {
    return OfferingService.list(ctx, page, filter, orderBy);
  }

  @Mutation(() => CreateOfferingPayload, { description: 'Adds an offering to the catalogue. Executives and admins.' })
  async createOffering(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateOfferingInput, { description: 'The new offering.' }) input: CreateOfferingInput,
  ) {
    return { offering: await OfferingService.create(ctx, input) };
  }

  @Mutation(() => UpdateOfferingPayload, {
    description: 'Changes an offering, if nobody changed it since you read `expectedVersion`. Executives and admins.',
  })
  async updateOffering(
    @Ctx() ctx: Context,
    @Arg('input', () => UpdateOfferingInput, { description: 'The changes.' }) input: UpdateOfferingInput,
  ) {
    return { offering: await OfferingService.update(ctx, input) };
  }
}

@Resolver(() => AccountOffering)
export class AccountOfferingResolver {
  @Mutation(() => AddAccountOfferingPayload, {
    description: 'Records that an account you may change has an offering (once per account and offering).',
  })
  async addAccountOffering(
    @Ctx() ctx: Context,
    @Arg('input', () => AddAccountOfferingInput, { description: 'The account, the offering and since when.' })
    input: AddAccountOfferingInput,
  ) {
    return { accountOffering: await AccountOfferingService.add(ctx, input) };
  }

  @Mutation(() => UpdateAccountOfferingPayload, {
    description:
      'Changes how an account stands with an offering (status, since), if unchanged since `expectedVersion`.',
  })
  async updateAccountOffering(
    @Ctx() ctx: Context,
    @Arg('input', () => UpdateAccountOfferingInput, { description: 'The changes.' }) input: UpdateAccountOfferingInput,
  ) {
    return { accountOffering: await AccountOfferingService.update(ctx, input) };
  }

  @FieldResolver(() => Account, { description: 'The account.' })
  async account(@Root() row: AccountOffering, @Ctx() ctx: Context): Promise<Account> {
    return (await ctx.loaders.accountById.load(row.accountId)) as Account;
  }

  @FieldResolver(() => Offering, { description: 'The offering.' })
  async offering(@Root() row: AccountOffering, @Ctx() ctx: Context): Promise<Offering> {
    return (await ctx.loaders.offeringById.load(row.offeringId)) as Offering;
  }
}

@Resolver(() => Account)
export class AccountOfferingsResolver {
  @FieldResolver(() => AccountOfferingConnection, {
    description: 'The offerings the account has or had, most recent start first.',
  })
  offerings(
    @Root() account: Account,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<Connection<AccountOffering>> {
    return ctx.loaders.accountOfferings.page(account.id, page);
  }

  @FieldResolver(() => [Offering], {
    description:
      'Whitespace: the active catalogue offerings the account does not have ACTIVE or in PILOT, by name (at most the catalogue).',
  })
  whitespace(@Root() account: Account, @Ctx() ctx: Context): Promise<Offering[]> {
    return ctx.loaders.accountWhitespace.load(account.id);
  }
}

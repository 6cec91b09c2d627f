import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context';
import { connectionType, PageArgs, type Connection } from '../../common/pagination';
import { User } from '../user/user.entity';
import { ApiKey } from './api-key.entity';
import { CreateApiKeyInput, RevokeApiKeyInput } from './api-key.inputs';
import { ApiKeyService } from './api-key.service';
import { CreateApiKeyPayload, RevokeApiKeyPayload } from './api-key.types';

export const ApiKeyConnection = connectionType(ApiKey);

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Query(() => ApiKeyConnection, { description: 'API keys issued for tools, newest first. Admins only.' })
  apiKeys(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs): Promise<Connection<ApiKey>> {
    return ApiKeyService.list(ctx, page);
  }

  @Mutation(() => CreateApiKeyPayload, {
    description: 'Issues an API key for a tool: read-only (BI_READER), shown once. Admins only.',
  })
  createApiKey(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateApiKeyInput, { description: 'The new key.' }) input: CreateApiKeyInput,
  ): Promise<CreateApiKeyPayload> {
    return ApiKeyService.issue(ctx, input);
  }

  @Mutation(() => RevokeApiKeyPayload, { description: 'Revokes an API key at once and for good. Admins only.' })
  async revokeApiKey(
    @Ctx() ctx: Context,
    @Arg('input', () => RevokeApiKeyInput, { description: 'The key to revoke.' }) input: RevokeApiKeyInput,
  ): Promise<RevokeApiKeyPayload> {
    return { apiKey: await ApiKeyService.revoke(ctx, input) };
  }

  @FieldResolver(() => User, { description: 'The read-only service account the key signs in as.' })
  async serviceAccount(@Root() apiKey: ApiKey, @Ctx() ctx: Context): Promise<User | null> {
    return ctx.loaders.userById.load(apiKey.serviceUserId);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The admin who issued the key.' })
  createdBy(@Root() apiKey: ApiKey, @Ctx() ctx: Context): Promise<User | null> {
    return ctx.loaders.userById.load(apiKey.createdById);
  }
}

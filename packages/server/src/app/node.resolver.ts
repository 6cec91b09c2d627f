import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Node } from '../common/base.entity';
import type { Context } from '../common/context';
import { tryDecodeGlobalId } from '../common/global-id';
import { nodeFetchers } from './modules';

/** Fetches any object by its global id, through the same scoped reads as every other path. */
@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: 'Any object by its global id; null when it does not exist or you may not see it.',
  })
  async node(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: 'A global id from any `id` field.' }) id: string,
  ): Promise<Node | null> {
    const decoded = tryDecodeGlobalId(id);
    const fetch = decoded && nodeFetchers.get(decoded.typeName);
    return fetch ? fetch(ctx, decoded.rowId) : null;
  }
}

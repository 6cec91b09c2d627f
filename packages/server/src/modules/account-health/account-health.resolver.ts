import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context';
import { PageArgs, type Connection } from '../../common/pagination';
import { Account } from '../account/account.entity';
import type { AccountHealthSnapshot } from './account-health.entity';
import { SetHealthScoreWeightsInput } from './account-health.inputs';
import { AccountHealthService, explainHealth, MAX_HISTORY_DAYS, weightsOf } from './account-health.service';
import {
  AccountHealth,
  AccountHealthSnapshotConnection,
  HealthScoreWeights,
  SetHealthScoreWeightsPayload,
} from './account-health.types';

@Resolver()
export class AccountHealthResolver {
  @Query(() => HealthScoreWeights, {
    description: 'The weights of the health score components: as an admin set them, or the defaults.',
  })
  healthScoreWeights(@Ctx() ctx: Context): Promise<HealthScoreWeights> {
    return AccountHealthService.weights(ctx);
  }

  @Mutation(() => SetHealthScoreWeightsPayload, {
    description:
      'Sets the weight of every health score component (admins only): non-negative integers, not all zero; ' +
      'every score and the next daily snapshot use them.',
  })
  async setHealthScoreWeights(
    @Ctx() ctx: Context,
    @Arg('input', () => SetHealthScoreWeightsInput, { description: 'Every component with its new weight.' })
    input: SetHealthScoreWeightsInput,
  ): Promise<{ weights: HealthScoreWeights }> {
    return { weights: await AccountHealthService.setWeights(ctx, input) };
  }
}

@Resolver(() => Account)
export class AccountHealthFieldsResolver {
  @FieldResolver(() => AccountHealth, {
    description:
      'Its health score now, 0 to 100, with each component (delivery, issues, finance, renewal, engagement), ' +
      'its weight, score and a sentence saying why. Computed for a whole page of accounts at once.',
  })
  async health(@Root() account: Account, @Ctx() ctx: Context): Promise<AccountHealth> {
    const [facts, weights] = await Promise.all([
      ctx.loaders.accountHealthFacts.load(account.id),
      AccountHealthService.weights(ctx),
    ]);
    // The account was read in scope, so its facts exist; a row deleted since reads as nothing wrong.
    return explainHealth(facts ?? emptyFacts(account.id), weightsOf(weights), new Date());
  }

  @FieldResolver(() => AccountHealthSnapshotConnection, {
    description: `Its health as recorded each day from \`from\` to \`to\` (at most ${MAX_HISTORY_DAYS} days), oldest first.`,
  })
  healthHistory(
    @Root() account: Account,
    @Ctx() ctx: Context,
    @Arg('from', () => GraphQLLocalDate, { description: 'The first day (UTC), inclusive.' }) from: string,
    @Arg('to', () => GraphQLLocalDate, { description: 'The last day (UTC), inclusive; on or after `from`.' })
    to: string,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<Connection<AccountHealthSnapshot>> {
    return AccountHealthService.history(ctx, account, from, to, page);
  }
}

function emptyFacts(accountId: number) {
  return {
    accountId,
    scores: { DELIVERY: 100, ISSUES: 100, FINANCE: 100, RENEWAL: 100, ENGAGEMENT: 0 },
    activeProjects: 0,
    redProjects: 0,
    amberProjects: 0,
    openIssues: 0,
    breachedIssues: 0,
    breachedCritical: 0,
    financeCurrency: null,
    overdueCents: 0,
    annualCents: 0,
    renewalContract: null,
    daysToNotice: null,
    renewalInHand: false,
    renewalAutoRenews: false,
    lastContactedAt: null,
    redProjectNames: [],
  };
}

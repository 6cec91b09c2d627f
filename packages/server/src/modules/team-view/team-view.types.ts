import { PER_CURRENCY_LIST_COST } from '../../common/query-cost';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import type { LocalDate } from '../../common/dates';
import { Money } from '../../common/money';
import { Account } from '../account/account.entity';
import { User } from '../user/user.entity';

/** A senior's team: the direct reports of one manager, each with the figures of their portfolio. */
@ObjectType({
  description:
    "A senior's dashboard of their team: each direct report's portfolio (the accounts they own) with its figures, " +
    'computed in the database for a whole page of reports at once.',
})
export class TeamView {
  /** The manager's row id. */
  managerId!: number;

  @Field(() => GraphQLLocalDate, { description: 'The day the figures are as of (today, UTC).' })
  asOf!: LocalDate;

  @Field(() => Int, { description: 'The renewal window of `renewalsDue`, in days from today.' })
  renewalWindowDays!: number;
}

/** One direct report and their portfolio. */
@ObjectType({
  description: "One direct report in a team view, with their portfolio's figures (the accounts they own).",
})
export class TeamReport {
  /** The report's row id. */
  userId!: number;
}

@ObjectType({
  description: 'ACTIVE contracts ending within the renewal window: how many, and their value per currency.',
  simpleResolvers: true,
})
export class RenewalsDue {
  @Field(() => Int, { description: 'How many contracts.' })
  count!: number;

  @Field(() => [Money], {
    description: 'Their contract values, one amount per currency (never added across currencies).',
    complexity: PER_CURRENCY_LIST_COST,
  })
  value!: Money[];
}

@ObjectType({
  description: 'Open opportunities (before WON or LOST): how many, and their amounts per currency.',
  simpleResolvers: true,
})
export class OpenOpportunities {
  @Field(() => Int, { description: 'How many opportunities.' })
  count!: number;

  @Field(() => [Money], {
    description: 'Their amounts, one per currency (never added across currencies).',
    complexity: PER_CURRENCY_LIST_COST,
  })
  amount!: Money[];

  @Field(() => [Money], {
    description: 'Their amounts weighted by probability, one per currency.',
    complexity: PER_CURRENCY_LIST_COST,
  })
  weightedAmount!: Money[];
}

@ObjectType({ description: 'The result of reassignAccounts.' })
export class ReassignAccountsPayload {
  @Field(() => [Account], { description: 'The accounts, now owned by `toUser`, in the order given.' })
  accounts!: Account[];

  @Field(() => User, { description: 'The new owner.' })
  toUser!: User;

  @Field(() => [User], { description: 'Who owned the accounts before (each once), and was told.' })
  previousOwners!: User[];
}

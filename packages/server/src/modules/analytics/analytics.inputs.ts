import { IsBoolean, IsOptional, MaxLength } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { ArgsType, Field, ID, registerEnumType } from 'type-graphql';
import type { LocalDate } from '../../common/dates';
import { Granularity } from './periods';

/** What a revenue series adds up. */
export enum RevenueMeasure {
  INVOICED = 'INVOICED',
  COLLECTED = 'COLLECTED',
  BOOKED = 'BOOKED',
}

registerEnumType(RevenueMeasure, {
  name: 'RevenueMeasure',
  description: 'What a revenue series adds up.',
  valuesConfig: {
    INVOICED: {
      description: 'Invoices approved for the client (APPROVED, SENT, PARTIALLY_PAID, PAID), by issue date.',
    },
    COLLECTED: { description: 'Payments received, by the day they were received (UTC).' },
    BOOKED: { description: 'Contract value signed (contracts that were ever active), by the day of signature (UTC).' },
  },
});

/** How the rows of a revenue series are split. */
export enum RevenueGroupBy {
  NONE = 'NONE',
  ACCOUNT = 'ACCOUNT',
  OWNER = 'OWNER',
  CONTRACT_TYPE = 'CONTRACT_TYPE',
  ACCOUNT_FAMILY = 'ACCOUNT_FAMILY',
}

registerEnumType(RevenueGroupBy, {
  name: 'RevenueGroupBy',
  description: 'How the rows of a revenue series are split; each row is one group, period and currency.',
  valuesConfig: {
    NONE: { description: 'One row per period and currency.' },
    ACCOUNT: { description: 'Per account (groupKey is the account id).' },
    OWNER: { description: 'Per account owner (groupKey is the user id; null for accounts without one).' },
    CONTRACT_TYPE: { description: 'Per contract type (groupKey is the ContractType value).' },
    ACCOUNT_FAMILY: {
      description: 'Per health-plan family: a parent account with its children (groupKey is the parent account id).',
    },
  },
});

/** How the rows of the receivables aging are split. */
export enum AgingGroupBy {
  NONE = 'NONE',
  ACCOUNT = 'ACCOUNT',
  OWNER = 'OWNER',
}

registerEnumType(AgingGroupBy, {
  name: 'AgingGroupBy',
  description: 'How the rows of the receivables aging are split; each row is one group and currency.',
  valuesConfig: {
    NONE: { description: 'One row per currency.' },
    ACCOUNT: { description: 'Per account (groupKey is the account id).' },
    OWNER: { description: 'Per account owner (groupKey is the user id; null for accounts without one).' },
  },
});

@ArgsType()
export class RevenueSeriesArgs {
  @Field(() => Granularity, { description: 'The width of each period.' })
  granularity!: Granularity;

  @Field(() => GraphQLLocalDate, { description: 'First day counted (inclusive); its whole period is shown.' })
  from!: LocalDate;

  @Field(() => GraphQLLocalDate, { description: 'Last day counted (inclusive); on or after `from`.' })
  to!: LocalDate;

  @Field(() => RevenueMeasure, { defaultValue: RevenueMeasure.INVOICED, description: 'What to add up.' })
  measure!: RevenueMeasure;

  @Field(() => RevenueGroupBy, { defaultValue: RevenueGroupBy.NONE, description: 'How to split the rows.' })
  groupBy!: RevenueGroupBy;

  @Field(() => ID, {
    nullable: true,
    description:
      'Only this account (and its children when `includeChildAccounts`); every account you reach when omitted.',
  })
  @IsOptional()
  @MaxLength(200)
  accountId?: string | null;

  @Field(() => Boolean, {
    defaultValue: false,
    description: "With `accountId`: count the account's child accounts (its health-plan family) too.",
  })
  @IsBoolean()
  includeChildAccounts!: boolean;
}

@ArgsType()
export class ReceivablesAgingArgs {
  @Field(() => AgingGroupBy, { defaultValue: AgingGroupBy.ACCOUNT, description: 'How to split the rows.' })
  groupBy!: AgingGroupBy;
}

@ArgsType()
export class SlaPerformanceArgs {
  @Field(() => Granularity, { description: 'The width of each period.' })
  granularity!: Granularity;

  @Field(() => GraphQLLocalDate, { description: 'First day of report counted (inclusive).' })
  from!: LocalDate;

  @Field(() => GraphQLLocalDate, { description: 'Last day of report counted (inclusive); on or after `from`.' })
  to!: LocalDate;
}

@ArgsType()
export class RenewalForecastArgs {
  @Field(() => GraphQLLocalDate, { description: 'First end date counted (inclusive); its whole month is shown.' })
  from!: LocalDate;

  @Field(() => GraphQLLocalDate, { description: 'Last end date counted (inclusive); on or after `from`.' })
  to!: LocalDate;
}

@ArgsType()
export class PortfolioHealthArgs {
  @Field(() => GraphQLLocalDate, { description: 'A day in the first week shown.' })
  from!: LocalDate;

  @Field(() => GraphQLLocalDate, { description: 'A day in the last week shown; on or after `from`.' })
  to!: LocalDate;
}

import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import type { LocalDate } from '../../common/dates';
import { Money } from '../../common/money';

/** The root of the figures for dashboards; its fields are the tables. */
@ObjectType({
  description:
    'Figures for dashboards, computed in the database. Each field is a flat table a BI tool can chart as it is; ' +
    'every figure covers only the accounts you may read, and money is never added across currencies.',
})
export class Analytics {}

@ObjectType({ description: 'One period of a revenue series, for one group and one currency.' })
export class RevenueSeriesRow {
  @Field(() => GraphQLLocalDate, { description: 'The first day of the period (UTC).' })
  periodStart!: LocalDate;

  @Field(() => String, {
    nullable: true,
    description: 'The group: an account or user id, or a contract type; null when not grouped or unassigned.',
  })
  groupKey!: string | null;

  @Field(() => String, { nullable: true, description: "The group's name, for labels; null when not grouped." })
  groupLabel!: string | null;

  @Field(() => String, { description: 'ISO 4217 currency of `amount`.' })
  currency!: string;

  @Field(() => Money, { description: 'The total for the period; zero for a period with nothing in it.' })
  amount!: Money;

  @Field(() => Int, { description: 'How many invoices, payments or contracts the total adds up.' })
  count!: number;
}

@ObjectType({
  description: 'Money owed on sent invoices, by how long past due, for one group and one currency (as of today, UTC).',
})
export class ReceivablesAgingRow {
  @Field(() => String, {
    nullable: true,
    description: 'The group: an account or user id; null when not grouped or unassigned.',
  })
  groupKey!: string | null;

  @Field(() => String, { nullable: true, description: "The group's name, for labels; null when not grouped." })
  groupLabel!: string | null;

  @Field(() => String, { description: 'ISO 4217 currency of every amount in the row.' })
  currency!: string;

  @Field(() => Money, { description: 'Owed and not yet due.' })
  current!: Money;

  @Field(() => Money, { description: '1 to 30 days past due.' })
  days1To30!: Money;

  @Field(() => Money, { description: '31 to 60 days past due.' })
  days31To60!: Money;

  @Field(() => Money, { description: '61 to 90 days past due.' })
  days61To90!: Money;

  @Field(() => Money, { description: 'More than 90 days past due.' })
  over90Days!: Money;

  @Field(() => Money, { description: 'Everything owed: the sum of the buckets.' })
  total!: Money;

  @Field(() => Int, { description: 'How many invoices have a balance owed.' })
  invoiceCount!: number;
}

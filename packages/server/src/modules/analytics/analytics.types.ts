import { GraphQLLocalDate, GraphQLSafeInt } from 'graphql-scalars';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { LocalDate } from '../../common/dates';
import { Money } from '../../common/money';
import { ClientIssueSeverity } from '../client-issue/sla';
import { Health, ProjectStatus } from '../project/project.entity';

/**
 * The root of the figures for dashboards; its fields are the tables. The row types below resolve
 * their plain properties without TypeGraphQL's per-field wrapping (`simpleResolvers`): a table has
 * thousands of cells.
 */
@ObjectType({
  description:
    'Figures for dashboards, computed in the database. Each field is a flat table a BI tool can chart as it is; ' +
    'every figure covers only the accounts you may read, and money is never added across currencies.',
})
export class Analytics {}

@ObjectType({ description: 'One period of a revenue series, for one group and one currency.', simpleResolvers: true })
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
  simpleResolvers: true,
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

@ObjectType({
  description: 'How one severity of client issues fared against its SLA, for issues reported in one period.',
  simpleResolvers: true,
})
export class SlaPerformanceRow {
  @Field(() => GraphQLLocalDate, { description: 'The first day of the period the issues were reported in (UTC).' })
  periodStart!: LocalDate;

  @Field(() => ClientIssueSeverity, { description: 'The severity, which sets the SLA.' })
  severity!: ClientIssueSeverity;

  @Field(() => Int, { description: 'Issues reported in the period.' })
  opened!: number;

  @Field(() => Int, { description: 'Of those, how many have had a first response.' })
  responded!: number;

  @Field(() => Int, { description: 'Of those, how many got their first response within the SLA.' })
  respondedWithinSla!: number;

  @Field(() => Int, { description: 'Of those, how many are resolved.' })
  resolved!: number;

  @Field(() => Int, { description: 'Of those, how many were resolved within the SLA.' })
  resolvedWithinSla!: number;

  @Field(() => Int, {
    description: 'Of those, how many breached their SLA (late response or resolution, or overdue now).',
  })
  breached!: number;

  @Field(() => Float, { nullable: true, description: 'breached / opened, from 0 to 1; null when none were opened.' })
  breachRate!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Median seconds from report to first response; null with no responses.',
  })
  medianSecondsToRespond!: number | null;

  @Field(() => Int, { nullable: true, description: '90th percentile (nearest rank) of seconds to first response.' })
  p90SecondsToRespond!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Median seconds from report to resolution; null with none resolved.',
  })
  medianSecondsToResolve!: number | null;

  @Field(() => Int, { nullable: true, description: '90th percentile (nearest rank) of seconds to resolution.' })
  p90SecondsToResolve!: number | null;
}

@ObjectType({
  description: 'Contract value coming up for renewal in one month (by end date), in one currency.',
  simpleResolvers: true,
})
export class RenewalForecastRow {
  @Field(() => GraphQLLocalDate, { description: 'The first day of the month the contracts end in.' })
  periodStart!: LocalDate;

  @Field(() => String, { description: 'ISO 4217 currency of every amount in the row.' })
  currency!: string;

  @Field(() => Int, {
    description: 'Contracts ending in the month (signed ones: active, renewed, expired or terminated).',
  })
  contracts!: number;

  @Field(() => Money, { description: 'Their whole value: renewed + lost + pending.' })
  upForRenewal!: Money;

  @Field(() => Money, { description: 'Value of those renewed (a renewal contract took over).' })
  renewed!: Money;

  @Field(() => Money, { description: 'Value of those that expired or were terminated without renewal.' })
  lost!: Money;

  @Field(() => Money, { description: 'Value of those still active: the renewal is yet to be decided.' })
  pending!: Money;
}

@ObjectType({
  description: "One project's money: budget, cost to date, revenue earned and margin, in its currency.",
  simpleResolvers: true,
})
export class ProjectMarginRow {
  @Field(() => String, { description: 'The project id.' })
  projectId!: string;

  @Field(() => String, { description: 'The project name.' })
  projectName!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Its account id; null when you may read the project but not its account.',
  })
  accountId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Its account name; null when you may read the project but not its account.',
  })
  accountName!: string | null;

  @Field(() => ProjectStatus, { description: 'Where the project is in its lifecycle.' })
  status!: ProjectStatus;

  @Field(() => String, { description: 'ISO 4217 currency of every amount in the row.' })
  currency!: string;

  @Field(() => Money, { description: 'The budget.' })
  budget!: Money;

  @Field(() => Money, { description: 'Cost recorded to date.' })
  actualCost!: Money;

  @Field(() => Money, { description: "Revenue: the project's budget share of what its contract has invoiced." })
  revenue!: Money;

  @Field(() => Money, { description: 'Revenue less actual cost; negative when the project loses money.' })
  margin!: Money;

  @Field(() => Float, { nullable: true, description: 'Margin as a percentage of revenue; null without revenue.' })
  marginPercent!: number | null;

  @Field(() => Boolean, { description: 'A margin above zero.' })
  isProfitable!: boolean;
}

@ObjectType({
  description: 'How many projects, or accounts, stood at one RAG health in one week.',
  simpleResolvers: true,
})
export class PortfolioHealthRow {
  @Field(() => GraphQLLocalDate, { description: 'The Monday (UTC) the week starts on.' })
  weekOf!: LocalDate;

  @Field(() => String, { description: '"PROJECT" or "ACCOUNT".' })
  subject!: string;

  @Field(() => Health, {
    description:
      "The health: a project's latest status update by the week's end; an account's worst project health that week.",
  })
  health!: Health;

  @Field(() => Int, { description: 'How many projects, or accounts, had that health.' })
  count!: number;
}

@ObjectType({ description: 'How many records have one value of a field.', simpleResolvers: true })
export class CountRow {
  @Field(() => String, { description: 'The value (an enum value such as ACTIVE or CRITICAL).' })
  key!: string;

  @Field(() => Int, { description: 'How many have it.' })
  count!: number;
}

@ObjectType({
  description: 'Active contracts whose term ends within a number of days, in one currency.',
  simpleResolvers: true,
})
export class RenewalWindowRow {
  @Field(() => Int, { description: 'The window: ending within this many days from today (30, 60, 90 or 180).' })
  withinDays!: number;

  @Field(() => String, { description: 'ISO 4217 currency of `value`.' })
  currency!: string;

  @Field(() => Int, { description: 'How many contracts end in the window.' })
  contracts!: number;

  @Field(() => Money, { description: 'Their value.' })
  value!: Money;
}

@ObjectType({
  description: 'The portfolio at a glance, as of now: each field a small table computed in the database.',
  simpleResolvers: true,
})
export class PortfolioSummary {
  @Field(() => Int, { description: 'Accounts you may read.' })
  accounts!: number;

  @Field(() => [CountRow], { description: 'Accounts by status.' })
  accountsByStatus!: CountRow[];

  @Field(() => [CountRow], { description: 'Accounts by tier.' })
  accountsByTier!: CountRow[];

  @Field(() => [CountRow], { description: 'Accounts by kind.' })
  accountsByKind!: CountRow[];

  @Field(() => [CountRow], {
    description: 'Accounts by the band of their health score now (HEALTHY, WATCH, AT_RISK; see `Account.health`).',
  })
  accountsByHealth!: CountRow[];

  @Field(() => GraphQLSafeInt, { description: 'Members (covered lives) the accounts reach, added up.' })
  membersReached!: number;

  @Field(() => [Money], {
    description: "Annual contract value per currency: each active contract's value spread over its term, per 365 days.",
  })
  annualContractValue!: Money[];

  @Field(() => [RenewalWindowRow], {
    description: 'Active contracts ending within 30, 60, 90 and 180 days, per currency.',
  })
  renewalsDue!: RenewalWindowRow[];

  @Field(() => [Money], { description: 'The balance due on overdue invoices, per currency.' })
  overdueBalance!: Money[];

  @Field(() => [CountRow], { description: 'Open client issues (not resolved or closed) by severity.' })
  openIssuesBySeverity!: CountRow[];

  @Field(() => Int, { description: 'Client issues resolved so far.' })
  issuesResolved!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'SLA attainment: the share of resolved issues resolved within their SLA (0 to 1); null with none resolved.',
  })
  slaAttainment!: number | null;
}

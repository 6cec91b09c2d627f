import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import type { LocalDate } from '../../common/dates';
import { Money } from '../../common/money';
import { Contract } from '../contract/contract.entity';
import { Opportunity } from './opportunity.entity';

@ObjectType({ description: 'The result of winOpportunity.' })
export class WinOpportunityPayload {
  @Field(() => Opportunity, { description: 'The opportunity, now WON and linked to its contract.' })
  opportunity!: Opportunity;

  @Field(() => Contract, { description: 'The DRAFT contract created for it, ready to edit and submit for approval.' })
  contract!: Contract;
}

/** One row of the weighted pipeline: a group (owner, quarter or both) in one currency. */
@ObjectType({ description: 'One row of the weighted pipeline: an owner and/or a quarter, in one currency.' })
export class OpportunityPipelineRow {
  /** The owner's row id when grouped by owner; resolved through userById. */
  ownerId!: number | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'First day of the quarter of the expected close date (grouped by quarter; null otherwise).',
  })
  quarter!: LocalDate | null;

  @Field(() => String, { description: 'ISO 4217 currency of the amounts; currencies are never added together.' })
  currency!: string;

  @Field(() => Int, { description: 'How many opportunities.' })
  count!: number;

  @Field(() => Money, { description: 'Their amounts, added up.' })
  amount!: Money;

  @Field(() => Money, {
    description: 'Their weighted amounts added up: each amount × probability / 100, rounded to a minor unit.',
  })
  weightedAmount!: Money;
}

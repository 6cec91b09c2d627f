import { Field, Float, Int, ObjectType } from 'type-graphql';
import { connectionType } from '../../common/pagination';
import { payloadType } from '../../common/payload';
import { AccountHealthSnapshot } from './account-health.entity';
import { HEALTH_COMPONENTS, HealthBand, HealthComponent } from './health.rules';

@ObjectType({ description: 'One part of an account health score: its weight, its score and why.' })
export class HealthComponentScore {
  @Field(() => HealthComponent, { description: 'Which part of the score this is.' })
  component!: HealthComponent;

  @Field(() => Int, { description: 'Its weight among the components (see healthScoreWeights).' })
  weight!: number;

  @Field(() => Int, { description: 'Its own score, 0 (bad) to 100 (nothing wrong).' })
  score!: number;

  @Field(() => Float, {
    description: 'What it adds to the overall score: weight × score ÷ the sum of the weights (unrounded).',
  })
  contribution!: number;

  @Field(() => String, { description: 'Why it scores what it does, in a sentence a person can read.' })
  explanation!: string;
}

@ObjectType({
  description: "An account's health score, 0 to 100, computed now from its records, with its explanation.",
})
export class AccountHealth {
  @Field(() => Int, { description: 'The weighted score, 0 (in trouble) to 100 (healthy), rounded half up.' })
  score!: number;

  @Field(() => HealthBand, { description: "The score's band: HEALTHY, WATCH or AT_RISK." })
  band!: HealthBand;

  @Field(() => [HealthComponentScore], {
    description: 'Each component with its weight, score, contribution and explanation, worst first.',
    // Always one per component, computed with the score: not the plain list the cost model assumes.
    complexity: HEALTH_COMPONENTS.length,
  })
  components!: HealthComponentScore[];

  @Field(() => Date, { description: 'When it was computed (UTC).' })
  computedAt!: Date;
}

@ObjectType({ description: "One component's weight in the health score." })
export class HealthComponentWeight {
  @Field(() => HealthComponent, { description: 'The component.' })
  component!: HealthComponent;

  @Field(() => Int, { description: 'Its weight: a non-negative integer; the score divides by the sum of all weights.' })
  weight!: number;
}

@ObjectType({ description: 'The weights of the health score components, as an admin set them or the defaults.' })
export class HealthScoreWeights {
  @Field(() => [HealthComponentWeight], { description: 'Every component with its weight.' })
  weights!: HealthComponentWeight[];

  @Field(() => Boolean, { description: 'True while no admin has set weights: the defaults apply.' })
  isDefault!: boolean;

  @Field(() => Int, {
    description:
      'Bumped by every change (1 for the defaults); send it back as `expectedVersion` to change the weights.',
  })
  version!: number;

  @Field(() => Date, { nullable: true, description: 'When an admin last changed them; null for the defaults.' })
  updatedAt!: Date | null;
}

export const AccountHealthSnapshotConnection = connectionType(AccountHealthSnapshot);

export const SetHealthScoreWeightsPayload = payloadType(
  'setHealthScoreWeights',
  'weights',
  HealthScoreWeights,
  'The weights now in force.',
);

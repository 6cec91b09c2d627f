import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { ExpectedVersion } from '../../common/inputs';
import { HealthBand, HealthComponent } from './health.rules';

/** A weight above this is a typo: the score is a weighted mean, so only the ratios matter. */
export const MAX_HEALTH_WEIGHT = 1000;

@InputType({ description: "One component's new weight." })
export class HealthComponentWeightInput {
  @Field(() => HealthComponent, { description: 'The component.' })
  component!: HealthComponent;

  @Field(() => Int, { description: `Its weight: an integer from 0 (ignored) to ${MAX_HEALTH_WEIGHT}.` })
  @IsInt()
  @Min(0, { message: 'a weight cannot be negative' })
  @Max(MAX_HEALTH_WEIGHT, { message: `a weight is at most ${MAX_HEALTH_WEIGHT}` })
  weight!: number;
}

@InputType({ description: 'New weights for the health score; every component, each once, not all zero.' })
export class SetHealthScoreWeightsInput {
  @Field(() => [HealthComponentWeightInput], { description: 'Every component with its weight, each component once.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  weights!: HealthComponentWeightInput[];

  @ExpectedVersion({ required: true, of: "The weights'" })
  expectedVersion!: number;
}

@InputType({ description: 'Narrows accounts by their health score (computed now); all given conditions must hold.' })
export class AccountHealthFilter {
  @Field(() => Int, { nullable: true, description: 'Scores of at least this (0 to 100).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  minScore?: number | null;

  @Field(() => Int, { nullable: true, description: 'Scores of at most this (0 to 100).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  maxScore?: number | null;

  @Field(() => [HealthBand], { nullable: true, description: 'Any of these bands.' })
  @IsOptional()
  @ArrayMaxSize(3)
  bands?: HealthBand[] | null;
}

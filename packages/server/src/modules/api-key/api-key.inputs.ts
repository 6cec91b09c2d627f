import { IsDate, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ExpectedVersion } from '../../common/inputs';
import { IsName } from '../../common/validation';

@InputType({ description: 'A new API key for a tool; it reads every account and never writes.' })
export class CreateApiKeyInput {
  @Field(() => String, {
    description: 'What the key is for, e.g. "Finance dashboard (Metabase)" (up to 200 characters).',
  })
  @IsName(200)
  name!: string;

  @Field(() => Date, { nullable: true, description: 'When the key stops working; it never expires when omitted.' })
  @IsOptional()
  @IsDate()
  expiresAt?: Date | null;
}

@InputType({ description: 'Revokes an API key: it stops working at once, for good.' })
export class RevokeApiKeyInput {
  @Field(() => ID, { description: 'The key.' })
  @MaxLength(200)
  id!: string;

  @ExpectedVersion()
  expectedVersion?: number | null;
}

import { ArrayMaxSize, ArrayMinSize, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

/** The most accounts one reassignment moves: a whole portfolio, in one transaction. */
export const MAX_REASSIGNED_ACCOUNTS = 200;
const MAX_REASON = 2000;

@InputType({ description: 'Accounts to hand to another account manager or senior, all together or none.' })
export class ReassignAccountsInput {
  @Field(() => [ID], { description: `The accounts, 1 to ${MAX_REASSIGNED_ACCOUNTS}, each once.` })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_REASSIGNED_ACCOUNTS)
  @MaxLength(200, { each: true })
  accountIds!: string[];

  @Field(() => ID, {
    description: 'The new owner: an active account manager or senior (for a senior: themselves or a direct report).',
  })
  @MaxLength(200)
  toUserId!: string;

  @Field(() => String, {
    nullable: true,
    description: `Why (up to ${MAX_REASON.toLocaleString('en-US')} characters); kept in the audit trail and told to both sides.`,
  })
  @IsOptional()
  @MaxLength(MAX_REASON)
  reason?: string | null;
}

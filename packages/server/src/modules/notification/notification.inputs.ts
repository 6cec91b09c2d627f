import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Which of your notifications to mark read: the given ids, or all of them.' })
export class MarkNotificationsReadInput {
  @Field(() => [ID], { nullable: true, description: 'These notifications (up to 100).' })
  @IsOptional()
  @ArrayMaxSize(100)
  @MaxLength(200, { each: true })
  ids?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'True marks every unread notification of yours read.' })
  @IsOptional()
  all?: boolean | null;
}

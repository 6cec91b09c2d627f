import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { Role } from '../../common/roles';

@InputType({ description: 'Narrows the staff directory; all given conditions must hold.' })
export class UserFilter {
  @Field(() => String, { nullable: true, description: 'Text the name or email contains (case-insensitive).' })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;

  @Field(() => [Role], { nullable: true, description: 'Any of these roles.' })
  @IsOptional()
  @ArrayMaxSize(8)
  role?: Role[] | null;

  @Field(() => Boolean, { nullable: true, description: 'True: only current staff; false: only those who have left.' })
  @IsOptional()
  active?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Reporting to this user.' })
  @IsOptional()
  @MaxLength(200)
  managerId?: string | null;
}

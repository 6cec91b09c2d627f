import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { UPDATED_AT_ORDER, UpdatedSince } from '../../common/inputs';
import { OrderDirection } from '../../common/pagination';
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

  @UpdatedSince()
  updatedSince?: Date | null;
}

export enum UserOrderField {
  NAME = 'NAME',
  UPDATED_AT = 'UPDATED_AT',
}

registerEnumType(UserOrderField, {
  name: 'UserOrderField',
  description: 'What to sort the staff directory by.',
  valuesConfig: {
    NAME: { description: 'Name, alphabetically.' },
    UPDATED_AT: UPDATED_AT_ORDER,
  },
});

@InputType({ description: 'How to sort the staff directory; ties break on id.' })
export class UserOrder {
  @Field(() => UserOrderField, { description: 'What to sort by.' })
  field!: UserOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Ascending or descending.' })
  direction: OrderDirection = OrderDirection.ASC;
}

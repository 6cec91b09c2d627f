import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { UPDATED_AT_ORDER, UpdatedSince } from '../../common/inputs';
import { OrderDirection } from '../../common/pagination';
import { ApprovalDecisionKind, ApprovalSubjectType } from './approval.entity';

export enum ApprovalDecisionOrderField {
  DECIDED_AT = 'DECIDED_AT',
  UPDATED_AT = 'UPDATED_AT',
}

registerEnumType(ApprovalDecisionOrderField, {
  name: 'ApprovalDecisionOrderField',
  description: 'What to sort approval decisions by.',
  valuesConfig: { DECIDED_AT: { description: 'When it was decided.' }, UPDATED_AT: UPDATED_AT_ORDER },
});

@InputType({ description: 'How to sort approval decisions; ties break on id.' })
export class ApprovalDecisionOrder {
  @Field(() => ApprovalDecisionOrderField, { description: 'What to sort by.' })
  field!: ApprovalDecisionOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Ascending or descending.' })
  direction: OrderDirection = OrderDirection.ASC;
}

@InputType({ description: 'Narrows a list of approval decisions; all given conditions must hold.' })
export class ApprovalDecisionFilter {
  @Field(() => ID, { nullable: true, description: 'Decisions on items of this account.' })
  @IsOptional()
  @MaxLength(200)
  accountId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Decisions on this item: the global id of a contract, change order or invoice.',
  })
  @IsOptional()
  @MaxLength(200)
  subjectId?: string | null;

  @Field(() => [ApprovalSubjectType], { nullable: true, description: 'Decisions on any of these kinds of item.' })
  @IsOptional()
  @ArrayMaxSize(10)
  subjectType?: ApprovalSubjectType[] | null;

  @Field(() => [ApprovalDecisionKind], { nullable: true, description: 'Any of these decisions.' })
  @IsOptional()
  @ArrayMaxSize(10)
  decision?: ApprovalDecisionKind[] | null;

  @Field(() => Date, { nullable: true, description: 'Decided at or after this time.' })
  @IsOptional()
  decidedFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Decided before this time.' })
  @IsOptional()
  decidedBefore?: Date | null;

  @UpdatedSince()
  updatedSince?: Date | null;
}

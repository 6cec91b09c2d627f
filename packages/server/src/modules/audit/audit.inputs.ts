import { IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Narrows the audit trail; all given conditions must hold.' })
export class AuditEventFilter {
  @Field(() => ID, { nullable: true, description: 'Events about this record (its global id).' })
  @IsOptional()
  @MaxLength(200)
  entityId?: string | null;

  @Field(() => String, { nullable: true, description: 'Events about records of this type, for example "Account".' })
  @IsOptional()
  @MaxLength(100)
  entityType?: string | null;

  @Field(() => String, { nullable: true, description: 'Events of this action, for example "updateAccount".' })
  @IsOptional()
  @MaxLength(100)
  action?: string | null;

  @Field(() => ID, { nullable: true, description: 'Events caused by this user.' })
  @IsOptional()
  @MaxLength(200)
  actorId?: string | null;

  @Field(() => Date, { nullable: true, description: 'At or after this time.' })
  @IsOptional()
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Before this time.' })
  @IsOptional()
  to?: Date | null;
}

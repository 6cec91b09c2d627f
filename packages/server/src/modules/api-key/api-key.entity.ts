import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { BaseRecord, Node, NodeType } from '../../common/base.entity';
import { User } from '../user/user.entity';

/**
 * A credential of its own for a tool (a BI dashboard): it signs in as a service account with the
 * BI_READER role, so it reads every account and never writes. Only a hash of its secret is kept.
 */
@NodeType('ApiKey')
@ObjectType({
  implements: Node,
  description:
    'A credential for a tool such as a BI dashboard: read-only (BI_READER), issued and revoked by an admin. The secret is shown once, at issue.',
})
@Entity('api_key')
export class ApiKey extends BaseRecord {
  @Field(() => String, { description: 'What the key is for, e.g. "Finance dashboard (Metabase)".' })
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** The public half of the token (`agk_<publicId>_<secret>`): finds the key without revealing it. */
  @Field(() => String, { description: 'The first part of the token, to recognise it: `agk_<prefix>_…`.' })
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 32 })
  prefix!: string;

  /** SHA-256 of the secret half; the secret itself is never stored. */
  @Column({ type: 'varchar', length: 64 })
  secretHash!: string;

  /** The service account the key signs in as (role BI_READER). */
  @Column({ type: 'int' })
  serviceUserId!: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'serviceUserId' })
  serviceUser?: Relation<User>;

  @Column({ type: 'int' })
  createdById!: number;

  @Field(() => Date, { nullable: true, description: 'When the key stops working; null when it does not expire.' })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  expiresAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the key was last used to sign in (to the minute).' })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  lastUsedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the key was revoked; a revoked key never works again.' })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  revokedAt!: Date | null;

  @Column({ type: 'int', nullable: true })
  revokedById!: number | null;
}

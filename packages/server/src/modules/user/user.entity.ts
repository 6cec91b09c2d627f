import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { Role } from '../../common/roles';
import { BaseRecord, Node, NodeType } from '../../common/base.entity';

/** A member of staff: account managers, their seniors, executives, finance, project team, service accounts. */
@NodeType('User')
@ObjectType({
  implements: Node,
  description:
    'A member of staff: account managers, their seniors, executives, finance, the project team, service accounts.',
})
@Entity('user')
@Index(['updatedAt', 'id'])
export class User extends BaseRecord {
  @Field(() => String, { description: 'Full name.' })
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Field(() => String, { description: 'Work email; unique; what sign-in tokens name.' })
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 320 })
  email!: string;

  @Field(() => String, { nullable: true, description: 'Job title, for example "Senior Account Manager".' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  title!: string | null;

  @Field(() => Role, { description: 'What they do; decides what they may see and do.' })
  @Column({ type: 'simple-enum', enum: Role })
  role!: Role;

  @Field(() => Boolean, { description: 'False once they have left: they can no longer sign in or own accounts.' })
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Index()
  @Column({ type: 'int', nullable: true })
  managerId!: number | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'managerId' })
  manager?: Relation<User> | null;
}

declare module '../../common/viewer' {
  /** The signed-in viewer is a staff member's row, loaded at sign-in. */
  interface Viewer extends User {}
}

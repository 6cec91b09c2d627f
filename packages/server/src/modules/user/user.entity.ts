import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseRecord, Node } from '../../common/base.entity';

/** What a member of staff does; decides what they may see and do. */
export enum Role {
  ADMIN = 'ADMIN',
  EXECUTIVE = 'EXECUTIVE',
  SENIOR_ACCOUNT_MANAGER = 'SENIOR_ACCOUNT_MANAGER',
  ACCOUNT_MANAGER = 'ACCOUNT_MANAGER',
  IT_DIRECTOR = 'IT_DIRECTOR',
  PROJECT_MEMBER = 'PROJECT_MEMBER',
  FINANCE = 'FINANCE',
  BI_READER = 'BI_READER',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'What a member of staff does; decides what they may see and do.',
  valuesConfig: {
    ADMIN: { description: 'Runs the system: reads and changes everything, reads the audit trail.' },
    EXECUTIVE: { description: 'Sees the whole portfolio, changes any account, reads the audit trail.' },
    SENIOR_ACCOUNT_MANAGER: {
      description: 'Manages the largest accounts and leads account managers: sees and steers their portfolios.',
    },
    ACCOUNT_MANAGER: {
      description: 'Day-to-day relationship manager: sees and changes the accounts they own or are on the team of.',
    },
    IT_DIRECTOR: {
      description:
        'Reads every account to follow escalated client issues; changes only accounts whose team they are on.',
    },
    PROJECT_MEMBER: { description: 'Delivers projects: sees and changes the accounts whose team they are on.' },
    FINANCE: {
      description: 'Reads every account for invoicing and revenue; changes only accounts whose team they are on.',
    },
    BI_READER: { description: 'Service account for dashboards: reads everything, never writes.' },
  },
});

/** A member of staff: account managers, their seniors, executives, finance, project team, service accounts. */
@ObjectType({
  implements: Node,
  description:
    'A member of staff: account managers, their seniors, executives, finance, the project team, service accounts.',
})
@Entity('user')
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

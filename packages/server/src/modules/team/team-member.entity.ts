import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseRecord, Node, NodeType } from '../../common/base.entity';
import { Account } from '../account/account.entity';
import { User } from '../user/user.entity';

export enum TeamRole {
  BACKUP_ACCOUNT_MANAGER = 'BACKUP_ACCOUNT_MANAGER',
  EXECUTIVE_SPONSOR = 'EXECUTIVE_SPONSOR',
  PROJECT_MANAGER = 'PROJECT_MANAGER',
  IMPLEMENTATION_LEAD = 'IMPLEMENTATION_LEAD',
  SOLUTIONS_ENGINEER = 'SOLUTIONS_ENGINEER',
  SUPPORT_LEAD = 'SUPPORT_LEAD',
  BILLING_SPECIALIST = 'BILLING_SPECIALIST',
}

registerEnumType(TeamRole, {
  name: 'TeamRole',
  description: 'The part a member of staff plays on an account team (besides the owner).',
  valuesConfig: {
    BACKUP_ACCOUNT_MANAGER: { description: 'Covers for the owner; can act on the account.' },
    EXECUTIVE_SPONSOR: { description: "Our executive paired with the client's sponsor." },
    PROJECT_MANAGER: { description: 'Runs delivery projects for the account.' },
    IMPLEMENTATION_LEAD: { description: 'Leads onboarding and integrations.' },
    SOLUTIONS_ENGINEER: { description: 'Technical design and pre-sales.' },
    SUPPORT_LEAD: { description: 'First line for client issues.' },
    BILLING_SPECIALIST: { description: 'Prepares invoices and follows payments.' },
  },
});

/** A member of staff on an account's team, with the part they play. */
@NodeType('AccountTeamMember')
@ObjectType({ implements: Node, description: "A member of staff on an account's team, with the part they play." })
@Entity('account_team_member')
@Index(['accountId', 'userId'], { unique: true })
@Index(['userId'])
export class AccountTeamMember extends BaseRecord {
  @Column({ type: 'int' })
  accountId!: number;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'accountId' })
  account?: Relation<Account>;

  @Column({ type: 'int' })
  userId!: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: Relation<User>;

  @Field(() => TeamRole, { description: 'The part they play on this account.' })
  @Column({ type: 'simple-enum', enum: TeamRole })
  teamRole!: TeamRole;
}

import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseRecord, Node, NodeType } from '../../common/base.entity';
import type { LocalDate } from '../../common/dates';
import { Account } from '../account/account.entity';

export enum OfferingCategory {
  COST_TRANSPARENCY = 'COST_TRANSPARENCY',
  PROVIDER_SEARCH = 'PROVIDER_SEARCH',
  MEMBER_ENGAGEMENT = 'MEMBER_ENGAGEMENT',
  CARE_NAVIGATION = 'CARE_NAVIGATION',
  ANALYTICS = 'ANALYTICS',
  COMPLIANCE = 'COMPLIANCE',
  PROFESSIONAL_SERVICES = 'PROFESSIONAL_SERVICES',
  OTHER = 'OTHER',
}

export enum AccountOfferingStatus {
  ACTIVE = 'ACTIVE',
  PILOT = 'PILOT',
  SUSPENDED = 'SUSPENDED',
  ENDED = 'ENDED',
}

registerEnumType(OfferingCategory, {
  name: 'OfferingCategory',
  description: 'What part of a health plan’s needs an offering serves.',
  valuesConfig: {
    COST_TRANSPARENCY: {
      description: 'Cost estimators and price transparency tools for members (out-of-pocket costs).',
    },
    PROVIDER_SEARCH: { description: 'Provider directories and search: finding in-network doctors and facilities.' },
    MEMBER_ENGAGEMENT: { description: 'Member portals, outreach and incentives that bring members to the tools.' },
    CARE_NAVIGATION: { description: 'Guiding members to the right care: quality scores, care paths, advocacy.' },
    ANALYTICS: { description: 'Reporting and insight for the health plan: utilisation, savings, adoption.' },
    COMPLIANCE: {
      description: 'Meeting regulation: Transparency in Coverage files, No Surprises Act, directory accuracy.',
    },
    PROFESSIONAL_SERVICES: { description: 'Implementation, integration, training and consulting.' },
    OTHER: { description: 'Anything else the company sells.' },
  },
});

registerEnumType(AccountOfferingStatus, {
  name: 'AccountOfferingStatus',
  description: 'Where an account stands with one offering.',
  valuesConfig: {
    ACTIVE: { description: 'In use under contract.' },
    PILOT: { description: 'On trial with a part of the membership; counts as held (not whitespace).' },
    SUSPENDED: { description: 'Paused, for example during a dispute or a migration; whitespace again.' },
    ENDED: { description: 'No longer used; whitespace again.' },
  },
});

/** One thing the company sells, in its catalogue. */
@NodeType('Offering')
@ObjectType({ implements: Node, description: 'One product or service in the company’s catalogue.' })
@Entity('offering')
@Index(['name', 'id'])
@Index(['updatedAt', 'id'])
export class Offering extends BaseRecord {
  @Field(() => String, { description: 'Name, unique in the catalogue, for example "Cost Estimator".' })
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Field(() => OfferingCategory, { description: 'What part of a health plan’s needs it serves.' })
  @Column({ type: 'simple-enum', enum: OfferingCategory })
  category!: OfferingCategory;

  @Field(() => String, { nullable: true, description: 'What it is and what it does for the client.' })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  description!: string | null;

  @Field(() => Boolean, { description: 'False once it is no longer sold: it leaves every account’s whitespace.' })
  @Column({ type: 'boolean', default: true })
  active!: boolean;
}

/** That an account has (or had) an offering: since when, and how it stands. */
@NodeType('AccountOffering')
@ObjectType({ implements: Node, description: 'An offering an account has or had, since when and how it stands.' })
@Entity('account_offering')
@Index(['accountId', 'offeringId'], { unique: true })
@Index(['offeringId', 'id'])
export class AccountOffering extends BaseRecord {
  @Column({ type: 'int' })
  accountId!: number;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'accountId' })
  account?: Relation<Account>;

  @Column({ type: 'int' })
  offeringId!: number;

  @ManyToOne(() => Offering, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'offeringId' })
  offering?: Relation<Offering>;

  @Field(() => GraphQLLocalDate, { description: 'The day the account started with it (or started the pilot).' })
  @Column({ type: 'date' })
  since!: LocalDate;

  @Field(() => AccountOfferingStatus, { description: 'How the account stands with it.' })
  @Column({ type: 'simple-enum', enum: AccountOfferingStatus })
  status!: AccountOfferingStatus;
}

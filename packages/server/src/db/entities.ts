import { Account } from '../modules/account/account.entity';
import { AuditEvent } from '../modules/audit/audit-event.entity';
import { Contact } from '../modules/contact/contact.entity';
import { AccountTeamMember } from '../modules/team/team-member.entity';
import { User } from '../modules/user/user.entity';

/** Every entity, for the data source and the schema. */
export const entities = [User, Account, Contact, AccountTeamMember, AuditEvent];

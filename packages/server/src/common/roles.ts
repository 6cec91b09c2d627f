import { registerEnumType } from 'type-graphql';

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

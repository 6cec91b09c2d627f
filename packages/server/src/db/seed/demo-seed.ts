import type { EntityManager } from 'typeorm';
import { Account, AccountKind, AccountStatus, AccountTier } from '../../modules/account/account.entity';
import { Contact, ContactRole } from '../../modules/contact/contact.entity';
import { AccountTeamMember, TeamRole } from '../../modules/team/team-member.entity';
import { Role } from '../../common/roles';
import { User } from '../../modules/user/user.entity';
import type { Database } from '../database';
import { seedChangeOrders } from './change-orders-seed';
import { seedContracts } from './contracts-seed';
import { seedInvoices } from './invoices-seed';
import { seedStaffGoals } from './staff-goals-seed';
import { seedClientIssues } from './client-issues-seed';
import { seedCommunications } from './communications-seed';
import { seedSales } from './sales-seed';
import { seedSuccessPlans } from './success-plans-seed';
import { seedProjects } from './projects-seed';
import { seedHealthHistory } from './health-seed';

/** Demo staff: every role, two seniors leading three and two account managers, one leaver. */
export const DEMO_STAFF = [
  {
    key: 'admin',
    name: 'Morgan Lee',
    email: 'morgan.lee@accountgraph.example',
    title: 'Systems Administrator',
    role: Role.ADMIN,
  },
  {
    key: 'vp',
    name: 'Dana Whitfield',
    email: 'dana.whitfield@accountgraph.example',
    title: 'VP, Client Services',
    role: Role.EXECUTIVE,
  },
  {
    key: 'cro',
    name: 'Priya Raman',
    email: 'priya.raman@accountgraph.example',
    title: 'Chief Revenue Officer',
    role: Role.EXECUTIVE,
  },
  {
    key: 'marcus',
    name: 'Marcus Ellison',
    email: 'marcus.ellison@accountgraph.example',
    title: 'Senior Account Manager',
    role: Role.SENIOR_ACCOUNT_MANAGER,
    manager: 'vp',
  },
  {
    key: 'sofia',
    name: 'Sofia Alvarez',
    email: 'sofia.alvarez@accountgraph.example',
    title: 'Senior Account Manager',
    role: Role.SENIOR_ACCOUNT_MANAGER,
    manager: 'vp',
  },
  {
    key: 'jordan',
    name: 'Jordan Kim',
    email: 'jordan.kim@accountgraph.example',
    title: 'Account Manager',
    role: Role.ACCOUNT_MANAGER,
    manager: 'marcus',
  },
  {
    key: 'taylor',
    name: 'Taylor Brooks',
    email: 'taylor.brooks@accountgraph.example',
    title: 'Account Manager',
    role: Role.ACCOUNT_MANAGER,
    manager: 'marcus',
  },
  {
    key: 'riley',
    name: 'Riley Chen',
    email: 'riley.chen@accountgraph.example',
    title: 'Account Manager',
    role: Role.ACCOUNT_MANAGER,
    manager: 'marcus',
  },
  {
    key: 'casey',
    name: 'Casey Nguyen',
    email: 'casey.nguyen@accountgraph.example',
    title: 'Account Manager',
    role: Role.ACCOUNT_MANAGER,
    manager: 'sofia',
  },
  {
    key: 'jamie',
    name: 'Jamie Patel',
    email: 'jamie.patel@accountgraph.example',
    title: 'Account Manager',
    role: Role.ACCOUNT_MANAGER,
    manager: 'sofia',
  },
  {
    key: 'chris',
    name: 'Chris Doyle',
    email: 'chris.doyle@accountgraph.example',
    title: 'Account Manager',
    role: Role.ACCOUNT_MANAGER,
    manager: 'sofia',
    active: false,
  },
  {
    key: 'itdir',
    name: 'Alex Morgan',
    email: 'alex.morgan@accountgraph.example',
    title: 'IT Director',
    role: Role.IT_DIRECTOR,
    manager: 'cro',
  },
  {
    key: 'sam',
    name: 'Sam Ortiz',
    email: 'sam.ortiz@accountgraph.example',
    title: 'Project Manager',
    role: Role.PROJECT_MEMBER,
    manager: 'itdir',
  },
  {
    key: 'lee',
    name: 'Lee Harper',
    email: 'lee.harper@accountgraph.example',
    title: 'Implementation Engineer',
    role: Role.PROJECT_MEMBER,
    manager: 'itdir',
  },
  {
    key: 'robin',
    name: 'Robin Castillo',
    email: 'robin.castillo@accountgraph.example',
    title: 'Finance Manager',
    role: Role.FINANCE,
    manager: 'cro',
  },
  {
    key: 'bi',
    name: 'BI Dashboards',
    email: 'bi-dashboards@accountgraph.example',
    title: 'Service account',
    role: Role.BI_READER,
  },
] as const;

/** Total members the demo portfolio reaches, as in the brief (~72 million). */
export const DEMO_TOTAL_MEMBERS = 72_000_000;

const FAMILIES = [
  { name: 'Cascadia Health', states: ['Oregon', 'Washington', 'Idaho', 'Alaska'] },
  { name: 'Summit Blue', states: ['Colorado', 'Utah', 'Wyoming'] },
  { name: 'Lone Star Care', states: ['Texas Gulf', 'Texas Hill Country', 'Texas Panhandle'] },
  { name: 'Great Lakes Health Plan', states: ['Michigan', 'Ohio', 'Wisconsin', 'Illinois'] },
  { name: 'Magnolia Health', states: ['Mississippi', 'Louisiana', 'Alabama'] },
  { name: 'Keystone Family Health', states: ['Pennsylvania', 'New Jersey'] },
  { name: 'Sierra Pacific Health', states: ['Northern California', 'Southern California', 'Nevada'] },
  { name: 'Heartland Mutual', states: ['Iowa', 'Nebraska', 'Kansas', 'Missouri'] },
  { name: 'Evergreen Community Plan', states: ['Vermont', 'New Hampshire', 'Maine'] },
  { name: 'Sunbelt Health Partners', states: ['Arizona', 'New Mexico'] },
  { name: 'Atlantic Coast Health', states: ['Virginia', 'North Carolina', 'South Carolina'] },
  { name: 'Bayou State Health', states: ['New Orleans Metro', 'Baton Rouge'] },
] as const;

const STANDALONE = [
  'Prairie Rose Health Plan',
  'Harbor Medical Plan',
  'Redwood Valley Health',
  'Granite State Benefits',
  'Blue Ridge Health Cooperative',
  'Tidewater Health Plan',
  'Copper Canyon Care',
  'Northern Lights Health',
  'Palmetto Community Health',
  'Big Sky Health Alliance',
  'Chesapeake Health Plan',
  'Ozark Family Care',
  'Pinnacle Senior Advantage',
  'Riverbend Health Plan',
  'Mesa Verde Health',
  'Lakeshore Medicaid Plan',
  'Golden Valley Health',
  'Pioneer Health Cooperative',
  'Crescent City Health Plan',
  'Willamette Valley Care',
  'Capitol Health Partners',
  'Bluegrass Health Plan',
] as const;

export const FIRST_NAMES = [
  'Avery',
  'Blake',
  'Cameron',
  'Devon',
  'Emerson',
  'Finley',
  'Harper',
  'Hayden',
  'Jesse',
  'Kendall',
  'Logan',
  'Micah',
  'Noel',
  'Parker',
  'Quinn',
  'Reese',
  'Rowan',
  'Sage',
  'Shawn',
  'Skyler',
  'Tatum',
  'Wren',
  'Maria',
  'David',
  'Aisha',
  'Kenji',
  'Elena',
  'Omar',
  'Grace',
  'Luis',
];
export const LAST_NAMES = [
  'Anderson',
  'Bennett',
  'Carter',
  'Diaz',
  'Evans',
  'Foster',
  'Garcia',
  'Hughes',
  'Ibarra',
  'Jensen',
  'Kowalski',
  'Lopez',
  'Mitchell',
  'Nakamura',
  'Okafor',
  'Price',
  'Reyes',
  'Schmidt',
  'Thompson',
  'Underwood',
  'Vasquez',
  'Walsh',
  'Young',
  'Zimmerman',
];
export const CONTACT_SHAPES: { title: string; roles: ContactRole[] }[] = [
  { title: 'Chief Executive Officer', roles: [ContactRole.EXECUTIVE_SPONSOR, ContactRole.DECISION_MAKER] },
  { title: 'VP, Member Experience', roles: [ContactRole.DECISION_MAKER] },
  { title: 'Director of IT Integration', roles: [ContactRole.IT_CONTACT] },
  { title: 'Accounts Payable Manager', roles: [ContactRole.BILLING] },
  { title: 'Chief Medical Officer', roles: [ContactRole.CLINICAL, ContactRole.EXECUTIVE_SPONSOR] },
  { title: 'Digital Product Manager', roles: [ContactRole.OTHER] },
];

/** A small deterministic PRNG (mulberry32): the same seed gives the same portfolio every time. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/(^-|-$)/g, '');
}

interface PlannedAccount {
  name: string;
  parentIndex: number | null;
  weight: number;
  region: string;
}

export interface SeedSummary {
  users: number;
  accounts: number;
  contacts: number;
  teamMembers: number;
  membersReached: number;
  contracts: number;
  changeOrders: number;
  invoices: number;
  projects: number;
  clientIssues: number;
  communications: number;
  healthSnapshots: number;
  clientGoals: number;
  offerings: number;
  opportunities: number;
}

/** Seeds the demo portfolio when the database has no users yet; returns what it wrote, or null. */
export async function seedDemoIfEmpty(db: Database): Promise<SeedSummary | null> {
  return db.transaction(async (em) => ((await em.count(User)) > 0 ? null : seedDemo(em)));
}

/**
 * Writes the demo portfolio: ~70 health plans in families reaching 72 million members, staff, teams, contacts,
 * contracts, change orders, invoices, projects, client issues.
 */
export async function seedDemo(em: EntityManager): Promise<SeedSummary> {
  const rand = random(20261128);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  const base = Date.UTC(2024, 0, 8, 16, 0, 0);
  let clock = 0;
  const nextTime = () => new Date(base + (clock += 3_600_000 + Math.floor(rand() * 86_400_000)));

  const users = new Map<string, User>();
  for (const staff of DEMO_STAFF) {
    const user = em.create(User, {
      name: staff.name,
      email: staff.email,
      title: staff.title,
      role: staff.role,
      active: 'active' in staff ? staff.active : true,
      managerId: 'manager' in staff ? users.get(staff.manager)!.id : null,
      createdAt: new Date(base),
      updatedAt: new Date(base),
      version: 1,
    });
    users.set(staff.key, await em.save(user));
  }

  const planned: PlannedAccount[] = [];
  for (const family of FAMILIES) {
    const parentIndex = planned.length;
    planned.push({ name: family.name, parentIndex: null, weight: 0.6 + rand(), region: family.states[0] });
    for (const state of family.states)
      planned.push({ name: `${family.name} of ${state}`, parentIndex, weight: 0.2 + rand() * 1.6, region: state });
  }
  for (const name of STANDALONE)
    planned.push({
      name,
      parentIndex: null,
      weight: 0.05 + rand() * 0.9,
      region: pick(['Northeast', 'Southeast', 'Midwest', 'Southwest', 'West', 'Northwest']),
    });

  // Members split by weight, rounded, with the remainder on the largest so the total is exact.
  const totalWeight = planned.reduce((sum, p) => sum + p.weight, 0);
  const members = planned.map((p) => Math.round((p.weight / totalWeight) * DEMO_TOTAL_MEMBERS));
  const largest = members.indexOf(Math.max(...members));
  members[largest] += DEMO_TOTAL_MEMBERS - members.reduce((sum, m) => sum + m, 0);

  const usersById = new Map([...users.values()].map((user) => [user.id, user]));
  const seniors = [users.get('marcus')!, users.get('sofia')!];
  const managers = ['jordan', 'taylor', 'riley', 'casey', 'jamie'].map((key) => users.get(key)!);
  const teamPool = [users.get('sam')!, users.get('lee')!, users.get('itdir')!, users.get('robin')!, ...managers];
  const accounts: Account[] = [];
  for (const [index, plan] of planned.entries()) {
    const reached = members[index];
    const tier =
      reached > 2_000_000 ? AccountTier.STRATEGIC : reached > 700_000 ? AccountTier.ENTERPRISE : AccountTier.GROWTH;
    const parent = plan.parentIndex === null ? null : accounts[plan.parentIndex];
    // A family stays with one owner; strategic heads go to seniors (they hold the largest accounts).
    const owner = parent
      ? usersById.get(parent.ownerId!)!
      : tier === AccountTier.STRATEGIC
        ? pick(seniors)
        : pick(managers);
    const createdAt = nextTime();
    const account = em.create(Account, {
      name: plan.name,
      kind: AccountKind.HEALTH_PLAN,
      tier,
      status: pick([
        AccountStatus.ACTIVE,
        AccountStatus.ACTIVE,
        AccountStatus.ACTIVE,
        AccountStatus.ACTIVE,
        AccountStatus.AT_RISK,
        AccountStatus.ONBOARDING,
      ]),
      membersReached: reached,
      region: plan.region,
      parentId: parent?.id ?? null,
      ownerId: owner.id,
      createdAt,
      updatedAt: createdAt,
      version: 1,
    });
    accounts.push(await em.save(account));
  }

  const teamRows: AccountTeamMember[] = [];
  const contactRows: Contact[] = [];
  for (const account of accounts) {
    const teamSize = 1 + Math.floor(rand() * 3);
    const chosen = new Set<number>([account.ownerId!]);
    for (let i = 0; i < teamSize; i++) {
      const member = pick(teamPool);
      if (chosen.has(member.id)) continue;
      chosen.add(member.id);
      const teamRole =
        member.role === Role.PROJECT_MEMBER
          ? pick([TeamRole.PROJECT_MANAGER, TeamRole.IMPLEMENTATION_LEAD])
          : member.role === Role.IT_DIRECTOR
            ? TeamRole.SOLUTIONS_ENGINEER
            : member.role === Role.FINANCE
              ? TeamRole.BILLING_SPECIALIST
              : TeamRole.BACKUP_ACCOUNT_MANAGER;
      teamRows.push(
        em.create(AccountTeamMember, {
          accountId: account.id,
          userId: member.id,
          teamRole,
          createdAt: account.createdAt,
          updatedAt: account.createdAt,
          version: 1,
        }),
      );
    }
    const contactCount = 3 + Math.floor(rand() * 3);
    const domain = `${slug(account.name).slice(0, 40)}.example`;
    for (let i = 0; i < contactCount; i++) {
      const shape = CONTACT_SHAPES[i % CONTACT_SHAPES.length];
      const first = pick(FIRST_NAMES);
      const last = pick(LAST_NAMES);
      contactRows.push(
        em.create(Contact, {
          accountId: account.id,
          name: `${first} ${last}`,
          title: shape.title,
          email: `${slug(first)}.${slug(last)}@${domain}`,
          phone: `+1 503 555 ${String(1000 + Math.floor(rand() * 9000))}`,
          roles: shape.roles,
          isPrimary: i === 0,
          createdAt: account.createdAt,
          updatedAt: account.createdAt,
          version: 1,
        }),
      );
    }
  }
  for (let i = 0; i < teamRows.length; i += 200) await em.insert(AccountTeamMember, teamRows.slice(i, i + 200));
  for (let i = 0; i < contactRows.length; i += 200) await em.insert(Contact, contactRows.slice(i, i + 200));
  const contracts = await seedContracts(em, rand);
  const changeOrders = await seedChangeOrders(em, rand);
  const invoices = await seedInvoices(em, rand);
  const projects = await seedProjects(em, rand);
  const clientIssues = await seedClientIssues(em, rand);
  const communications = await seedCommunications(em, rand);
  const sales = await seedSales(em, random(20261203));
  const healthSnapshots = await seedHealthHistory(em, rand);
  await seedStaffGoals(em, rand);
  const clientGoals = await seedSuccessPlans(em, rand);

  return {
    users: users.size,
    accounts: accounts.length,
    contacts: contactRows.length,
    teamMembers: teamRows.length,
    membersReached: members.reduce((sum, m) => sum + m, 0),
    contracts,
    changeOrders,
    invoices,
    projects,
    clientIssues,
    communications,
    healthSnapshots,
    clientGoals,
    ...sales,
  };
}

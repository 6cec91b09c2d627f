import {
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { policies } from '../src/app/policies';
import { permissionTable } from '../src/app/policy-gate';
import { createSchema } from '../src/app/schema';
import { EVERY_ROLE } from '../src/common/policy';
import type { Role } from '../src/common/roles';
import { TestServer } from './support/harness';

/**
 * The authorization table, tested as declared: every policed operation (every mutation, and the
 * queries gated by role) is sent by every role. A role the policy leaves out is refused by the
 * gate (FORBIDDEN, ROLE_NOT_ALLOWED) before anything is written; a role it lets in is not refused
 * by the gate (the dummy input may still be NOT_FOUND or BAD_USER_INPUT further on).
 */
let server: TestServer;
const tokens = new Map<Role, string>();
const table = permissionTable(policies);

beforeAll(async () => {
  server = await TestServer.start();
  for (const role of EVERY_ROLE) tokens.set(role, await server.signedIn(role));
});

afterAll(() => server?.close());

/** Placeholder values for the scalars the schema uses: well-formed, naming nothing that exists. */
const SCALARS: Record<string, unknown> = {
  ID: 'Tm90aGluZzo5OTk5OTk=', // "Nothing:999999", a global id of no type
  String: 'Authorization probe',
  Int: 1,
  SafeInt: 1,
  Float: 1,
  Boolean: false,
  LocalDate: '2030-01-15',
  DateTimeISO: '2030-01-15T00:00:00.000Z',
  JSONObject: {},
};

/** A value of `type` with every required field filled (optional ones left out): valid GraphQL, dummy data. */
function dummyValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return dummyValue(type.ofType);
  if (isListType(type)) return [dummyValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isScalarType(type)) {
    if (!(type.name in SCALARS)) throw new Error(`no placeholder for scalar ${type.name}`);
    return SCALARS[type.name];
  }
  if (isInputObjectType(type))
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type) && field.defaultValue === undefined)
        .map((field) => [field.name, dummyValue(field.type)]),
    );
  throw new Error(`unexpected input type ${String(type)}`);
}

interface Probe {
  key: string;
  query: string;
  variables: Record<string, unknown>;
}

/** One request per operation: its required arguments as variables, and only `__typename` selected. */
function probe(root: 'mutation' | 'query', field: GraphQLField<unknown, unknown>): Probe {
  const args = field.args.filter((arg: GraphQLArgument) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  const declared = args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  return {
    key: `${root === 'mutation' ? 'Mutation' : 'Query'}.${field.name}`,
    query: `${root} Probe${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''} { __typename } }`,
    variables: Object.fromEntries(args.map((arg) => [arg.name, dummyValue(arg.type)])),
  };
}

async function probes(): Promise<Probe[]> {
  const schema = await createSchema();
  const mutations = Object.values(schema.getMutationType()!.getFields()).map((field) => probe('mutation', field));
  const queries = Object.values(schema.getQueryType()!.getFields())
    .filter((field) => table.has(`Query.${field.name}`))
    .map((field) => probe('query', field));
  return [...mutations, ...queries];
}

async function send(role: Role, { query, variables }: Probe) {
  const response = await server.post({ query, variables }, { authorization: `Bearer ${tokens.get(role)}` });
  const error = response.body.errors?.[0];
  return { status: response.status, code: error?.extensions?.code, reason: error?.extensions?.reason, error };
}

async function auditEvents(): Promise<number> {
  return server.count('SELECT COUNT(*) AS n FROM audit_event');
}

it('has a row for every mutation of the schema, and no row for an operation that does not exist', async () => {
  const schema = await createSchema();
  const mutations = Object.keys(schema.getMutationType()!.getFields()).map((name) => `Mutation.${name}`);
  const queries = Object.keys(schema.getQueryType()!.getFields()).map((name) => `Query.${name}`);
  expect(mutations.filter((key) => !table.has(key))).toEqual([]);
  expect([...table.keys()].filter((key) => !mutations.includes(key) && !queries.includes(key))).toEqual([]);
  for (const [key, policy] of table) expect({ key, roles: policy.roles.length > 0 }).toEqual({ key, roles: true });
});

it('refuses every role an operation does not list, before anything is written', async () => {
  const before = await auditEvents();
  const accountsBefore = await server.count('SELECT COUNT(*) AS n FROM account');
  const unexpected: string[] = [];
  let refusals = 0;
  for (const operation of await probes()) {
    const refused = EVERY_ROLE.filter((role) => !table.get(operation.key)!.roles.includes(role));
    const results = await Promise.all(refused.map((role) => send(role, operation)));
    results.forEach((result, i) => {
      refusals++;
      if (result.code !== 'FORBIDDEN' || result.reason !== 'ROLE_NOT_ALLOWED' || result.status !== 200)
        unexpected.push(`${operation.key} as ${refused[i]}: ${JSON.stringify(result)}`);
      else if (!String(result.error?.message).includes(operation.key.split('.')[1]))
        unexpected.push(`${operation.key} as ${refused[i]}: the message does not name the operation`);
    });
  }
  expect(unexpected).toEqual([]);
  expect(refusals).toBeGreaterThan(50);
  expect(await auditEvents()).toBe(before);
  expect(await server.count('SELECT COUNT(*) AS n FROM account')).toBe(accountsBefore);
});

it('lets every role an operation lists past the gate, and every refusal further on carries a reason', async () => {
  const unexpected: string[] = [];
  for (const operation of await probes()) {
    const allowed = table.get(operation.key)!.roles;
    const results = await Promise.all(allowed.map((role) => send(role, operation)));
    results.forEach((result, i) => {
      // Refused later for the dummy input, or done: either way with a reason, and never by the gate.
      const refusedByGate = result.reason === 'ROLE_NOT_ALLOWED';
      if (refusedByGate || result.code === 'INTERNAL_SERVER_ERROR' || (result.code !== undefined && !result.reason))
        unexpected.push(`${operation.key} as ${allowed[i]}: ${JSON.stringify(result)}`);
    });
  }
  expect(unexpected).toEqual([]);
});

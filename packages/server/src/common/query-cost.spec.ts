import 'reflect-metadata';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  Kind,
  parse,
  typeFromAST,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { createSchema } from '../app/schema';
import { QUERY_COST_BUDGET, QueryCosts, queryCost } from './query-cost';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await createSchema();
});

const cost = (query: string, variables?: Record<string, unknown>) => queryCost(schema, parse(query), variables);

describe('query cost', () => {
  it('counts one point per object and nothing for scalars', () => {
    expect(cost('{ viewer { id name } }')).toBe(1);
    expect(cost('{ viewer { id manager { name } } }')).toBe(2);
  });

  it('multiplies what a connection selects by first', () => {
    // 1 for the page, then 20 accounts each with an owner: 20 x (1 + 1).
    expect(
      cost(
        '{ accounts(first: 20) { totalCount edges { cursor node { name owner { name } } } pageInfo { hasNextPage } } }',
      ),
    ).toBe(41);
    // Nested connections multiply: 1 + 10 x (1 + (1 + 5 x 1)).
    expect(cost('{ accounts(first: 10) { edges { node { contacts(first: 5) { edges { node { name } } } } } } }')).toBe(
      71,
    );
  });

  it('uses the default page size when first is left out, and variables when given', () => {
    expect(cost('{ accounts { edges { node { name } } } }')).toBe(21);
    expect(cost('query ($n: Int!) { accounts(first: $n) { edges { node { name } } } }', { n: 7 })).toBe(8);
  });

  it('caps first at the largest page so an out-of-range value meets its own validation error', () => {
    expect(cost('{ accounts(first: 100000) { edges { node { name } } } }')).toBe(101);
  });

  it('follows fragments and leaves out what @skip removes', () => {
    const query = `query ($skip: Boolean!) {
        accounts(first: 10) { edges { node { ...Owner contacts(first: 10) @skip(if: $skip) { edges { node { name } } } } } }
      }
      fragment Owner on Account { owner { name } }`;
    expect(cost(query, { skip: true })).toBe(1 + 10 * 2);
    expect(cost(query, { skip: false })).toBe(1 + 10 * (2 + 11));
  });

  it('prices the nested pages that took the server down far over the budget', () => {
    const twoLevels =
      '{ projects(first: 100) { edges { node { statusUpdates(first: 100) { edges { node { summary } } } } } } }';
    expect(cost(twoLevels)).toBe(1 + 100 * (1 + 1 + 100));
    const threeLevels =
      '{ projects(first: 100) { edges { node { statusUpdates(first: 100) { edges { node { project { ' +
      'statusUpdates(first: 100) { edges { node { summary } } } } } } } } } } }';
    expect(cost(threeLevels)).toBeGreaterThan(100 * QUERY_COST_BUDGET);
  });

  it('costs nothing for introspection', () => {
    expect(cost('{ __schema { types { name fields { name args { name } } } } }')).toBe(0);
  });
});

/** A value of the variable's type good enough for costing: required fields filled, first at its largest. */
function sampleValue(type: GraphQLInputType, name: string): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType, name);
  if (isListType(type)) return [sampleValue(type.ofType, name)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter(
      (field) => isNonNullType(field.type) && field.defaultValue === undefined,
    );
    return Object.fromEntries(fields.map((field) => [field.name, sampleValue(field.type, field.name)]));
  }
  if (!isScalarType(type)) throw new Error(`no sample for ${String(type)}`);
  const samples: Record<string, unknown> = {
    Int: 1,
    Float: 1,
    Boolean: false,
    SafeInt: 1,
    LocalDate: '2026-01-15',
    DateTimeISO: '2026-01-15T00:00:00.000Z',
    JSONObject: {},
  };
  return samples[type.name] ?? 'x';
}

/** Variables for an operation: its defaults, required ones sampled, and `first` (the top page) at 100 when asked. */
function variablesFor(operation: OperationDefinitionNode, largestTopPage: boolean): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type as never) as GraphQLInputType;
    if (name === 'first' && largestTopPage) variables[name] = 100;
    else if (definition.defaultValue === undefined && isNonNullType(type)) variables[name] = sampleValue(type, name);
  }
  return variables;
}

describe('the budget', () => {
  const operationsDir = join(__dirname, '../../../sdk/operations');
  const documents: { file: string; document: DocumentNode }[] = readdirSync(operationsDir)
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => ({ file, document: parse(readFileSync(join(operationsDir, file), 'utf8')) }));
  const operations = documents.flatMap(({ file, document }) =>
    document.definitions
      .filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)
      .map((operation) => ({ name: `${file}: ${operation.name?.value}`, operation, document })),
  );

  it('has SDK operations to check', () => {
    expect(operations.length).toBeGreaterThan(50);
  });

  it.each(operations.map((op) => [op.name, op] as const))(
    'fits %s with its default page sizes, and with a top page of 100',
    (_name, { operation, document }) => {
      for (const largestTopPage of [false, true]) {
        const variables = variablesFor(operation, largestTopPage);
        expect(queryCost(schema, document, variables, operation.name?.value)).toBeLessThanOrEqual(QUERY_COST_BUDGET);
      }
    },
  );

  it('fits the playground sample', () => {
    const source = readFileSync(join(__dirname, '../app/playground.ts'), 'utf8');
    const sample = /const DEFAULT_QUERY = `([\s\S]*?)`;/.exec(source)?.[1];
    expect(sample).toBeDefined();
    expect(queryCost(schema, parse(sample!), {})).toBeLessThanOrEqual(QUERY_COST_BUDGET);
  });

  it('puts a page of 100 projects with about 100 status updates each at the edge', () => {
    // 1 + 100 x (1 + 1 + 97) = 9,901 fits; 1 + 100 x (1 + 1 + 100) = 10,201 does not.
    expect(
      cost('{ projects(first: 100) { edges { node { statusUpdates(first: 97) { edges { node { summary } } } } } } }'),
    ).toBeLessThanOrEqual(QUERY_COST_BUDGET);
    expect(
      cost('{ projects(first: 100) { edges { node { statusUpdates(first: 100) { edges { node { summary } } } } } } }'),
    ).toBeGreaterThan(QUERY_COST_BUDGET);
  });
});

describe('remembered costs', () => {
  const PAGE = parse(`query Page($first: Int = 20, $teamFirst: Int!, $withTeam: Boolean!, $search: String) {
    accounts(first: $first, filter: { search: $search }) {
      edges { node { name team(first: $teamFirst) @include(if: $withTeam) { edges { node { teamRole } } } } }
    }
  }`);

  it('answers what the full count answers, for every value of the variables the cost depends on', () => {
    const costs = new QueryCosts(schema);
    for (const variables of [
      { teamFirst: 10, withTeam: true },
      { first: 50, teamFirst: 10, withTeam: true, search: 'a' },
      { first: 50, teamFirst: 10, withTeam: true, search: 'b' },
      { first: 50, teamFirst: 3, withTeam: true },
      { first: 50, teamFirst: 3, withTeam: false },
      { teamFirst: 10, withTeam: true },
    ]) {
      expect(costs.cost(PAGE, variables)).toBe(queryCost(schema, PAGE, variables));
    }
  });

  it('still refuses variables that do not fit the operation, after the cost is known', () => {
    const costs = new QueryCosts(schema);
    costs.cost(PAGE, { teamFirst: 10, withTeam: true });
    expect(() => costs.cost(PAGE, { teamFirst: 10, withTeam: true, search: 5 })).toThrow(/search/);
    expect(() => costs.cost(PAGE, { withTeam: true })).toThrow(/teamFirst/);
  });
});

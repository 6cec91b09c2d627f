import {
  getNamedType,
  getOperationAST,
  getVariableValues,
  isListType,
  isNonNullType,
  isLeafType,
  Kind,
  visit,
  type DocumentNode,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination';

/**
 * The most one request may cost, in points. One point is one object the server may have to load
 * (a node, a to-one relation, a page); a connection multiplies what it selects by `first`, as
 * GitHub's node limit does. Sized so that every operation in the SDK with its default page sizes,
 * and a top-level page of 100 with those nested defaults, fits, while a page of 100 projects with
 * 100 status updates each (about 10,000 objects) is at the edge.
 */
export const QUERY_COST_BUDGET = 10_000;

/** What a plain list (not a connection) of objects is assumed to hold when nothing bounds it. */
export const PLAIN_LIST_ITEMS = 50;

/** What a list of amounts, one per currency, costs: as many items as currencies in use, a handful, never a page. */
export const PER_CURRENCY_LIST_COST = 5;

function isListOutput(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/**
 * The cost model, field by field:
 * - a scalar or enum costs nothing (it comes with its object);
 * - a connection costs 1 (its page and count) plus `first` times what one edge selects;
 *   `first` is capped at the largest page, so an out-of-range value meets its own validation error;
 * - an edge and `pageInfo` cost nothing themselves: the node inside the edge is the object;
 * - any other object costs 1 plus what it selects, and a plain list of objects counts as
 *   `limit` items when the field has that argument, else PLAIN_LIST_ITEMS.
 * Introspection costs nothing. A field may state its own cost with a `complexity` extension, which wins.
 */
function estimateFieldCost({ type: parent, field, args, childComplexity }: ComplexityEstimatorArgs): number {
  // Introspection is bounded by the schema's size (and is off in production).
  if (field.name.startsWith('__') || parent.name.startsWith('__')) return 0;
  const type = getNamedType(field.type);
  if (isLeafType(type)) return 0;
  if (type.name.endsWith('Connection') && field.args.some((arg) => arg.name === 'first')) {
    const first = Math.min(Math.max(Number(args.first ?? DEFAULT_PAGE_SIZE) || 0, 0), MAX_PAGE_SIZE);
    return 1 + first * childComplexity;
  }
  if (type.name.endsWith('Edge') || type.name === 'PageInfo') return childComplexity;
  if (isListOutput(field.type)) {
    const items = typeof args.limit === 'number' ? Math.max(args.limit, 0) : PLAIN_LIST_ITEMS;
    return items * (1 + childComplexity);
  }
  return 1 + childComplexity;
}

/**
 * The cost of running `operationName` of `document` with `variables`, counted before anything
 * runs. Fragments, @skip and @include are followed. Throws the coercion error when the variables
 * do not fit the operation (execution would refuse them the same way).
 */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string,
): number {
  return getComplexity({
    schema,
    query: document,
    variables,
    operationName,
    estimators: [fieldExtensionsEstimator(), estimateFieldCost],
  });
}

/** Arguments whose values change what a request costs: page sizes, list limits, @skip and @include. */
const COST_ARGUMENTS = new Set(['first', 'limit', 'if']);
/** Costs remembered per document and operation; past this many variable combinations they start over. */
const REMEMBERED_PER_OPERATION = 64;

interface CostPlan {
  /** Variables passed to a cost argument anywhere in the document. */
  costVariables: string[];
  /** Costs by the values of those variables. */
  costs: Map<string, number>;
}

/**
 * queryCost, remembered per document (Apollo keeps one parsed document per query text), operation
 * and the values of the variables the cost depends on: the count walks the whole operation, and a
 * document the server has seen should cost a lookup. Every request's variables are still checked
 * against the operation, as the full count checks them.
 */
export class QueryCosts {
  private readonly plans = new WeakMap<DocumentNode, Map<string, CostPlan>>();

  constructor(private readonly schema: GraphQLSchema) {}

  cost(document: DocumentNode, variables: Record<string, unknown> | undefined, operationName?: string): number {
    const operation = getOperationAST(document, operationName);
    if (!operation) return queryCost(this.schema, document, variables, operationName);
    const coerced = getVariableValues(this.schema, operation.variableDefinitions ?? [], variables ?? {});
    if (coerced.errors) throw coerced.errors[0];
    const plan = this.planFor(document, operationName ?? '');
    const key = JSON.stringify(plan.costVariables.map((name) => coerced.coerced[name] ?? null));
    let cost = plan.costs.get(key);
    if (cost === undefined) {
      cost = queryCost(this.schema, document, variables, operationName);
      if (plan.costs.size >= REMEMBERED_PER_OPERATION) plan.costs.clear();
      plan.costs.set(key, cost);
    }
    return cost;
  }

  private planFor(document: DocumentNode, operationName: string): CostPlan {
    let byOperation = this.plans.get(document);
    if (!byOperation) this.plans.set(document, (byOperation = new Map<string, CostPlan>()));
    let plan = byOperation.get(operationName);
    if (!plan) {
      const costVariables = new Set<string>();
      visit(document, {
        Argument(argument) {
          if (COST_ARGUMENTS.has(argument.name.value) && argument.value.kind === Kind.VARIABLE)
            costVariables.add(argument.value.name.value);
        },
      });
      byOperation.set(operationName, (plan = { costVariables: [...costVariables].sort(), costs: new Map() }));
    }
    return plan;
  }
}

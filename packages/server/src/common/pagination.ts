import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, Int, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { reuseQueryText } from './query-text';
import { BadInputError } from './errors';
import { joinToOne, primeToOne, type ToOne } from './to-one';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
const MAX_CURSOR_LENGTH = 500;

/** Forward pagination arguments shared by every connection. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    defaultValue: DEFAULT_PAGE_SIZE,
    description: `How many items to return: 1 to ${MAX_PAGE_SIZE}.`,
  })
  @Min(1, { message: `first must be between 1 and ${MAX_PAGE_SIZE}` })
  @Max(MAX_PAGE_SIZE, { message: `first must be between 1 and ${MAX_PAGE_SIZE}` })
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, {
    nullable: true,
    description: 'Return the items after this cursor (an `endCursor` or edge `cursor` from the previous page).',
  })
  @IsOptional()
  @MaxLength(MAX_CURSOR_LENGTH)
  after?: string | null;

  /**
   * The decorators' rules, checked without class-validator: a page of 50 accounts with two nested
   * lists validates 101 PageArgs. Only a failure goes through class-validator, for its message.
   */
  static passes(args: PageArgs): boolean {
    return (
      args.first >= 1 && args.first <= MAX_PAGE_SIZE && (args.after == null || args.after.length <= MAX_CURSOR_LENGTH)
    );
  }
}

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'Sort direction.',
  valuesConfig: {
    ASC: { description: 'Smallest (or A, or oldest) first.' },
    DESC: { description: 'Largest (or Z, or newest) first.' },
  },
});

@ObjectType({ description: 'Where a page sits in the whole list.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when more items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'True when this page was asked for with `after`, so items come before it.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item on the page.' })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last item on the page; pass it as `after` for the next page.',
  })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** What a connection resolver returns; `totalCount` is a getter so the COUNT runs only when asked for. */
export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  readonly totalCount: Promise<number> | number;
}

/** Declares `<Name>Connection` and `<Name>Edge` object types for a node type. */
export function connectionType<T extends object>(
  nodeType: ClassType<T>,
  name = nodeType.name,
): ClassType<Connection<T>> {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with its cursor.` })
  class EdgeType {
    @Field(() => String, { description: 'Opaque position of this item; pass it as `after` to continue after it.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
  class ConnectionType {
    @Field(() => [EdgeType], { description: 'The items on this page, in order.' })
    edges!: EdgeType[];

    @Field(() => PageInfo, { description: 'Where this page sits in the whole list.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items the whole list has, across all pages (same filters).' })
    totalCount!: number;
  }
  return ConnectionType;
}

/**
 * A sort order: a public key (part of every cursor, so a cursor from another order is refused),
 * the entity property it sorts on (never null), and a direction. The row id breaks ties.
 */
export interface SortOrder {
  key: string;
  property: string;
  direction: OrderDirection;
  kind: 'string' | 'number' | 'date';
}

type CursorValue = string | number;

function encodeCursor(order: SortOrder, value: unknown, id: number): string {
  const sortValue = value instanceof Date ? value.toISOString() : (value as CursorValue);
  return Buffer.from(JSON.stringify([order.key, sortValue, id])).toString('base64url');
}

/** Decodes a cursor made for `order`; anything else is the caller's mistake. */
export function decodeCursor(cursor: string, order: SortOrder): { value: CursorValue | Date; id: number } {
  const invalid = () =>
    BadInputError.field(
      'after',
      'is not a cursor from this list in this order; use a pageInfo.endCursor from the same query',
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || parsed[0] !== order.key || !Number.isSafeInteger(parsed[2]))
    throw invalid();
  const [, raw, id] = parsed as [string, unknown, number];
  if (order.kind === 'number' && typeof raw === 'number' && Number.isFinite(raw)) return { value: raw, id };
  if (order.kind === 'string' && typeof raw === 'string') return { value: raw, id };
  if (order.kind === 'date' && typeof raw === 'string' && !Number.isNaN(Date.parse(raw)))
    return { value: new Date(raw), id };
  throw invalid();
}

/** Adds `(sort, id) > (cursor)` (or `<` when descending) to a query, as plain comparisons both dialects index. */
export function applyKeyset<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  order: SortOrder,
  after: string | null | undefined,
): void {
  if (after) {
    const { value, id } = decodeCursor(after, order);
    const op = order.direction === OrderDirection.ASC ? '>' : '<';
    const column = `${alias}.${order.property}`;
    qb.andWhere(`(${column} ${op} :cursorValue OR (${column} = :cursorValue AND ${alias}.id ${op} :cursorId))`, {
      cursorValue: value,
      cursorId: id,
    });
  }
  qb.orderBy(`${alias}.${order.property}`, order.direction).addOrderBy(`${alias}.id`, order.direction);
}

/** Builds a connection from rows fetched with one extra row (which says whether a next page exists). */
export function toConnection<T extends { id: number }>(
  rows: T[],
  first: number,
  order: SortOrder,
  after: string | null | undefined,
  count: () => Promise<number>,
): Connection<T> {
  const page = rows.slice(0, first);
  // Cursors are encoded only when a client selects them: a large page that asks for none skips the work.
  const edges: Edge<T>[] = page.map((node) => ({
    node,
    get cursor() {
      return encodeCursor(order, (node as Record<string, unknown>)[order.property], node.id);
    },
  }));
  let total: Promise<number> | undefined;
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: Boolean(after),
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges.at(-1)?.cursor ?? null;
      },
    },
    get totalCount() {
      total ??= count();
      return total;
    },
  };
}

/** Runs a keyset page over a query builder: one SELECT for the page, one COUNT only if asked. */
export async function paginate<T extends { id: number }>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  order: SortOrder,
  args: PageArgs,
  /** Read with the rows, not counted (see ToOne). */
  joins: readonly ToOne[] = [],
): Promise<Connection<T>> {
  const countQuery = qb.clone();
  applyKeyset(qb, alias, order, args.after);
  joinToOne(qb, alias, joins);
  const rows = await reuseQueryText(qb.limit(args.first + 1)).getMany();
  primeToOne(rows, joins);
  return toConnection(rows, args.first, order, args.after, () => countQuery.getCount());
}

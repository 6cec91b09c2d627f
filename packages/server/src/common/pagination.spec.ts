import 'reflect-metadata';
import { validateSync } from 'class-validator';
import { decodeCursor, OrderDirection, PageArgs, toConnection, type SortOrder } from './pagination';

const byName: SortOrder = { key: 'name', property: 'name', direction: OrderDirection.ASC, kind: 'string' };
const byCreated: SortOrder = { key: 'createdAt', property: 'createdAt', direction: OrderDirection.DESC, kind: 'date' };

describe('keyset cursors', () => {
  it('round-trips the sort value and id of the last row', () => {
    const rows = [
      { id: 7, name: 'Alpha' },
      { id: 3, name: 'Beta' },
      { id: 9, name: 'Gamma' },
    ];
    const page = toConnection(rows, 2, byName, null, async () => 3);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(page.edges.map((e) => e.node.id)).toEqual([7, 3]);
    expect(decodeCursor(page.pageInfo.endCursor!, byName)).toEqual({ value: 'Beta', id: 3 });
  });

  it('keeps dates exact to the millisecond', () => {
    const createdAt = new Date('2026-11-28T08:15:30.123Z');
    const page = toConnection([{ id: 1, createdAt }], 5, byCreated, 'x', async () => 1);
    expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(decodeCursor(page.edges[0].cursor, byCreated)).toEqual({ value: createdAt, id: 1 });
  });

  it.each([
    ['not base64 JSON', 'bm90LWpzb24'],
    ['garbage', '!!!'],
    ['wrong shape', Buffer.from(JSON.stringify({ a: 1 })).toString('base64url')],
    ['another order', Buffer.from(JSON.stringify(['membersReached', 5, 1])).toString('base64url')],
    ['a value of the wrong type', Buffer.from(JSON.stringify(['name', 5, 1])).toString('base64url')],
    ['an unsafe id', Buffer.from(JSON.stringify(['name', 'A', 2 ** 60])).toString('base64url')],
  ])('refuses %s as BAD_USER_INPUT on `after`', (_label, cursor) => {
    expect(() => decodeCursor(cursor, byName)).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        details: { fields: [expect.objectContaining({ path: 'after' })] },
      }),
    );
  });

  it('counts only when totalCount is read, and only once', async () => {
    const count = jest.fn(async () => 42);
    const page = toConnection([{ id: 1, name: 'A' }], 5, byName, null, count);
    expect(count).not.toHaveBeenCalled();
    expect(await page.totalCount).toBe(42);
    expect(await page.totalCount).toBe(42);
    expect(count).toHaveBeenCalledTimes(1);
  });
});

describe('PageArgs.passes', () => {
  it('agrees with the class-validator rules it stands in for', () => {
    const cases: Array<[number, string | null | undefined]> = [
      [1, undefined],
      [100, null],
      [20, 'x'.repeat(500)],
      [0, undefined],
      [101, undefined],
      [-5, null],
      [2.5, undefined],
      [20, 'x'.repeat(501)],
    ];
    for (const [first, after] of cases) {
      const args = Object.assign(new PageArgs(), { first, after });
      expect([first, after?.length, PageArgs.passes(args)]).toEqual([
        first,
        after?.length,
        validateSync(args, { skipMissingProperties: true }).length === 0,
      ]);
    }
  });
});

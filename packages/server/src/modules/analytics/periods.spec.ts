import Database from 'better-sqlite3';
import { Granularity, periodStartOf, periodStarts, periodStartSql } from './periods';

describe('periods', () => {
  it('name each period by the day it starts', () => {
    expect(periodStartOf(Granularity.WEEK, '2026-01-01')).toBe('2025-12-29'); // a Thursday: the Monday before
    expect(periodStartOf(Granularity.WEEK, '2026-01-05')).toBe('2026-01-05'); // a Monday
    expect(periodStartOf(Granularity.WEEK, '2026-01-11')).toBe('2026-01-05'); // a Sunday
    expect(periodStartOf(Granularity.QUARTER, '2026-12-31')).toBe('2026-10-01');
    expect(periodStartOf(Granularity.MONTH, '2024-02-29')).toBe('2024-02-01');
  });

  it('list every period of a range, across year ends', () => {
    expect(periodStarts(Granularity.MONTH, '2025-11-15', '2026-02-01')).toEqual([
      '2025-11-01',
      '2025-12-01',
      '2026-01-01',
      '2026-02-01',
    ]);
    expect(periodStarts(Granularity.QUARTER, '2025-12-31', '2026-04-01')).toEqual([
      '2025-10-01',
      '2026-01-01',
      '2026-04-01',
    ]);
    expect(periodStarts(Granularity.YEAR, '2025-06-01', '2025-06-01')).toEqual(['2025-01-01']);
  });

  it('agree with their SQL twin on SQLite, day by day over two years', () => {
    const db = new Database(':memory:');
    try {
      for (const granularity of Object.values(Granularity)) {
        const sql = db.prepare(`SELECT ${periodStartSql('sqlite', granularity, '@d')} AS start`);
        for (let day = Date.UTC(2024, 0, 1); day <= Date.UTC(2025, 11, 31); day += 86_400_000) {
          const date = new Date(day).toISOString().slice(0, 10);
          const { start } = sql.get({ d: date }) as { start: string };
          expect([granularity, date, start]).toEqual([granularity, date, periodStartOf(granularity, date)]);
        }
      }
    } finally {
      db.close();
    }
  });
});

import {
  expectedPercentByNow,
  GoalPeriodKind,
  percentOfTarget,
  periodBounds,
  periodOf,
  periodsContaining,
} from './staff-goal.rules';

describe('goal periods', () => {
  it.each([
    [1, '2026-01-01', '2026-03-31'],
    [2, '2026-04-01', '2026-06-30'],
    [3, '2026-07-01', '2026-09-30'],
    [4, '2026-10-01', '2026-12-31'],
  ])('Q%i runs from %s to %s', (quarter, start, end) => {
    expect(periodBounds(GoalPeriodKind.QUARTER, 2026, quarter)).toEqual({ start, end });
    expect(periodOf(GoalPeriodKind.QUARTER, start, end)).toMatchObject({
      year: 2026,
      quarter,
      label: `2026-Q${quarter}`,
    });
  });

  it('a year is January 1 to December 31, and a day lies in one quarter and one year', () => {
    expect(periodBounds(GoalPeriodKind.YEAR, 2028, null)).toEqual({ start: '2028-01-01', end: '2028-12-31' });
    expect(periodOf(GoalPeriodKind.YEAR, '2028-01-01', '2028-12-31')).toMatchObject({ quarter: null, label: '2028' });
    expect(periodsContaining('2028-02-29')).toEqual([
      { kind: GoalPeriodKind.QUARTER, start: '2028-01-01', end: '2028-03-31' },
      { kind: GoalPeriodKind.YEAR, start: '2028-01-01', end: '2028-12-31' },
    ]);
  });
});

describe('pace', () => {
  it('expects nothing before the period, everything after it, and the share of days begun within it', () => {
    expect(expectedPercentByNow('2026-01-01', '2026-03-31', '2025-12-31')).toBe(0);
    expect(expectedPercentByNow('2026-01-01', '2026-03-31', '2026-04-01')).toBe(100);
    expect(expectedPercentByNow('2026-01-01', '2026-03-31', '2026-03-31')).toBe(100);
    // 90 days in Q1 2026; by January 9, 9 have begun.
    expect(expectedPercentByNow('2026-01-01', '2026-03-31', '2026-01-09')).toBe(10);
  });

  it('puts actual against target in percent, one decimal', () => {
    expect(percentOfTarget(1, 3)).toBe(33.3);
    expect(percentOfTarget(150_00, 100_00)).toBe(150);
    expect(percentOfTarget(5, 0)).toBe(0);
  });
});

import { registerEnumType } from 'type-graphql';
import { addDays, type LocalDate } from '../../common/dates';

/** The width of one period of a time series. */
export enum Granularity {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}

registerEnumType(Granularity, {
  name: 'Granularity',
  description: 'The width of one period of a time series; each period is named by the day it starts (UTC).',
  valuesConfig: {
    DAY: { description: 'One calendar day.' },
    WEEK: { description: 'An ISO week, starting on Monday.' },
    MONTH: { description: 'A calendar month, starting on the 1st.' },
    QUARTER: { description: 'A calendar quarter, starting on 1 January, 1 April, 1 July or 1 October.' },
    YEAR: { description: 'A calendar year, starting on 1 January.' },
  },
});

/**
 * The first day of the period that `date` falls in. Its SQL twin is `periodStartSql`; a test holds
 * the two to the same answers on both databases.
 */
export function periodStartOf(granularity: Granularity, date: LocalDate): LocalDate {
  const [year, month] = [date.slice(0, 4), Number(date.slice(5, 7))];
  switch (granularity) {
    case Granularity.DAY:
      return date;
    case Granularity.WEEK: {
      const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
      return addDays(date, -weekday);
    }
    case Granularity.MONTH:
      return `${date.slice(0, 7)}-01`;
    case Granularity.QUARTER:
      return `${year}-${String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
    case Granularity.YEAR:
      return `${year}-01-01`;
  }
}

/** SQL for the first day of the period of the date expression `date` (a DATE, or a DATETIME's day). */
export function periodStartSql(dialect: 'sqlite' | 'mysql', granularity: Granularity, date: string): string {
  if (dialect === 'mysql') {
    switch (granularity) {
      case Granularity.DAY:
        return `DATE_FORMAT(${date}, '%Y-%m-%d')`;
      case Granularity.WEEK:
        return `DATE_FORMAT(DATE_SUB(${date}, INTERVAL WEEKDAY(${date}) DAY), '%Y-%m-%d')`;
      case Granularity.MONTH:
        return `DATE_FORMAT(${date}, '%Y-%m-01')`;
      case Granularity.QUARTER:
        return `CONCAT(YEAR(${date}), '-', LPAD((QUARTER(${date}) - 1) * 3 + 1, 2, '0'), '-01')`;
      case Granularity.YEAR:
        return `DATE_FORMAT(${date}, '%Y-01-01')`;
    }
  }
  switch (granularity) {
    case Granularity.DAY:
      return `date(${date})`;
    case Granularity.WEEK:
      // The Sunday on or after the date, less six days: the Monday on or before it.
      return `date(${date}, 'weekday 0', '-6 days')`;
    case Granularity.MONTH:
      return `strftime('%Y-%m-01', ${date})`;
    case Granularity.QUARTER:
      return `printf('%s-%02d-01', strftime('%Y', ${date}), ((CAST(strftime('%m', ${date}) AS INTEGER) - 1) / 3) * 3 + 1)`;
    case Granularity.YEAR:
      return `strftime('%Y-01-01', ${date})`;
  }
}

/** Every period start from the period of `from` to the period of `to`, in order. */
export function periodStarts(granularity: Granularity, from: LocalDate, to: LocalDate): LocalDate[] {
  const starts: LocalDate[] = [];
  for (let start = periodStartOf(granularity, from); start <= to; start = nextPeriod(granularity, start)) {
    starts.push(start);
  }
  return starts;
}

function nextPeriod(granularity: Granularity, start: LocalDate): LocalDate {
  const year = Number(start.slice(0, 4));
  const month = Number(start.slice(5, 7));
  const monthStart = (y: number, m: number) =>
    `${y + Math.floor((m - 1) / 12)}-${String(((m - 1) % 12) + 1).padStart(2, '0')}-01`;
  switch (granularity) {
    case Granularity.DAY:
      return addDays(start, 1);
    case Granularity.WEEK:
      return addDays(start, 7);
    case Granularity.MONTH:
      return monthStart(year, month + 1);
    case Granularity.QUARTER:
      return monthStart(year, month + 3);
    case Granularity.YEAR:
      return `${year + 1}-01-01`;
  }
}

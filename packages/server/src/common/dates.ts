/** Calendar dates as 'YYYY-MM-DD' strings (contract terms, due dates): no time, no time zone. */
export type LocalDate = string;

const DAY_MS = 86_400_000;

/** Today's date in UTC. */
export function todayUtc(now = new Date()): LocalDate {
  return now.toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

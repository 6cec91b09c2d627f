import type { SelectQueryBuilder } from 'typeorm';
import type { Context } from './context';
import { encodeGlobalId } from './global-id';

/** A raw value as a driver returns it. */
export type RawValue = string | number | bigint | boolean | Date | null;

/** One column of an export: its header, the SQL that reads it, and how a raw value is written. */
export interface ExportColumn {
  readonly name: string;
  /** What reads it, for a list read in batches; a table computed whole (`rows`) leaves it out. */
  readonly sql?: string;
  /** Turns the driver's value into the exported one (ids into global ids, datetimes into ISO 8601). */
  readonly format?: (value: RawValue) => string | number | null;
}

/**
 * A table a BI tool can download (`GET /export/<name>.csv` or `.ndjson`). A list is read in id
 * order in batches from `query`, which applies the viewer's scope and the caller's filter exactly
 * as the GraphQL list does, so memory stays flat however many rows there are. A table computed
 * whole (an analytics result, bounded in size) gives `rows` instead. Downloads skip the GraphQL
 * policy gate, so only lists open to every role (scoped by rows) are exported.
 */
export interface ExportDataset {
  readonly name: string;
  readonly description: string;
  /** Validated like the GraphQL argument of the same name: the list's filter input class. */
  readonly filterType?: new () => object;
  readonly columns: readonly ExportColumn[];
  /** The scoped, filtered rows, aliased `alias`; the exporter adds the columns, the order and the batches. */
  readonly query?: (ctx: Context, filter: object | null) => SelectQueryBuilder<object>;
  readonly alias?: string;
  /** For a table computed whole: its rows, as objects keyed by column name. */
  readonly rows?: (ctx: Context, params: URLSearchParams) => Promise<Record<string, unknown>[]>;
}

/** Row ids as the API's global ids of `type`. */
export function asGlobalId(type: string): (value: RawValue) => string | null {
  return (value) => (value === null ? null : encodeGlobalId(type, Number(value)));
}

/** Minor units as a number (MySQL hands BIGINT and SUMs back as strings). */
export function asCents(value: RawValue): number | null {
  return value === null ? null : Number(value);
}

/** A DATE column as 'YYYY-MM-DD'. */
export function asLocalDate(value: RawValue): string | null {
  if (value === null) return null;
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
}

/** A DATETIME column (UTC) as ISO 8601 with milliseconds, as the API writes it. */
export function asDateTime(value: RawValue): string | null {
  if (value === null) return null;
  if (value instanceof Date) return value.toISOString();
  // SQLite keeps 'YYYY-MM-DD HH:MM:SS.SSS' text, in UTC: rewritten rather than parsed into a Date and
  // printed again, which was a seventh of an export's time on SQLite.
  const text = String(value);
  if (text.length === 23 && text[10] === ' ') return `${text.slice(0, 10)}T${text.slice(11)}Z`;
  return new Date(`${text.replace(' ', 'T')}Z`).toISOString();
}

/** A boolean column (MySQL TINYINT, SQLite integer) as `true` or `false`. */
export function asBoolean(value: RawValue): string | null {
  return value === null ? null : Number(value) === 1 || value === true ? 'true' : 'false';
}

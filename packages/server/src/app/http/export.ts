import type { ServerResponse } from 'node:http';
import { Semaphore } from 'async-mutex';
import { coerceInputValue, isInputObjectType, type GraphQLSchema } from 'graphql';
import type { SelectQueryBuilder } from 'typeorm';
import { validateOrReject, type ValidationError } from 'class-validator';
import type { Context } from '../../common/context';
import { BadInputError, DomainError, ErrorCode, NotFoundError } from '../../common/errors';
import { asDateTime, type ExportColumn, type ExportDataset, type RawValue } from '../../common/export-dataset';
import { invalidFields } from '../format-error';

/** Rows read per statement: large enough that a statement's overhead is small, small enough to keep memory flat. */
const BATCH_ROWS = 5_000;

/** Exports running at once in one process; more wait their turn, so downloads cannot starve the API. */
const EXPORT_CONCURRENCY = 2;

/** How long one export may run: far longer than a GraphQL request, as a download of every row is. */
export const EXPORT_TIME_LIMIT_MS = 600_000;

const FORMATS = {
  csv: { contentType: 'text/csv; charset=utf-8' },
  ndjson: { contentType: 'application/x-ndjson; charset=utf-8' },
} as const;
type Format = keyof typeof FORMATS;

/** `/export/invoices.csv` → dataset and format; undefined for any other path. */
export function exportTarget(path: string): { name: string; format: Format } | undefined {
  const match = /^\/export\/([a-z][a-z0-9-]*)\.(csv|ndjson)$/.exec(path);
  return match ? { name: match[1], format: match[2] as Format } : undefined;
}

/**
 * Streams datasets as CSV or NDJSON: signed in and scoped like the API (the caller's Context),
 * filtered by the list's own filter input (`?filter=<JSON>`, coerced and validated as the GraphQL
 * argument is), read in id order one batch at a time and written with backpressure, so a download
 * of every invoice holds one batch in memory, not the table.
 */
export class Exporter {
  private readonly datasets: ReadonlyMap<string, ExportDataset>;
  private readonly turns = new Semaphore(EXPORT_CONCURRENCY);

  constructor(
    datasets: readonly ExportDataset[],
    private readonly schema: GraphQLSchema,
  ) {
    this.datasets = new Map(datasets.map((dataset) => [dataset.name, dataset]));
  }

  /** The datasets' names, for a 404's hint and the README. */
  get names(): string[] {
    return [...this.datasets.keys()].sort();
  }

  /**
   * Answers one export request. Errors found before the first byte (unknown dataset, no sign-in,
   * a bad filter) are thrown for the caller to answer as JSON; a failure mid-stream cuts the
   * connection, so a client never mistakes a partial file for a whole one.
   */
  async serve(
    target: { name: string; format: Format },
    params: URLSearchParams,
    ctx: Context,
    res: ServerResponse,
  ): Promise<void> {
    const dataset = this.datasets.get(target.name);
    if (!dataset) throw new NotFoundError('export', target.name);
    void ctx.scope; // signed in, or UNAUTHENTICATED before anything is read
    const filter = await this.filterOf(dataset, params);
    // A list's query is built (and its ids checked) before waiting for a turn; a computed table is
    // computed in its turn, so concurrent downloads of analytics tables are bounded too. Both can
    // still refuse the request before its first byte.
    const query = dataset.rows ? undefined : dataset.query?.(ctx, filter);
    await this.turns.runExclusive(async () => {
      const columns = dataset.rows ? dataset.columns : readColumns(dataset.columns, ctx.db.dialect);
      const batches = dataset.rows
        ? computedBatch(await dataset.rows(ctx, params))
        : this.batches(dataset, columns, query);
      res.statusCode = 200;
      res.setHeader('content-type', FORMATS[target.format].contentType);
      res.setHeader('content-disposition', `attachment; filename="${dataset.name}.${target.format}"`);
      res.setHeader('cache-control', 'no-store');
      const write = writer(res);
      if (target.format === 'csv') await write(csvLine(dataset.columns.map((column) => column.name)));
      // A computed table's rows are keyed by column name; a list's by the select aliases below.
      const encode = rowEncoder(target.format, columns, dataset.rows ? undefined : selectAliases(columns));
      for await (const rows of batches) {
        if (res.destroyed) return; // the client went away: read no further
        // One string per batch, built by appending.
        let chunk = '';
        for (const row of rows) chunk += encode(row);
        await write(chunk);
      }
      res.end();
    });
  }

  /**
   * A list's rows in id order, one batch per statement, as the driver returns them. The next batch is
   * asked for before this one is handed over, so the database reads it while this one is written out.
   */
  private async *batches(
    dataset: ExportDataset,
    columns: readonly ExportColumn[],
    base: SelectQueryBuilder<object> | undefined,
  ): AsyncGenerator<Record<string, RawValue>[]> {
    const alias = dataset.alias;
    if (!base || !alias) throw new Error(`export ${dataset.name} has neither rows nor a query`);
    base.select(`${alias}.id`, 'exportRowId');
    const aliases = selectAliases(columns);
    for (const [i, column] of columns.entries()) {
      if (!column.sql) throw new Error(`export ${dataset.name}: column ${column.name} has no SQL`);
      base.addSelect(column.sql, aliases[i]);
    }
    base.orderBy(`${alias}.id`, 'ASC').limit(BATCH_ROWS);
    const read = (after: number) =>
      base
        .clone()
        .andWhere(`${alias}.id > :exportAfter`, { exportAfter: after })
        .getRawMany<Record<string, RawValue>>();
    let next: Promise<Record<string, RawValue>[]> | undefined = read(0);
    try {
      while (next) {
        const rows: Record<string, RawValue>[] = await next;
        next = rows.length === BATCH_ROWS ? read(Number(rows[rows.length - 1].exportRowId)) : undefined;
        if (rows.length) yield rows;
      }
    } finally {
      // A download stopped early (the client left) may leave one read in flight: its outcome is not wanted.
      next?.catch(() => undefined);
    }
  }

  /** `?filter=<JSON>` as the GraphQL argument would take it: coerced by the schema's input type, then validated. */
  private async filterOf(dataset: ExportDataset, params: URLSearchParams): Promise<object | null> {
    const text = params.get('filter');
    if (!text) return null;
    if (!dataset.filterType) throw BadInputError.field('filter', `the ${dataset.name} export takes no filter`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw BadInputError.field('filter', 'must be a JSON object, as the GraphQL `filter` argument takes');
    }
    const type = this.schema.getType(dataset.filterType.name);
    if (!isInputObjectType(type)) throw new Error(`${dataset.filterType.name} is not an input type of the schema`);
    const problems: { path: string; message: string }[] = [];
    const coerced = coerceInputValue(parsed, type, (path, _value, error) => {
      problems.push({ path: ['filter', ...path].join('.'), message: error.message });
    }) as object;
    if (problems.length) throw new BadInputError(`Invalid filter: ${problems[0].message}`, problems);
    const filter = Object.assign(new dataset.filterType(), coerced);
    try {
      await validateOrReject(filter, { skipMissingProperties: true, forbidUnknownValues: false });
    } catch (errors) {
      const fields = invalidFields(errors as ValidationError[], 'filter');
      throw new BadInputError(`Invalid filter: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}.`, fields);
    }
    return filter;
  }
}

/** A table computed whole, as one batch. */
async function* computedBatch(rows: Record<string, unknown>[]): AsyncGenerator<Record<string, unknown>[]> {
  yield rows;
}

/** The select alias of each column of a list's statement. */
function selectAliases(columns: readonly ExportColumn[]): string[] {
  return columns.map((_, i) => `c${i}`);
}

/**
 * The columns as a list's statement reads them. On MySQL/MariaDB a datetime is printed as ISO 8601
 * by the database, on its own core, rather than parsed into a Date here and printed again (a tenth
 * of an export's time); SQLite's text is already cheap to rewrite.
 */
function readColumns(columns: readonly ExportColumn[], dialect: 'sqlite' | 'mysql'): readonly ExportColumn[] {
  if (dialect !== 'mysql') return columns;
  return columns.map((column) =>
    column.format === asDateTime && column.sql
      ? { name: column.name, sql: `CONCAT(LEFT(DATE_FORMAT(${column.sql}, '%Y-%m-%dT%H:%i:%s.%f'), 23), 'Z')` }
      : column,
  );
}

/**
 * Turns one row (keyed by `keys`, or by column name) into one CSV record or NDJSON line, formatting
 * each value on the way: no array or object per row for CSV, the cost of an export being per cell.
 */
function rowEncoder(
  format: Format,
  columns: readonly ExportColumn[],
  keys: readonly string[] = columns.map((column) => column.name),
): (row: Record<string, unknown>) => string {
  const cell = (row: Record<string, unknown>, i: number) => formatValue(columns[i], row[keys[i]] as RawValue);
  if (format === 'ndjson')
    return (row) => {
      const record: Record<string, unknown> = {};
      for (let i = 0; i < columns.length; i++) record[columns[i].name] = cell(row, i);
      return `${JSON.stringify(record)}\n`;
    };
  return (row) => {
    let line = csvField(cell(row, 0));
    for (let i = 1; i < columns.length; i++) line += `,${csvField(cell(row, i))}`;
    return `${line}\r\n`;
  };
}

/**
 * Writes with backpressure: waits for the socket to drain (or close) before the next batch is read.
 * Each wait removes both of its listeners when it ends, so a long download does not pile them up
 * on the response (one pair per batch).
 */
export function writer(res: ServerResponse): (chunk: string) => Promise<void> {
  return async (chunk) => {
    if (res.destroyed) return;
    if (res.write(chunk)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        res.off('drain', done);
        res.off('close', done);
        resolve();
      };
      res.on('drain', done);
      res.on('close', done);
    });
  };
}

function formatValue(column: ExportColumn, value: RawValue): unknown {
  if (column.format) return column.format(value);
  if (typeof value === 'bigint') return Number(value);
  return value;
}

/**
 * One CSV record (RFC 4180): fields with a comma, quote or line break are quoted, quotes doubled.
 * A text field that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with a
 * quote mark, so a client-typed name cannot execute on a finance analyst's machine.
 */
export function csvLine(values: readonly unknown[]): string {
  let line = values.length ? csvField(values[0]) : '';
  for (let i = 1; i < values.length; i++) line += `,${csvField(values[i])}`;
  return `${line}\r\n`;
}

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let text = typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The status an export refusal answers with, for the JSON error written before any row. */
export function exportErrorStatus(error: DomainError): number {
  switch (error.code) {
    case ErrorCode.UNAUTHENTICATED:
      return 401;
    case ErrorCode.FORBIDDEN:
      return 403;
    case ErrorCode.NOT_FOUND:
      return 404;
    case ErrorCode.SERVICE_UNAVAILABLE:
      return 503;
    default:
      return 400;
  }
}

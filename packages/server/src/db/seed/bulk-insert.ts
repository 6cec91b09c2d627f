import type { EntityManager, EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/** SQLite's limit on bound parameters per statement (SQLITE_MAX_VARIABLE_NUMBER), with room to spare. */
const SQLITE_MAX_PARAMETERS = 32_000;
/** Rows per statement at most: longer statements gain nothing and hold more memory. */
const MAX_ROWS = 2_000;
/** Bytes of values per statement at most: well under MariaDB's max_allowed_packet (16 MB by default, 1 MB at the least). */
const MAX_BYTES = 512 * 1024;

type Row<T> = QueryDeepPartialEntity<T>;

interface Table {
  name: string;
  /** The columns every row of this table sets, in order; fixed by the first row added. */
  columns: ColumnMetadata[] | null;
  rows: unknown[][];
  bytes: number;
  written: number;
}

/**
 * Multi-row INSERTs for seeding a large portfolio: rows are buffered per table and written a
 * statement at a time, each within SQLite's parameter limit and MariaDB's packet size, so a
 * million rows take a few hundred statements rather than a million round trips. Values go through
 * the driver's own conversion (dates, booleans, enums, transformers), as an entity save would.
 * Rows carry their ids. Tables are flushed in the order they were registered, parents first, so a
 * child row never reaches the database before the row it references.
 */
export class BulkInserter {
  private readonly tables = new Map<EntityTarget<ObjectLiteral>, Table>();
  private readonly order: Table[] = [];
  private statements = 0;

  constructor(private readonly em: EntityManager) {}

  /** Registers tables in the order they must be written (a referenced table before the tables that reference it). */
  register(...entities: EntityTarget<ObjectLiteral>[]): this {
    for (const entity of entities) {
      const table: Table = {
        name: this.em.connection.getMetadata(entity).tableName,
        columns: null,
        rows: [],
        bytes: 0,
        written: 0,
      };
      this.tables.set(entity, table);
      this.order.push(table);
    }
    return this;
  }

  /** Buffers one row; writes every buffered table (parents first) once this table has a statement's worth. */
  async add<T extends ObjectLiteral>(entity: EntityTarget<T>, row: Row<T>): Promise<void> {
    const table = this.tables.get(entity);
    if (!table) throw new Error(`BulkInserter: ${this.em.connection.getMetadata(entity).name} was not registered`);
    const metadata = this.em.connection.getMetadata(entity);
    if (!table.columns) {
      table.columns = Object.keys(row).map((property) => {
        const column = metadata.findColumnWithPropertyName(property);
        if (!column) throw new Error(`BulkInserter: ${metadata.name} has no column ${property}`);
        return column;
      });
    }
    const driver = this.em.connection.driver;
    const values: unknown[] = table.columns.map((column): unknown =>
      driver.preparePersistentValue((row as Record<string, unknown>)[column.propertyName], column),
    );
    if (Object.keys(row).length !== values.length || !table.columns.every((c) => c.propertyName in row))
      throw new Error(`BulkInserter: every ${metadata.name} row must set the same columns`);
    table.rows.push(values);
    table.bytes += values.reduce<number>((sum, value) => sum + (typeof value === 'string' ? value.length + 3 : 12), 2);
    const perStatement = Math.min(MAX_ROWS, Math.floor(SQLITE_MAX_PARAMETERS / table.columns.length));
    if (table.rows.length >= perStatement || table.bytes >= MAX_BYTES) await this.flush();
  }

  /** Writes everything buffered, table by table in registration order. */
  async flush(): Promise<void> {
    for (const table of this.order) {
      if (table.rows.length === 0 || !table.columns) continue;
      const escape = (name: string) => this.em.connection.driver.escape(name);
      const row = `(${table.columns.map(() => '?').join(', ')})`;
      const sql = `INSERT INTO ${escape(table.name)} (${table.columns.map((c) => escape(c.databaseName)).join(', ')}) VALUES ${table.rows.map(() => row).join(', ')}`;
      await this.em.query(sql, table.rows.flat());
      this.statements++;
      table.written += table.rows.length;
      table.rows = [];
      table.bytes = 0;
    }
  }

  /** Rows written so far per table, and the statements it took. */
  get written(): { rows: Record<string, number>; statements: number } {
    return { rows: Object.fromEntries(this.order.map((t) => [t.name, t.written])), statements: this.statements };
  }
}

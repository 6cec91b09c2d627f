import type { BaseRecord } from './base.entity';
import type { Context } from './context';
import type { ExportDataset } from './export-dataset';
import type { LoaderFactories } from './loaders';
import type { FeaturePolicy } from './policy';

/** How `node(id:)` fetches one node type: through the feature's scoped reads, null when not visible. */
export interface NodeFetcher {
  /** The entity whose `@NodeType` names the global ids this fetcher answers for. */
  type: abstract new () => BaseRecord;
  /** Called unbound (node(id:) looks it up by type name), so it is a function property, not a method. */
  fetch: (ctx: Context, rowId: number) => Promise<BaseRecord | null>;
}

/**
 * A function a feature's SQL calls on SQLite, registered on every SQLite connection: for a rule whose
 * exact form SQLite's arithmetic cannot state (it overflows integers into inexact REALs past 2^63).
 */
export interface SqliteFunction {
  readonly name: string;
  readonly fn: (...args: unknown[]) => unknown;
}

/**
 * Everything a feature adds to the server, declared once in its `<feature>.module.ts`; the app
 * composes the list (schema, data source, loaders, `node(id:)`), so adding a feature touches the
 * feature's folder and one line in `app/modules.ts`.
 */
export interface FeatureModule {
  readonly name: string;
  /** TypeORM entities: the feature's tables. */
  readonly entities?: readonly (new () => object)[];
  /** TypeGraphQL resolver classes. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeGraphQL takes resolver classes as Function
  readonly resolvers?: readonly Function[];
  /** Per-request loader factories, made on first use. */
  readonly loaders?: LoaderFactories;
  /** Who may run the feature's operations (and the role lists its row rules read); the gate enforces it. */
  readonly policy?: FeaturePolicy;
  /** The feature's node types, for `node(id:)`. */
  readonly nodes?: readonly NodeFetcher[];
  /** Functions its SQL calls on SQLite (deterministic: same arguments, same result). */
  readonly sqliteFunctions?: readonly SqliteFunction[];
  /** Tables a BI tool can download as CSV or NDJSON (`GET /export/<name>.csv`). */
  readonly exports?: readonly ExportDataset[];
}

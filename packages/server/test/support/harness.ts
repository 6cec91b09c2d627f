import 'reflect-metadata';
import { createClient, type AccountGraphClient } from '@account-graph/sdk';
import pino from 'pino';
import { signDevToken } from '../../src/common/auth';
import { loadConfig, type Config } from '../../src/config/config';
import { createServer, listen, type RunningServer } from '../../src/app/server';
import type { Database } from '../../src/db/database';
import { openDatabase } from '../../src/db/open';
import { DEMO_STAFF, seedDemo } from '../../src/db/seed/demo-seed';
import type { Role } from '../../src/common/roles';
import { createTestDatabase, type TestDatabase } from './test-database';
import { dataModel } from '../../src/app/modules';

export type StaffKey = (typeof DEMO_STAFF)[number]['key'];

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[] };
}

/** A real server on a random port over a fresh, seeded database; every SQL statement is counted. */
export class TestServer {
  private constructor(
    /** Every SQL statement the server ran, in order; `resetQueries()` empties it. */
    readonly queries: string[],
    readonly config: Config,
    readonly db: Database,
    private readonly server: RunningServer,
    private readonly database: TestDatabase,
  ) {}

  static async start(
    options: { seed?: boolean; env?: Record<string, string>; logLines?: string[]; database?: TestDatabase } = {},
  ): Promise<TestServer> {
    const database = options.database ?? createTestDatabase();
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1', ...options.env });
    config.database = database.config;
    const queries: string[] = [];
    const db = await openDatabase(database.config, {
      ...dataModel,
      onQuery: (sql) => queries.push(sql),
      poolSize: 30,
    });
    if (options.seed ?? true) await db.transaction((em) => seedDemo(em));
    const logLines = options.logLines;
    const logger = logLines
      ? pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) })
      : pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
    const { httpServer, apollo } = await createServer(config, db, logger);
    const running = await listen(httpServer, apollo, 0, '127.0.0.1');
    return new TestServer(queries, config, db, running, database);
  }

  get url(): string {
    return this.server.url;
  }

  /** The server's base URL without /graphql. */
  get origin(): string {
    return this.server.url.replace(/\/graphql$/, '');
  }

  resetQueries(): void {
    this.queries.length = 0;
  }

  /** A development token for a demo member of staff, by seed key (`jordan`) or role. */
  async token(who: StaffKey | Role): Promise<string> {
    const staff = DEMO_STAFF.find((s) => s.key === who) ?? DEMO_STAFF.find((s) => s.role === who && !('active' in s));
    if (!staff) throw new Error(`no demo staff ${who}`);
    return signDevToken(this.config.auth.jwtSecret, staff);
  }

  /**
   * A token whose viewer this server already knows (sign-in is remembered for a few seconds), so
   * that statements counted next leave sign-in out.
   */
  async signedIn(who: StaffKey | Role): Promise<string> {
    const token = await this.token(who);
    const response = await this.post({ query: '{ viewer { id } }' }, { authorization: `Bearer ${token}` });
    if (response.status !== 200) throw new Error(`${who} could not sign in: ${JSON.stringify(response.body)}`);
    return token;
  }

  /** The SDK, signed in as a demo member of staff (or anonymous with `null`): what other teams' apps use. */
  async client(who: StaffKey | Role | null): Promise<AccountGraphClient> {
    return createClient({ url: this.url, token: who ? await this.token(who) : undefined });
  }

  /** Global ids of the demo staff by first name (`jordan`, `robin`...), read through the API. */
  async staffIds(): Promise<Record<string, string>> {
    const admin = await this.client('admin');
    const { users } = await admin.users({ first: 100 });
    return Object.fromEntries(users.edges.map(({ node }) => [node.email.split(/[.@]/)[0], node.id]));
  }

  /** POSTs a GraphQL request as-is (for limits, malformed input and raw protocol checks). */
  async post<T = Record<string, unknown>>(
    body: unknown,
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse<T>> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: GraphQLResponse<T>['body'];
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error(`non-JSON response ${response.status}: ${text.slice(0, 200)}`);
    }
    return { status: response.status, headers: response.headers, body: parsed };
  }

  /** Runs a query as a demo member of staff (or anonymously with `null`). */
  async gql<T = Record<string, any>>(
    who: StaffKey | Role | null,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>> {
    const headers: Record<string, string> = who ? { authorization: `Bearer ${await this.token(who)}` } : {};
    return this.post<T>({ query, variables }, headers);
  }

  /** Runs SQL straight against the test database (to check what the API wrote). */
  sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
    return this.db.dataSource.query(query, params);
  }

  /** The `n` of a `SELECT COUNT(*) AS n ...`, as a number on both databases. */
  async count(query: string, params: unknown[] = []): Promise<number> {
    const [row] = await this.sql<{ n: number | string }>(query, params);
    return Number(row.n);
  }

  /** Stops the HTTP server the way SIGTERM does: no new connections, in-flight requests finish. */
  stop(): Promise<void> {
    return this.server.stop();
  }

  async close(): Promise<void> {
    await this.server.stop();
    await this.db.dataSource.destroy();
    await this.database.drop();
  }
}

/** The `extensions.code` of each error in a response. */
export function errorCodes(response: GraphQLResponse): string[] {
  return (response.body.errors ?? []).map((error) => String(error.extensions?.code));
}

// The benchmark's own handle on the database it seeded: it reads the accounts the write load updates
// and checks what each server's write left behind. Not measured; plain queries are fine here.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const requireServer = createRequire(
  join(dirname(fileURLToPath(import.meta.url)), '../../packages/server/package.json'),
);

/** `url` is mysql://... or sqlite:<path>, as the servers get it. */
export async function openBenchDatabase(url) {
  if (url.startsWith('sqlite:')) {
    const Database = requireServer('better-sqlite3');
    const sqlite = new Database(url.slice('sqlite:'.length));
    sqlite.pragma('busy_timeout = 5000');
    return {
      all: async (sql, params = []) => sqlite.prepare(sql).all(...params),
      close: async () => sqlite.close(),
    };
  }
  const mysql = requireServer('mysql2/promise');
  const connection = await mysql.createConnection({
    uri: url,
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: true,
    connectTimeout: 5000,
  });
  return {
    all: async (sql, params = []) => (await connection.query(sql, params))[0],
    close: () => connection.end(),
  };
}

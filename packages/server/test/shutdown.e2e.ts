import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { signDevToken } from '../src/common/auth';
import { DEV_JWT_SECRET } from '../src/config/config';
import { TestServer } from './support/harness';
import { createTestDatabase } from './support/test-database';

describe('graceful shutdown', () => {
  it('finishes a request in flight, then refuses new connections', async () => {
    const server = await TestServer.start();
    try {
      const token = await server.token('vp');
      const page =
        '{ accounts(first: 100) { edges { node { name owner { name } team(first: 10) { edges { node { ' +
        'user { name } } } } contacts(first: 10) { edges { node { name } } } } } } }';
      server.resetQueries();
      const inFlight = fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: page }),
      });
      // Stop once the request has reached the database, as SIGTERM would in the middle of it.
      while (server.queries.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
      const stopped = server.stop();
      const response = await inFlight;
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body.errors).toBeUndefined();
      expect(body.data.accounts.edges.length).toBeGreaterThan(50);
      await stopped;
      await expect(fetch(`${server.origin}/health`)).rejects.toThrow();
    } finally {
      await server.close();
    }
  });
});

describe('SIGTERM with requests in flight', () => {
  it('answers every request the server accepted, then exits 0 within 10 s', async () => {
    // The real server process, on this run's database, seeded by its own first start.
    const database = createTestDatabase();
    const databaseUrl = database.config.dialect === 'sqlite' ? `sqlite:${database.config.path}` : database.config.url;
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
      cwd: join(__dirname, '..'),
      env: {
        ...process.env,
        NODE_ENV: 'development',
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', () => {
          const listening = output.split('\n').find((line) => line.includes('Account Graph is listening'));
          if (listening) resolve(JSON.parse(listening).url.replace('localhost', '127.0.0.1'));
        });
        child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${output}`)));
      });
      const token = await signDevToken(DEV_JWT_SECRET, { email: 'dana.whitfield@accountgraph.example' });
      const page =
        '{ accounts(first: 100) { edges { node { name owner { name } team(first: 10) { edges { node { ' +
        'user { name } } } } contacts(first: 10) { edges { node { name } } } } } } }';
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      const requests = Array.from({ length: 10 }, () =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: page }),
        }).then(
          async (response) => ({
            status: response.status,
            accounts: (await response.json()).data?.accounts.edges.length,
          }),
          (error: Error & { cause?: { code?: string } }) => ({ status: 0, error: error.cause?.code ?? error.message }),
        ),
      );
      // The signal lands while the requests are arriving and running.
      await new Promise((resolve) => setTimeout(resolve, 20));
      const signalled = Date.now();
      child.kill('SIGTERM');
      const answers = await Promise.all(requests);
      expect(answers).toEqual(Array.from({ length: 10 }, () => ({ status: 200, accounts: 70 })));
      expect(await exited).toBe(0);
      expect(Date.now() - signalled).toBeLessThan(10_000);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await database.drop();
    }
  }, 120_000);
});

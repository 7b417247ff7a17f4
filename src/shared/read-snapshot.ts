import { OperationTypeNode } from 'graphql';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { recordWriteInOutbox } from './audit/audit-outbox';
import type { HubContext } from './context';
import { log } from './logging';

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
      await runner.query('START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      serialiseQueries(runner);
      return runner;
    } catch (error) {
      await runner.release();
      throw error;
    }
  }
}

/**
 * One connection runs one statement at a time, while a request's loaders ask concurrently: queue
 * them here in order (pg's own queueing of concurrent `client.query` calls is deprecated).
 */
function serialiseQueries(runner: QueryRunner): void {
  const send = runner.query.bind(runner);
  let previous: Promise<unknown> = Promise.resolve();
  runner.query = ((...args: Parameters<QueryRunner['query']>) => {
    const next = previous.then(() => send(...args));
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

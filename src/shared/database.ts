import 'reflect-metadata';
import pg from 'pg';
import { log } from './logging';
import { DataSource, type EntitySchema, type Logger, type MixedList } from 'typeorm';
import { statementTimeLimit } from './errors';
import { servesSnapshotsOnly } from './read-snapshot';

/** A department owns one Postgres schema of the same name; the gateway keeps its own (clients, audit). */
export const DEPARTMENTS = ['environment', 'market', 'credit', 'finance'] as const;
export type Department = (typeof DEPARTMENTS)[number];
export type SchemaOwner = Department | 'gateway';
/** Who sends a statement: a schema's owner, or the read snapshots' pool (see ReadSnapshot). */
export type StatementSender = SchemaOwner | 'snapshot';

export interface SchemaDefinition {
  owner: SchemaOwner;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
}

export interface DataSourceOptions {
  url: string;
  poolSize?: number;
  logging?: boolean;
  /**
   * PostgreSQL `statement_timeout` of every connection (HUB_STATEMENT_TIMEOUT_MS for the serving
   * pools): one request's statement cannot hold a connection longer. Unset = no limit (CLI imports).
   */
  statementTimeoutMs?: number;
}

/** node-postgres sends `statement_timeout` as a startup parameter of each connection. */
/**
 * The pg client of the hub's pools: never without an 'error' listener. pg-pool listens on idle
 * clients only, and TypeORM on a client while a query runner holds it, dropping its listener when it
 * hands the client back; a connection the server ends in between (pg_terminate_backend, a restart)
 * would emit an unhandled 'error' and end the process. The pool and the query that failed report
 * the loss; this listener only keeps the process alive.
 */
class ListenedClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', (error: Error) => log.debug('pooled database connection ended', { detail: error.message }));
  }
}

const statementTimeout = (options: DataSourceOptions) => {
  if (!options.statementTimeoutMs) return { Client: ListenedClient };
  // The refusal of a statement that runs past it names this limit (shared/errors.ts).
  statementTimeLimit.ms = options.statementTimeoutMs;
  return { Client: ListenedClient, statement_timeout: options.statementTimeoutMs };
};

/**
 * Counts the SQL statements the hub sends, per schema owner: tests assert that a batch costs a fixed
 * number of statements, whatever its size. One integer increment per statement; nothing is logged.
 */
export class StatementCounter implements Logger {
  private static readonly counts = new Map<StatementSender, number>();

  constructor(private readonly owner: StatementSender) {}

  /** Statements sent since the process started, by `owners` (default all). */
  static total(owners?: readonly StatementSender[]): number {
    let sum = 0;
    for (const [owner, count] of StatementCounter.counts) if (!owners || owners.includes(owner)) sum += count;
    return sum;
  }

  private static readonly observers = new Set<(owner: StatementSender, sql: string) => void>();

  /** Calls `observer` with every statement's text until the returned function is called (tests: which tables a request reads). */
  static observe(observer: (owner: StatementSender, sql: string) => void): () => void {
    StatementCounter.observers.add(observer);
    return () => StatementCounter.observers.delete(observer);
  }

  logQuery(query?: string): void {
    StatementCounter.counts.set(this.owner, (StatementCounter.counts.get(this.owner) ?? 0) + 1);
    if (StatementCounter.observers.size > 0) for (const observer of StatementCounter.observers) observer(this.owner, query ?? '');
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/**
 * A TypeORM DataSource over one owner's schema. Migrations are the only way that schema changes
 * (never `synchronize`); the migrations table lives inside the schema it describes.
 */
export function createSchemaDataSource(definition: SchemaDefinition, options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: definition.owner,
    entities: definition.entities,
    migrations: definition.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    logging: options.logging ?? false,
    // With `logging` asked for, TypeORM's console logger; otherwise the statement counter.
    ...(options.logging ? {} : { logger: new StatementCounter(definition.owner) }),
    poolSize: options.poolSize ?? 5,
    applicationName: `ecocredit-${definition.owner}`,
    poolErrorHandler: poolErrorLogger(definition.owner),
    extra: statementTimeout(options),
  });
}

/**
 * An idle pooled connection the server closed (restart, pg_terminate_backend, failover) is an error
 * event on the pool: logged, never thrown (unhandled, it would end the process). The pool drops the
 * connection and opens a new one on the next query; a connection checked out at that moment fails its
 * query (TypeORM's query runner listens on it and returns it to the pool as broken).
 */
function poolErrorLogger(pool: string): (error: Error) => void {
  return (error) => log.warn('database connection lost; the pool reconnects on the next query', { pool, detail: error.message });
}

/** How long a read snapshot may sit idle inside its transaction before the server ends it. */
export const SNAPSHOT_IDLE_TIMEOUT_MS = 60_000;

/**
 * The pool that lends each client query its read snapshot (ReadSnapshot): no entities of its own
 * (the departments' managers run over its connections) and nothing else waits on it.
 */
export function createSnapshotDataSource(options: DataSourceOptions): DataSource {
  const source = new DataSource({
    type: 'postgres',
    url: options.url,
    entities: [],
    synchronize: false,
    migrationsRun: false,
    logging: options.logging ?? false,
    ...(options.logging ? {} : { logger: new StatementCounter('snapshot') }),
    poolSize: options.poolSize ?? 5,
    applicationName: 'ecocredit-snapshot',
    poolErrorHandler: poolErrorLogger('snapshot'),
    // A snapshot left open by a request that never ends is closed by the server, not held forever.
    extra: { options: `-c idle_in_transaction_session_timeout=${SNAPSHOT_IDLE_TIMEOUT_MS}`, ...statementTimeout(options) },
  });
  return servesSnapshotsOnly(source);
}

/** Creates the owner's schema if needed and applies its pending migrations, each in its own transaction. */
export async function migrateSchema(dataSource: DataSource, owner: SchemaOwner): Promise<string[]> {
  await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${owner}"`);
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((migration) => migration.name);
}

/**
 * Whether `error` is PostgreSQL's unique violation (SQLSTATE 23505) of `constraint` (of any when
 * omitted): how a service turns a natural duplicate into a clear BAD_USER_INPUT.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } } | null)?.driverError ?? (error as { code?: string; constraint?: string } | null);
  return driverError?.code === '23505' && (constraint === undefined || driverError.constraint === constraint);
}

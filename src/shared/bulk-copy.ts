import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource, QueryRunner } from 'typeorm';
import { recordWriteInOutbox } from './audit/audit-outbox';
import type { HubContext } from './context';
import type { DepartmentSeedWriter } from './seed-writer';

/** A value COPY writes into one column: null is SQL NULL; numbers and strings as their text. */
export type CopyValue = string | number | null;

/**
 * One field in PostgreSQL's COPY text format. Hand-written because the format is four escapes and
 * `\N` (https://www.postgresql.org/docs/current/sql-copy.html, "Text Format"): a CSV library would
 * add quoting work per field for rows that this module writes by the million.
 */
function copyField(value: CopyValue): string {
  if (value === null) return '\\N';
  const text = String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : text;
}

/** Rows of a chunk as COPY text lines, a few hundred rows per stream chunk to keep writes large. */
function* copyText(rows: Iterable<readonly CopyValue[]>, counter: { rows: number; bytes: number }): Generator<string> {
  let buffer = '';
  let pending = 0;
  for (const row of rows) {
    buffer += row.map(copyField).join('\t') + '\n';
    counter.rows++;
    if (++pending === 500) {
      counter.bytes += Buffer.byteLength(buffer);
      yield buffer;
      buffer = '';
      pending = 0;
    }
  }
  if (buffer) {
    counter.bytes += Buffer.byteLength(buffer);
    yield buffer;
  }
}

/**
 * A bulk writer on one connection of a department's DataSource, inside one transaction: every
 * `copy` streams rows with `COPY ... FROM STDIN`, and nothing is visible to others before `commit`.
 * It counts the rows and bytes it sent (the seed benchmark sizes its floor from them).
 *
 * The secondary indexes of a table it copies into (those no constraint owns) are dropped at its
 * first copy and built again at `commit`: PostgreSQL builds an index over loaded rows with one sort,
 * several times faster than maintaining it row by row (its manual's "Populating a Database"). DDL is
 * transactional, so a rollback restores them and a commit leaves the schema the migrations made;
 * meanwhile the tables are locked against other sessions, which see nothing of a seed before commit
 * anyway. Primary keys, unique constraints and foreign keys stay and are checked row by row.
 *
 * The transaction commits with its audit record (`by`, the command's context) in the department's
 * outbox, like any other write.
 */
export class BulkCopyTransaction {
  private ended = false;

  readonly sent = { rows: 0, bytes: 0 };
  private readonly tablesSeen = new Set<string>();
  private readonly deferredIndexes: string[] = [];

  private constructor(
    private readonly runner: QueryRunner,
    private readonly client: PoolClient,
    private readonly by: HubContext,
  ) {}

  static async open(dataSource: DataSource, by: HubContext): Promise<BulkCopyTransaction> {
    const runner = dataSource.createQueryRunner();
    // TypeORM's postgres query runner hands out the underlying pg client, which COPY streams need.
    const client = (await runner.connect()) as PoolClient;
    await runner.startTransaction();
    return new BulkCopyTransaction(runner, client, by);
  }

  /** Streams `rows` (values in `columns` order) into `table` (schema-qualified). */
  async copy(table: string, columns: readonly string[], rows: Iterable<readonly CopyValue[]>): Promise<void> {
    if (!this.tablesSeen.has(table)) {
      this.tablesSeen.add(table);
      await this.deferIndexes(table);
    }
    const sink = this.client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
    await pipeline(Readable.from(copyText(rows, this.sent)), sink);
  }

  /** A plain statement on the same connection and transaction. */
  query<T = unknown>(sql: string, parameters?: unknown[]): Promise<T> {
    return this.runner.query(sql, parameters);
  }

  private async deferIndexes(table: string): Promise<void> {
    const indexes = (await this.runner.query(
      `SELECT format('%I.%I', n.nspname, c.relname) AS name, pg_get_indexdef(i.indexrelid) AS definition
         FROM pg_index i
         JOIN pg_class c ON c.oid = i.indexrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE i.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
      [table],
    )) as { name: string; definition: string }[];
    for (const index of indexes) {
      await this.runner.query(`DROP INDEX ${index.name}`);
      this.deferredIndexes.push(index.definition);
    }
  }

  /** Builds the deferred indexes (still inside the transaction); `commit` does it too when not yet done. */
  async buildIndexes(): Promise<void> {
    for (const definition of this.deferredIndexes.splice(0)) await this.runner.query(definition);
  }

  async commit(): Promise<void> {
    this.ended = true;
    try {
      await this.buildIndexes();
      if (await recordWriteInOutbox(this.by, this.runner.manager)) this.by.auditOutboxesWritten.add(this.runner.connection);
      await this.runner.commitTransaction();
    } finally {
      await this.runner.release();
    }
  }

  /** Safe at any point: after `commit` (or a first rollback) it does nothing. */
  async rollback(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    try {
      if (this.runner.isTransactionActive) await this.runner.rollbackTransaction();
    } finally {
      await this.runner.release();
    }
  }

  /** What a department's seed writer delegates to its transaction (DepartmentSeedWriter's last steps). */
  get lifecycle(): Pick<DepartmentSeedWriter, 'finish' | 'commit' | 'rollback'> {
    return { finish: () => this.buildIndexes(), commit: () => this.commit(), rollback: () => this.rollback() };
  }
}

import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource, QueryRunner } from 'typeorm';

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
 */
export class BulkCopyTransaction {
  readonly sent = { rows: 0, bytes: 0 };

  private constructor(
    private readonly runner: QueryRunner,
    private readonly client: PoolClient,
  ) {}

  static async open(dataSource: DataSource): Promise<BulkCopyTransaction> {
    const runner = dataSource.createQueryRunner();
    // TypeORM's postgres query runner hands out the underlying pg client, which COPY streams need.
    const client = (await runner.connect()) as PoolClient;
    await runner.startTransaction();
    return new BulkCopyTransaction(runner, client);
  }

  /** Streams `rows` (values in `columns` order) into `table` (schema-qualified). */
  async copy(table: string, columns: readonly string[], rows: Iterable<readonly CopyValue[]>): Promise<void> {
    const sink = this.client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
    await pipeline(Readable.from(copyText(rows, this.sent)), sink);
  }

  /** A plain statement on the same connection and transaction. */
  query<T = unknown>(sql: string, parameters?: unknown[]): Promise<T> {
    return this.runner.query(sql, parameters);
  }

  async commit(): Promise<void> {
    try {
      await this.runner.commitTransaction();
    } finally {
      await this.runner.release();
    }
  }

  async rollback(): Promise<void> {
    try {
      if (this.runner.isTransactionActive) await this.runner.rollbackTransaction();
    } finally {
      await this.runner.release();
    }
  }
}

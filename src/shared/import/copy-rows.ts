import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';

const SPECIAL = /[\\\t\n\r]/;

/** A value in COPY's text format: \N for null; backslash, tab and line breaks escaped. */
function copyValue(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return !SPECIAL.test(value) ? value : value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/**
 * Loads rows into a temporary staging table with COPY (pg-copy-streams), inside the manager's
 * transaction; the table is dropped at commit. COPY is the fastest way into PostgreSQL; the caller
 * then applies the staged rows with one set-wise statement. The table is not analysed (that would
 * cost a statement and a sample of every row per batch): a statement that joins it to a stored table
 * must make the planner look the stored rows up by key itself (see registrations.feed.ts), or the
 * planner may hash the whole stored table for every batch.
 */
export async function stageRows(
  manager: EntityManager,
  table: { name: string; columns: Record<string, string> },
  rows: readonly (readonly (string | number | null)[])[],
): Promise<void> {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('stageRows runs inside a transaction');
  const names = Object.keys(table.columns);
  await manager.query(
    `CREATE TEMP TABLE ${table.name} (${names.map((name) => `${name} ${table.columns[name]}`).join(', ')}) ON COMMIT DROP`,
  );
  // TypeORM exposes the pg client of a connected query runner as `databaseConnection`.
  const client = (runner as unknown as { databaseConnection: PoolClient }).databaseConnection;
  const copy = client.query(copyFrom(`COPY ${table.name} (${names.join(', ')}) FROM STDIN`));
  async function* lines() {
    let chunk = '';
    for (const row of rows) {
      chunk += row.map(copyValue).join('\t') + '\n';
      if (chunk.length > 64 * 1024) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(Readable.from(lines()), copy);
}

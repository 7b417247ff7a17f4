import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { inject } from 'vitest';

/**
 * A database of its own for one test file, created from the run's migrated template (see
 * test/global-setup.ts) on the run's server: TEST_DATABASE_URL's, or one embedded PostgreSQL per run.
 */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

async function onServer<T>(work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: inject('testServerUrl') });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `ecocredit_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const template = inject('testTemplateDatabase');
  await onServer(async (admin) => {
    // Two files copying the template at the same instant can collide on its lock: try again.
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        return;
      } catch (error) {
        if (attempt >= 20 || !/being accessed by other users/.test((error as Error).message)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  });
  const url = new URL(inject('testServerUrl'));
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => onServer((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** One statement on `url` over a connection of its own (for databases no hub of the test holds a pool on). */
export async function queryOnce<R>(url: string, text: string, params: unknown[] = []): Promise<R[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as R[];
  } finally {
    await client.end();
  }
}

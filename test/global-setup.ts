import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { TestProject } from 'vitest/node';
import { closeHubDatabases, openHubDatabases } from '../src/hub/databases';
import { attachEmbeddedPostgres } from '../src/shared/embedded-postgres';
import { setLogLevel } from '../src/shared/logging';
import { ensureCliBuilt } from './support/cli-process';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of a database on the run's server with rights to create databases. */
    testServerUrl: string;
    /** The migrated database each test file's database is copied from. */
    testTemplateDatabase: string;
  }
}

/**
 * Once per run: the server (TEST_DATABASE_URL's, or one embedded PostgreSQL in a temporary folder)
 * and a template database with every migration applied. Each test file then copies the template
 * (CREATE DATABASE … TEMPLATE), which costs a file copy instead of running the migrations again.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  setLogLevel((process.env.LOG_LEVEL as 'debug' | 'info' | 'warn' | 'error') ?? 'error');
  // Tests of real processes run the compiled CLI: compile here, once, when stale (never two files at once).
  ensureCliBuilt();
  let dataDir: string | undefined;
  let embedded: Awaited<ReturnType<typeof attachEmbeddedPostgres>> | undefined;
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    dataDir = await mkdtemp(join(tmpdir(), 'ecocredit-test-'));
    embedded = await attachEmbeddedPostgres(dataDir);
    serverUrl = embedded.url;
  }
  const template = `ecocredit_template_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${template}"`);
  const templateUrl = new URL(serverUrl);
  templateUrl.pathname = `/${template}`;
  const sources = await openHubDatabases(templateUrl.toString(), { migrate: true, poolSize: 1 });
  await closeHubDatabases(sources);

  project.provide('testServerUrl', serverUrl);
  project.provide('testTemplateDatabase', template);
  return async () => {
    await admin(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await embedded?.release();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}

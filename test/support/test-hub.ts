import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { print } from 'graphql';
import { loadConfig, type HubConfig } from '../../src/shared/config';
import { startHub, type Hub } from '../../src/hub/hub';
import { createTestDatabase } from './test-database';

export interface GraphqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GraphqlResponse<T> {
  status: number;
  headers?: Headers;
  data?: T | null;
  errors?: GraphqlError[];
}

export interface CallOptions {
  /** Demo key to authenticate with; omitted = PUBLIC. */
  key?: string;
  purpose?: string;
  headers?: Record<string, string>;
}

/** The real hub (gateway + four subgraphs + PostgreSQL) on a free port, for one test file. */
export interface TestHub {
  hub: Hub;
  /** POSTs an operation to /graphql like a partner would. */
  request<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, options?: CallOptions): Promise<GraphqlResponse<T>>;
  /** The same with a codegen-typed document from test/operations. */
  execute<T, V extends Record<string, unknown>>(document: TypedDocumentNode<T, V>, variables: V, options?: CallOptions): Promise<GraphqlResponse<T>>;
  /** Runs SQL on the hub's database (to check rows written). */
  sql<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  /** Every response this hub gave to `request`/`execute` (to check no error leaks internals). */
  responses: GraphqlResponse<unknown>[];
  /** The hub's own data folder (its audit key and checkpoints). */
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * The TestHub calls (request, execute, sql on the gateway's database) over a hub already running;
 * `stop` stops the hub only.
 */
export function testHubOver(hub: Hub, dataDir = ''): TestHub {
  const responses: GraphqlResponse<unknown>[] = [];
  const request = async <T>(query: string, variables?: Record<string, unknown>, call: CallOptions = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...call.headers };
    if (call.key) headers.authorization = `Bearer ${call.key}`;
    if (call.purpose) headers['x-access-purpose'] = call.purpose;
    const response = await fetch(hub.url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data?: T | null; errors?: GraphqlError[] };
    const answer = { status: response.status, headers: response.headers, ...body };
    responses.push(answer);
    return answer;
  };
  return {
    hub,
    request,
    execute: (document, variables, call) => request(print(document), variables, call),
    sql: (text, params) => hub.sources.gateway.query(text, params),
    responses,
    dataDir,
    stop: () => hub.stop(),
  };
}

export async function startTestHub(options: { demoSize?: number; config?: Partial<HubConfig> } = {}): Promise<TestHub> {
  const database = await createTestDatabase();
  // Each hub keeps its audit key and checkpoints in its own folder (never the worktree's .data).
  const dataDir = mkdtempSync(join(tmpdir(), 'ecocredit-hub-'));
  const defaults = loadConfig({ HUB_DATA_DIR: dataDir });
  // The webhook dispatcher (graphile-worker, its own pool and schema) runs only where a test asks for it.
  const config = { ...defaults, databaseUrl: database.url, port: 0, demo: true, webhooks: { ...defaults.webhooks, enabled: false }, ...options.config };
  const hub = await startHub({ config, seedDemo: options.demoSize !== undefined, demoSize: options.demoSize });
  return {
    ...testHubOver(hub, dataDir),
    async stop() {
      await hub.stop();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The single error code of a response, failing loudly when there is none. */
export function errorCodes(response: GraphqlResponse<unknown>): string[] {
  return (response.errors ?? []).map((error) => String(error.extensions?.code));
}

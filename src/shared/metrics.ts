import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';

/**
 * The process's Prometheus metrics (served at `GET /metrics` by the gateway and by each department
 * process). Labels are bounded: operation names are normalised and capped (operationLabel), roles
 * and outcomes are small fixed sets, subgraphs and loaders are named in code; never a USCC.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

export const requestsTotal = new Counter({
  name: 'ecocredit_requests_total',
  help: 'GraphQL requests answered, by operation name, caller role and outcome (ok, or the first error code).',
  labelNames: ['operation', 'role', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const requestDuration = new Histogram({
  name: 'ecocredit_request_duration_seconds',
  help: 'Time from the request arriving to the answer being sent, by operation name and outcome.',
  labelNames: ['operation', 'outcome'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [metricsRegistry],
});

export const requestsInFlight = new Gauge({
  name: 'ecocredit_requests_in_flight',
  help: 'Requests received and not yet answered (probes excluded), by process kind: what a drain waits for.',
  labelNames: ['service'] as const,
  registers: [metricsRegistry],
});

export const subgraphFetches = new Counter({
  name: 'ecocredit_subgraph_fetches_total',
  help: 'Fetches the gateway sent to each subgraph, by outcome (ok, error = answered with errors, unavailable, failed).',
  labelNames: ['subgraph', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const webhookAttempts = new Counter({
  name: 'ecocredit_webhook_attempts_total',
  help: 'Webhook delivery attempts, by outcome (delivered, retry, dead).',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});

export const webhookMessagesQueued = new Counter({
  name: 'ecocredit_webhook_messages_queued_total',
  help: 'Webhook messages the relay made from the change outboxes.',
  registers: [metricsRegistry],
});

export const loaderBatchSize = new Histogram({
  name: 'ecocredit_loader_batch_size',
  help: 'Keys per DataLoader batch, by loader.',
  labelNames: ['loader'] as const,
  buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000],
  registers: [metricsRegistry],
});

/** The pg pools to report on, by name (`gateway`, `market`, `snapshot`, ...). */
const pools = new Map<string, DataSource>();

interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** TypeORM's postgres driver keeps its pg Pool as `master` (not part of its typed API). */
function pgPoolOf(dataSource: DataSource): PgPool | undefined {
  if (!dataSource.isInitialized) return undefined;
  return (dataSource.driver as unknown as { master?: PgPool }).master;
}

new Gauge({
  name: 'ecocredit_db_pool_connections',
  help: 'Connections of each database pool: total (open), idle, and waiting (callers queued for one).',
  labelNames: ['pool', 'state'] as const,
  registers: [metricsRegistry],
  collect() {
    this.reset();
    for (const [name, dataSource] of pools) {
      const pool = pgPoolOf(dataSource);
      if (!pool) continue;
      this.set({ pool: name, state: 'total' }, pool.totalCount);
      this.set({ pool: name, state: 'idle' }, pool.idleCount);
      this.set({ pool: name, state: 'waiting' }, pool.waitingCount);
    }
  },
});

/** Reports the pools' usage until the returned function is called (when they close). */
export function observePools(named: Record<string, DataSource | null | undefined>): () => void {
  const added: [string, DataSource][] = [];
  for (const [name, dataSource] of Object.entries(named)) {
    if (!dataSource) continue;
    pools.set(name, dataSource);
    added.push([name, dataSource]);
  }
  return () => {
    for (const [name, dataSource] of added) if (pools.get(name) === dataSource) pools.delete(name);
  };
}

/** At most this many distinct operation names get their own label; later ones count as `other`. */
export const MAX_OPERATION_LABELS = 200;
const seenOperations = new Set<string>();

/**
 * The `operation` label of a request: the document's operation name, cut to the characters a
 * GraphQL name may have and to 64 of them; `anonymous` without a name, `other` once
 * MAX_OPERATION_LABELS names have been seen (a caller inventing names cannot grow the series).
 */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  const normalised = name.replace(/[^A-Za-z0-9_]/g, '').slice(0, 64) || 'anonymous';
  if (seenOperations.has(normalised)) return normalised;
  if (seenOperations.size >= MAX_OPERATION_LABELS) return 'other';
  seenOperations.add(normalised);
  return normalised;
}

/** The text and content type of `GET /metrics`. */
export async function metricsAnswer(): Promise<{ contentType: string; body: string }> {
  return { contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() };
}

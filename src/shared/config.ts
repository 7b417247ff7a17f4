/**
 * Process configuration, read once from the environment. Every variable is documented in the README.
 */
export interface HubConfig {
  /** HTTP port of the gateway. */
  port: number;
  /** PostgreSQL URL; when unset the hub runs (or attaches to) an embedded PostgreSQL under `dataDir`. */
  databaseUrl: string | undefined;
  /** Folder of the embedded database (HUB_DATA_DIR, default ./.data). */
  dataDir: string;
  /**
   * As root, where the embedded server's cluster and a copy of its binaries go when its server user
   * cannot reach the data directory or node_modules (a clone in a private folder):
   * HUB_EMBEDDED_SERVER_DIR, default /var/lib/ecocredit.
   */
  embeddedServerDir: string | undefined;
  /** Demo mode: demo keys, demo data, introspection. On by default with the embedded database. */
  demo: boolean;
  production: boolean;
  redisUrl: string | undefined;
  /** Largest accepted request body, in bytes. */
  maxBodyBytes: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Introspection and "Did you mean" suggestions; on in demo mode only, unless HUB_SCHEMA_HINTS says. */
  schemaHints: boolean;
  /**
   * Who may read `/metrics` (see MetricsAccess in gateway/http-server.ts): HUB_METRICS_TOKEN, a bearer
   * key asked on the serving port whenever it is set (required there in production); HUB_METRICS_ADDRESS,
   * `host:port` of a keyless listener on a private or loopback address (the gateway process).
   */
  metrics: { token: string | undefined; address: string | undefined };
  /** `/graphiql`, the bundled explorer (HUB_GRAPHIQL): on unless NODE_ENV=production, where it must be asked for. */
  graphiql: boolean;
  /** Shared secret of the gateway → subgraph tokens; generated per process when unset (single process). */
  subgraphSecret: string | undefined;
  /**
   * Where the departments served as their own processes are (HUB_SUBGRAPH_URLS=environment=http://...,market=...):
   * the one setting every process reads, the gateway to call them, a department process to ask the
   * others for facts (docs/operations.md, "Departments as processes").
   */
  subgraphUrls: Record<string, string>;
  /** Calls to departments over HTTP: one fetch's time limit, and each department's circuit breaker. */
  subgraphCalls: { timeoutMs: number; failuresToOpen: number; halfOpenAfterMs: number };
  /** A JWT issuer whose tokens are accepted as credentials (HS256 secret or JWKS), or none. */
  jwt: { secret: string | undefined; jwksUrl: string | undefined; issuer: string | undefined; audience: string | undefined; maxAgeSeconds: number };
  /**
   * The audit chain's key (HUB_AUDIT_KEY, required in production; otherwise generated once into
   * `<dataDir>/audit.key`) and the append-only JSON-lines file of signed checkpoints of its head.
   */
  audit: { key: string | undefined; checkpointFile: string; checkpointIntervalMs: number };
  /** Failed authentications per address per window; RATE_LIMITED above it. */
  authFailureLimit: { requests: number; windowMs: number };
  /** Operation limits enforced at the gateway before any subgraph runs. */
  limits: OperationLimits;
  /** Requests per client per window; RATE_LIMITED above it. */
  rateLimit: { requests: number; windowMs: number };
  /** On SIGTERM/SIGINT, how long in-flight requests may take before their connections are closed. */
  shutdownTimeoutMs: number;
  /**
   * How often a process serving environment checks that the latest half-year snapshot is stored and
   * stores it if not (first check on start); 0 turns the job off (another instance runs it).
   */
  snapshotJobIntervalMs: number;
  /** At start-up, how long to wait for the database to accept connections (with back-off) before giving up. */
  databaseWaitMs: number;
  /**
   * Credit reports (issue 14): the Ed25519 signing key (HUB_REPORT_SIGNING_KEY, a PKCS#8 PEM; required
   * in production, otherwise generated once into `<dataDir>/report-signing-key.pem`), the SM2 one
   * (HUB_REPORT_SM2_KEY, likewise, `<dataDir>/report-sm2-key.pem`), how many days a report stays
   * valid, the bureau named as issuer, and HUB_PUBLIC_URL: the absolute base printed in the reports'
   * verify links and QR codes (unset: `http://localhost:<port the hub listens on>`).
   */
  reports: { signingKey: string | undefined; sm2Key?: string; validityDays: number; bureau: string; publicUrl?: string };
  /**
   * Processes serving the hub (HUB_WORKERS, default 1): above 1, `ecocredit start` forks that many
   * workers (Node cluster) sharing the port, so every core serves. Each keeps only per-process caches.
   */
  workers: number;
  /** Time budget of one request: PostgreSQL `statement_timeout` on the hub's pools, and the deadline of a whole GraphQL request. */
  timeouts: { statementMs: number; requestMs: number };
  /** Change notifications (src/apps/webhooks; docs/configuration.md, "Webhooks"). */
  webhooks: WebhookConfig;
}

export interface WebhookConfig {
  /** Run the dispatcher (relay, deliveries, the daily job of due ratings) in this gateway process (HUB_WEBHOOKS, default on). */
  enabled: boolean;
  /** Endpoints on private, loopback or link-local addresses (HUB_WEBHOOK_ALLOW_PRIVATE=1: tests, demo). Refused by default. */
  allowPrivate: boolean;
  /** Waits before each retry after a failed attempt; after the last, the message is dead (HUB_WEBHOOK_RETRY_SCHEDULE). */
  retryScheduleMs: number[];
  /** One attempt's time limit: connect, send and the answer's status (HUB_WEBHOOK_TIMEOUT_MS). */
  timeoutMs: number;
  /** How often the change outboxes are swept even without a notification (HUB_WEBHOOK_RELAY_INTERVAL_MS). */
  relayIntervalMs: number;
  /** graphile-worker's poll interval and its concurrent jobs per process. */
  pollIntervalMs: number;
  concurrency: number;
  /** After a secret rotation, how long the old secret still signs (a second signature). */
  rotationGraceMs: number;
  /**
   * Days messages and the delivery log are kept (HUB_WEBHOOK_RETENTION_DAYS, default 90): a replay
   * reaches back that far; older delivered and dead messages are purged daily (WebhookRetentionService).
   */
  retentionDays: number;
}

/** Standard Webhooks' recommended schedule, about 27 hours in all: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
export const DEFAULT_RETRY_SCHEDULE = '5s,5m,30m,2h,5h,10h,10h';

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `5s,5m,2h` → milliseconds; a malformed entry stops the start with a message naming it. */
export function parseRetrySchedule(text: string): number[] {
  return text.split(',').map((entry) => {
    const match = /^\s*(\d+)\s*(ms|s|m|h|d)\s*$/.exec(entry);
    if (!match) throw new Error(`HUB_WEBHOOK_RETRY_SCHEDULE: "${entry}" is not a duration such as 500ms, 5s, 5m, 2h or 1d`);
    return Number(match[1]) * DURATION_UNITS[match[2]];
  });
}

/** HUB_WEBHOOK_RETENTION_DAYS: whole days, at least 1; anything else stops the start naming it. */
function retentionDays(text: string | undefined): number {
  if (text === undefined || text.trim() === '') return 90;
  const days = Number(text);
  if (!Number.isInteger(days) || days < 1) throw new Error(`HUB_WEBHOOK_RETENTION_DAYS: "${text}" is not a whole number of days of at least 1`);
  return days;
}

export interface OperationLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxTokens: number;
  /** Largest list argument (e.g. `enterprises(usccs:)`); CONTRACT.md says at most 1000 codes. */
  maxListSize: number;
  /** Items of every list argument summed over the operation (50 aliases of 1000 codes = 50,000). */
  maxListItems: number;
  /** Fragment spreads written in the document. */
  maxFragmentSpreads: number;
  /** Field selections once every fragment is expanded (counted without expanding). */
  maxSelections: number;
  /**
   * Introspection is answered (HUB_SCHEMA_HINTS, demo mode): an introspection-only query may then
   * nest to INTROSPECTION_MAX_DEPTH (operation-guard.ts), every other limit unchanged. Set by the
   * gateway from `schemaHints`; absent = no exemption.
   */
  introspection?: boolean;
}

/** HUB_PUBLIC_URL without its trailing slash; undefined when unset; refused unless an absolute http(s) URL. */
function publicUrl(env: NodeJS.ProcessEnv): string | undefined {
  const value = env.HUB_PUBLIC_URL?.trim();
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`HUB_PUBLIC_URL "${value}" is not an absolute URL (e.g. https://credit.example.gov.cn)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`HUB_PUBLIC_URL "${value}" must be an http or https URL`);
  if (url.search || url.hash || url.username || url.password) throw new Error(`HUB_PUBLIC_URL "${value}" must be a base URL without query, fragment or credentials`);
  return url.href.replace(/\/+$/, '');
}

function numberOf(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}

function flag(value: string | undefined): boolean | undefined {
  return value === undefined ? undefined : value === '1' || value === 'true';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const databaseUrl = env.DATABASE_URL || undefined;
  const demo = flag(env.HUB_DEMO) ?? databaseUrl === undefined;
  const subgraphUrls: Record<string, string> = {};
  for (const pair of (env.HUB_SUBGRAPH_URLS ?? '').split(',').filter(Boolean)) {
    const [name, url] = pair.split('=');
    if (name && url) subgraphUrls[name.trim()] = url.trim();
  }
  return {
    port: Number(env.PORT ?? 4000),
    databaseUrl,
    dataDir: env.HUB_DATA_DIR || '.data',
    embeddedServerDir: env.HUB_EMBEDDED_SERVER_DIR || undefined,
    demo,
    production: env.NODE_ENV === 'production',
    redisUrl: env.REDIS_URL || undefined,
    maxBodyBytes: Number(env.HUB_MAX_BODY_BYTES ?? 1_000_000),
    logLevel: (env.LOG_LEVEL as HubConfig['logLevel']) ?? 'info',
    schemaHints: flag(env.HUB_SCHEMA_HINTS) ?? demo,
    graphiql: flag(env.HUB_GRAPHIQL) ?? env.NODE_ENV !== 'production',
    metrics: { token: env.HUB_METRICS_TOKEN || undefined, address: env.HUB_METRICS_ADDRESS || undefined },
    subgraphSecret: env.HUB_SUBGRAPH_SECRET || undefined,
    subgraphUrls,
    subgraphCalls: {
      timeoutMs: numberOf(env.HUB_SUBGRAPH_TIMEOUT_MS, 2_000),
      failuresToOpen: Math.floor(numberOf(env.HUB_SUBGRAPH_BREAKER_FAILURES, 3)),
      halfOpenAfterMs: numberOf(env.HUB_SUBGRAPH_BREAKER_HALF_OPEN_MS, 5_000),
    },
    jwt: {
      secret: env.HUB_JWT_SECRET || undefined,
      jwksUrl: env.HUB_JWKS_URL || undefined,
      issuer: env.HUB_JWT_ISSUER || undefined,
      audience: env.HUB_JWT_AUDIENCE || undefined,
      maxAgeSeconds: numberOf(env.HUB_JWT_MAX_AGE_S, 3_600),
    },
    audit: {
      key: env.HUB_AUDIT_KEY || undefined,
      checkpointFile: env.HUB_AUDIT_CHECKPOINT_FILE || `${env.HUB_DATA_DIR || '.data'}/audit-checkpoints.jsonl`,
      checkpointIntervalMs: numberOf(env.HUB_AUDIT_CHECKPOINT_INTERVAL_MS, 60_000),
    },
    authFailureLimit: {
      requests: numberOf(env.HUB_AUTH_FAILURE_LIMIT, 20),
      windowMs: numberOf(env.HUB_AUTH_FAILURE_WINDOW_MS, 60_000),
    },
    limits: {
      maxDepth: numberOf(env.HUB_MAX_DEPTH, 10),
      maxCost: numberOf(env.HUB_MAX_COST, 250_000),
      maxAliases: numberOf(env.HUB_MAX_ALIASES, 50),
      maxTokens: numberOf(env.HUB_MAX_TOKENS, 2_000),
      maxListSize: numberOf(env.HUB_MAX_LIST_SIZE, 1_000),
      maxListItems: numberOf(env.HUB_MAX_LIST_ITEMS_PER_REQUEST, 1_000),
      maxFragmentSpreads: numberOf(env.HUB_MAX_FRAGMENT_SPREADS, 100),
      // As many as a document of HUB_MAX_TOKENS could write without fragments.
      maxSelections: numberOf(env.HUB_MAX_SELECTIONS, 2_000),
    },
    rateLimit: {
      requests: numberOf(env.HUB_RATE_LIMIT, 600),
      windowMs: numberOf(env.HUB_RATE_WINDOW_MS, 60_000),
    },
    shutdownTimeoutMs: numberOf(env.HUB_SHUTDOWN_TIMEOUT_MS, 25_000),
    databaseWaitMs: numberOf(env.HUB_DB_WAIT_MS, 60_000),
    reports: {
      // PEM in one line (as env files often need) is accepted with literal \n.
      signingKey: env.HUB_REPORT_SIGNING_KEY ? env.HUB_REPORT_SIGNING_KEY.replace(/\\n/g, '\n') : undefined,
      sm2Key: env.HUB_REPORT_SM2_KEY ? env.HUB_REPORT_SM2_KEY.replace(/\\n/g, '\n') : undefined,
      publicUrl: publicUrl(env),
      validityDays: numberOf(env.HUB_REPORT_VALIDITY_DAYS, 30),
      bureau: env.HUB_NOTICE_BUREAU || '连云港市生态环境局',
    },
    workers: Math.floor(numberOf(env.HUB_WORKERS, 1)),
    snapshotJobIntervalMs: numberOf(env.HUB_SNAPSHOT_JOB_INTERVAL_MS, 60 * 60 * 1000),
    timeouts: {
      statementMs: numberOf(env.HUB_STATEMENT_TIMEOUT_MS, 15_000),
      requestMs: numberOf(env.HUB_REQUEST_TIMEOUT_MS, 60_000),
    },
    webhooks: {
      enabled: flag(env.HUB_WEBHOOKS) ?? true,
      allowPrivate: flag(env.HUB_WEBHOOK_ALLOW_PRIVATE) ?? false,
      retryScheduleMs: parseRetrySchedule(env.HUB_WEBHOOK_RETRY_SCHEDULE || DEFAULT_RETRY_SCHEDULE),
      timeoutMs: numberOf(env.HUB_WEBHOOK_TIMEOUT_MS, 10_000),
      relayIntervalMs: numberOf(env.HUB_WEBHOOK_RELAY_INTERVAL_MS, 5_000),
      pollIntervalMs: numberOf(env.HUB_WEBHOOK_POLL_INTERVAL_MS, 2_000),
      concurrency: numberOf(env.HUB_WEBHOOK_CONCURRENCY, 4),
      rotationGraceMs: numberOf(env.HUB_WEBHOOK_ROTATION_GRACE_MS, 24 * 3_600_000),
      retentionDays: retentionDays(env.HUB_WEBHOOK_RETENTION_DAYS),
    },
  };
}

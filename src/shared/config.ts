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
  /** Demo mode: demo keys, demo data, introspection. On by default with the embedded database. */
  demo: boolean;
  production: boolean;
  redisUrl: string | undefined;
  /** Largest accepted request body, in bytes. */
  maxBodyBytes: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Introspection and "Did you mean" suggestions; on in demo mode only, unless HUB_SCHEMA_HINTS says. */
  schemaHints: boolean;
  /** Shared secret of the gateway → subgraph tokens; generated per process when unset (single process). */
  subgraphSecret: string | undefined;
  /** Subgraph URLs for `start gateway` with remote departments (HUB_SUBGRAPH_URLS=environment=http://...,market=...). */
  subgraphUrls: Record<string, string>;
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
  /** At start-up, how long to wait for the database to accept connections (with back-off) before giving up. */
  databaseWaitMs: number;
  /**
   * Credit reports (issue 14): the Ed25519 signing key (HUB_REPORT_SIGNING_KEY, a PKCS#8 PEM; required
   * in production, otherwise generated once into `<dataDir>/report-signing-key.pem`), how many days a
   * report stays valid, and the bureau named as issuer.
   */
  reports: { signingKey: string | undefined; validityDays: number; bureau: string };
  /**
   * Processes serving the hub (HUB_WORKERS, default 1): above 1, `ecocredit start` forks that many
   * workers (Node cluster) sharing the port, so every core serves. Each keeps only per-process caches.
   */
  workers: number;
  /** Time budget of one request: PostgreSQL `statement_timeout` on the hub's pools, and the deadline of a whole GraphQL request. */
  timeouts: { statementMs: number; requestMs: number };
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
    demo,
    production: env.NODE_ENV === 'production',
    redisUrl: env.REDIS_URL || undefined,
    maxBodyBytes: Number(env.HUB_MAX_BODY_BYTES ?? 1_000_000),
    logLevel: (env.LOG_LEVEL as HubConfig['logLevel']) ?? 'info',
    schemaHints: flag(env.HUB_SCHEMA_HINTS) ?? demo,
    subgraphSecret: env.HUB_SUBGRAPH_SECRET || undefined,
    subgraphUrls,
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
      validityDays: numberOf(env.HUB_REPORT_VALIDITY_DAYS, 30),
      bureau: env.HUB_NOTICE_BUREAU || '连云港市生态环境局',
    },
    workers: Math.floor(numberOf(env.HUB_WORKERS, 1)),
    timeouts: {
      statementMs: numberOf(env.HUB_STATEMENT_TIMEOUT_MS, 15_000),
      requestMs: numberOf(env.HUB_REQUEST_TIMEOUT_MS, 60_000),
    },
  };
}

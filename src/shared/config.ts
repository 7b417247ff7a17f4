/**
 * Process configuration, read once from the environment. Every variable is documented in the README.
 */
export interface HubConfig {
  /** HTTP port of the gateway. */
  port: number;
  /** PostgreSQL URL; when unset the hub runs an embedded PGlite under `dataDir`. */
  databaseUrl: string | undefined;
  /** Folder of the embedded database; undefined keeps it in memory (tests). */
  dataDir: string | undefined;
  /** Demo mode: demo keys, demo data, introspection. On by default with the embedded database. */
  demo: boolean;
  production: boolean;
  redisUrl: string | undefined;
  /** Largest accepted request body, in bytes. */
  maxBodyBytes: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const databaseUrl = env.DATABASE_URL || undefined;
  const demoFlag = env.HUB_DEMO;
  return {
    port: Number(env.PORT ?? 4000),
    databaseUrl,
    dataDir: env.HUB_DATA_DIR ?? '.data',
    demo: demoFlag !== undefined ? demoFlag === '1' || demoFlag === 'true' : databaseUrl === undefined,
    production: env.NODE_ENV === 'production',
    redisUrl: env.REDIS_URL || undefined,
    maxBodyBytes: Number(env.HUB_MAX_BODY_BYTES ?? 1_000_000),
    logLevel: (env.LOG_LEVEL as HubConfig['logLevel']) ?? 'info',
  };
}

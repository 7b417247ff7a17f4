import cluster from 'node:cluster';
import pino from 'pino';

/**
 * Structured one-line JSON logs on stderr (pino); the only place the hub writes diagnostics.
 * Each line is `{"level":"info","time":"<ISO 8601>","message":"...", ...fields}`. The destination is
 * synchronous so that the last lines of a process (the shutdown's) are written before it exits.
 * With HUB_WORKERS > 1 every line names its writer: `"worker":<id>` (Node cluster's worker id, 1..n;
 * a replacement gets the next id) in a worker, `"worker":"primary"` in the primary (runClustered).
 */
type Level = 'debug' | 'info' | 'warn' | 'error';

const LEVELS: readonly Level[] = ['debug', 'info', 'warn', 'error'];

function initialLevel(): Level {
  const asked = process.env.LOG_LEVEL as Level | undefined;
  return asked && LEVELS.includes(asked) ? asked : 'info';
}

export const logger = pino(
  {
    level: initialLevel(),
    messageKey: 'message',
    base: cluster.isWorker && cluster.worker ? { worker: cluster.worker.id } : undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  },
  pino.destination({ fd: 2, sync: true }),
);

export function setLogLevel(level: Level): void {
  logger.level = level;
}

/** The hub's call shape: a fixed message that says what happened, and the fields that vary. */
export const log = {
  debug: (message: string, fields?: Record<string, unknown>) => logger.debug(fields ?? {}, message),
  info: (message: string, fields?: Record<string, unknown>) => logger.info(fields ?? {}, message),
  warn: (message: string, fields?: Record<string, unknown>) => logger.warn(fields ?? {}, message),
  error: (message: string, fields?: Record<string, unknown>) => logger.error(fields ?? {}, message),
};

/** Adds `fields` to every later line of this process (the cluster's primary names itself). */
export function bindLogFields(fields: Record<string, unknown>): void {
  logger.setBindings(fields);
}

import { Logger, parseCronItems, run, type Runner, type Task } from 'graphile-worker';
import pg from 'pg';
import type { WebhookConfig } from '../../shared/config';
import type { IsoDate } from '../../shared/dates';
import { log } from '../../shared/logging';
import { CHANGE_CHANNEL } from '../../../migrations/change-outbox';
import { DELIVER_TASK } from './services/job-queue';
import type { WebhookDeliveryService } from './services/delivery.service';
import type { WebhookRelayService } from './services/relay.service';

/** The graphile-worker task of the daily job of changes made by the passage of time. */
export const RATINGS_DUE_TASK = 'ratings_due';

export interface DispatcherOptions {
  databaseUrl: string;
  config: WebhookConfig;
  relay: WebhookRelayService;
  delivery: WebhookDeliveryService;
  /** The environment department's job: ratings whose `next_change_on` has come by `day` (see RatingDueService). */
  refreshDueRatings: (day: IsoDate) => Promise<{ refreshed: number; colorChanged: number }>;
}

/** graphile-worker's log lines through the hub's logger. */
const workerLogger = new Logger((scope) => (level, message, meta) => {
  const fields = { ...scope, ...meta, component: 'graphile-worker' };
  if (level === 'error') log.error(message, fields);
  else if (level === 'warning') log.warn(message, fields);
  else if (level === 'info') log.info(message, fields);
  else log.debug(message, fields);
});

/**
 * Delivery of change notifications on graphile-worker (a PostgreSQL job queue: jobs are taken with
 * SKIP LOCKED, so each runs on one worker of one instance at a time, and survive restarts):
 * - the relay (outboxes → messages and jobs) runs when a department's NOTIFY says a change
 *   committed, and on a timer, since a notification can be missed (the outbox is the guarantee);
 * - `webhook_deliver` sends one message (WebhookDeliveryService: claim, sign, post, retry or dead);
 * - `ratings_due` runs daily at 00:05 (cron, not backfilled: the job itself catches up on every
 *   subject whose change is due, whatever day it was due), then the relay.
 * Stops gracefully: the timer and listener first, then graphile-worker waits for running jobs.
 */
export class WebhookDispatcher {
  private constructor(
    private readonly pool: pg.Pool,
    private readonly runner: Runner,
    private readonly listener: pg.PoolClient,
    private readonly timer: NodeJS.Timeout,
    private readonly relay: WebhookRelayService,
  ) {}

  static async start(options: DispatcherOptions): Promise<WebhookDispatcher> {
    const { config, relay, delivery } = options;
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: config.concurrency + 3, application_name: 'ecocredit-webhooks' });
    // An idle connection the server closed (restart, failover) is dropped by the pool; it must not crash the process.
    pool.on('error', (error) => log.warn('webhook pool connection lost', { detail: error.message }));
    // And a checked-out client's error (graphile-worker warns at start without this handler).
    pool.on('connect', (client) => client.on('error', (error) => log.warn('webhook pool client error', { detail: error.message })));
    const kick = () => void relay.kick().catch((error: unknown) => log.warn('webhook relay pass failed; the next one retries', { detail: String(error) }));
    const deliver: Task = async (payload) => {
      const { messageId } = payload as { messageId: string };
      await delivery.deliver(messageId);
    };
    const ratingsDue: Task = async (payload) => {
      const { day, _cron } = payload as { day?: string; _cron?: { ts: string } };
      const run = await options.refreshDueRatings(day ?? (_cron ? new Date(_cron.ts) : new Date()).toISOString().slice(0, 10));
      log.info('due ratings refreshed', { ...run });
      await relay.kick();
    };
    let runner: Runner | undefined;
    let listener: pg.PoolClient | undefined;
    try {
      runner = await run({
        pgPool: pool,
        concurrency: config.concurrency,
        pollInterval: config.pollIntervalMs,
        noHandleSignals: true,
        logger: workerLogger,
        taskList: { [DELIVER_TASK]: deliver, [RATINGS_DUE_TASK]: ratingsDue },
        parsedCronItems: parseCronItems([{ task: RATINGS_DUE_TASK, match: '5 0 * * *', identifier: RATINGS_DUE_TASK, options: { backfillPeriod: 0, jobKey: RATINGS_DUE_TASK } }]),
      });
      listener = await pool.connect();
      listener.on('notification', kick);
      await listener.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch (error) {
      listener?.release();
      await runner?.stop();
      await pool.end();
      throw error;
    }
    const timer = setInterval(kick, config.relayIntervalMs);
    timer.unref();
    kick();
    return new WebhookDispatcher(pool, runner, listener, timer, relay);
  }

  /** Queues the job of changes due on `day` (an operator's catch-up, or a test's given date). */
  async queueDueRatings(day: IsoDate): Promise<void> {
    await this.runner.addJob(RATINGS_DUE_TASK, { day }, { jobKey: `${RATINGS_DUE_TASK}:${day}` });
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.listener.removeAllListeners('notification');
    await this.listener.query(`UNLISTEN ${CHANGE_CHANNEL}`).catch(() => undefined);
    this.listener.release();
    await this.relay.kick().catch(() => undefined);
    await this.runner.stop();
    await this.pool.end();
  }
}

import { Logger, parseCronItems, run, type Runner, type RunnerOptions, type Task } from 'graphile-worker';
import pg from 'pg';
import type { WebhookConfig } from '../../shared/config';
import type { IsoDate } from '../../shared/dates';
import { log } from '../../shared/logging';
import { CHANGE_CHANNEL } from '../../../migrations/change-outbox';
import { DELIVER_TASK } from './services/job-queue';
import type { WebhookDeliveryService } from './services/delivery.service';
import type { WebhookRelayService } from './services/relay.service';
import type { WebhookRetentionService } from './services/retention.service';
import { MEASURES_DUE_JOB, type TimedMeasureChanges } from './services/timed-measure-changes';
import { RESTRICTIONS_DUE_JOB, type TimedRestrictionChanges } from './services/timed-restriction-changes';

/** First wait before starting the job worker or the change listener again after a database error (doubling). */
const RESTART_FIRST_MS = 500;
const RESTART_MAX_MS = 30_000;

/** The graphile-worker task of the daily job of changes made by the passage of time. */
export const RATINGS_DUE_TASK = 'ratings_due';
/** The daily job of joint measures starting or ending by the calendar alone (TimedMeasureChanges). */
export const MEASURES_DUE_TASK = MEASURES_DUE_JOB;
/** The daily job of banks' restriction levels changed by a restriction-table version on its day (TimedRestrictionChanges). */
export const RESTRICTIONS_DUE_TASK = RESTRICTIONS_DUE_JOB;
/** The daily purge of messages and delivery log past the retention (WebhookRetentionService). */
export const PURGE_TASK = 'webhook_purge';

export interface DispatcherOptions {
  databaseUrl: string;
  config: WebhookConfig;
  relay: WebhookRelayService;
  delivery: WebhookDeliveryService;
  /** The environment department's job: ratings whose `next_change_on` has come by `day` (see RatingDueService). */
  refreshDueRatings: (day: IsoDate) => Promise<{ refreshed: number; colorChanged: number }>;
  /** Joint measures starting or ending by the calendar alone. */
  timedMeasures: TimedMeasureChanges;
  /** Banks' restriction levels changed by a version of the restriction table on its day. */
  timedRestrictions: TimedRestrictionChanges;
  retention: WebhookRetentionService;
}

/** The day a job is for: the payload's (a run queued for a given day), or the cron tick's, or today. */
function dayOf(payload: unknown): { day: IsoDate; byCron: boolean } {
  const { day, _cron } = payload as { day?: string; _cron?: { ts: string } };
  if (day) return { day, byCron: false };
  return { day: (_cron ? new Date(_cron.ts) : new Date()).toISOString().slice(0, 10), byCron: Boolean(_cron) };
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
 *   subject whose change is due, whatever day it was due), then the relay;
 * - `measures_due` runs daily at 00:10 (cron, not backfilled: the job goes on from the day after the
 *   last it went through, so it catches up on days missed), writing joint measures that start or end
 *   by the calendar alone and queuing their messages (TimedMeasureChanges);
 * - `restrictions_due` runs daily at 00:15, after `ratings_due` (so a colour changing the same day is
 *   told first, with the restriction it brings, and not again), the same way: banks' restriction levels
 *   changed by a version of the restriction table taking effect or ending (TimedRestrictionChanges);
 * - `webhook_purge` runs daily at 03:30: messages and delivery log past the retention.
 * graphile-worker's cron queues each tick once across instances (`known_crontabs`), and a job runs
 * on one worker; the jobs are safe to run twice all the same (an operator's run beside the cron's).
 * Stops gracefully: the timer and listener first, then graphile-worker waits for running jobs.
 * A database error never ends the process: the worker and the listener are started again with back-off.
 */
export class WebhookDispatcher {
  private runner: Runner | null = null;
  private listener: pg.PoolClient | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private runnerRetry: NodeJS.Timeout | null = null;
  private listenerRetry: NodeJS.Timeout | null = null;
  private runnerDelayMs = RESTART_FIRST_MS;
  private listenerDelayMs = RESTART_FIRST_MS;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly runOptions: RunnerOptions,
    private readonly relay: WebhookRelayService,
    private readonly kick: () => void,
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
      const run = await options.refreshDueRatings(dayOf(payload).day);
      log.info('due ratings refreshed', { ...run });
      await relay.kick();
    };
    const measuresDue: Task = async (payload) => {
      const { day, byCron } = dayOf(payload);
      const run = await options.timedMeasures.run(day, { catchUp: byCron });
      log.info('measures changed by the calendar', { ...run });
    };
    const restrictionsDue: Task = async (payload) => {
      const { day, byCron } = dayOf(payload);
      const run = await options.timedRestrictions.run(day, { catchUp: byCron });
      log.info('restriction levels changed by the calendar', { ...run });
    };
    const purge: Task = async () => {
      const run = await options.retention.purge();
      log.info('webhook messages past the retention purged', { ...run, cutoff: run.cutoff.toISOString() });
    };
    const runOptions: RunnerOptions = {
      pgPool: pool,
      concurrency: config.concurrency,
      pollInterval: config.pollIntervalMs,
      noHandleSignals: true,
      logger: workerLogger,
      // Completing or failing a job goes through graphile-worker's batcher, whose refusal stops the
      // worker pool and settles the runner's promise (then started again, see startRunner). Unbatched
      // (-1, its default), a refused completion is a promise nobody awaits: it ends the process.
      preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
      taskList: { [DELIVER_TASK]: deliver, [RATINGS_DUE_TASK]: ratingsDue, [MEASURES_DUE_TASK]: measuresDue, [RESTRICTIONS_DUE_TASK]: restrictionsDue, [PURGE_TASK]: purge },
      parsedCronItems: parseCronItems([
        { task: RATINGS_DUE_TASK, match: '5 0 * * *', identifier: RATINGS_DUE_TASK, options: { backfillPeriod: 0, jobKey: RATINGS_DUE_TASK } },
        { task: MEASURES_DUE_TASK, match: '10 0 * * *', identifier: MEASURES_DUE_TASK, options: { backfillPeriod: 0, jobKey: MEASURES_DUE_TASK } },
        { task: RESTRICTIONS_DUE_TASK, match: '15 0 * * *', identifier: RESTRICTIONS_DUE_TASK, options: { backfillPeriod: 0, jobKey: RESTRICTIONS_DUE_TASK } },
        { task: PURGE_TASK, match: '30 3 * * *', identifier: PURGE_TASK, options: { backfillPeriod: 0, jobKey: PURGE_TASK } },
      ]),
    };
    const dispatcher = new WebhookDispatcher(pool, runOptions, relay, kick);
    try {
      await dispatcher.startRunner();
      await dispatcher.listen();
    } catch (error) {
      await dispatcher.stop().catch(() => undefined);
      throw error;
    }
    dispatcher.timer = setInterval(kick, config.relayIntervalMs);
    dispatcher.timer.unref();
    kick();
    return dispatcher;
  }

  /**
   * Starts graphile-worker and watches it: a worker that stops on its own — graphile-worker ends its
   * pool when the database refuses a statement it cannot do without (completing or failing jobs),
   * and rejects its promise — is started again with back-off instead of ending the process.
   */
  private async startRunner(): Promise<void> {
    const runner = await run(this.runOptions);
    this.runner = runner;
    this.runnerDelayMs = RESTART_FIRST_MS;
    runner.promise.then(
      () => this.restartRunner(runner, 'its worker pool ended (graphile-worker logged why just before)'),
      (error: unknown) => this.restartRunner(runner, String((error as Error)?.message ?? error)),
    );
  }

  private restartRunner(runner: Runner, reason: string): void {
    if (this.stopped || this.runner !== runner || this.runnerRetry) return;
    log.error('webhook job worker stopped; starting it again', { reason, retryInMs: this.runnerDelayMs });
    this.runnerRetry = setTimeout(() => {
      this.runnerRetry = null;
      if (this.stopped) return;
      this.startRunner().catch((error: unknown) => {
        this.runnerDelayMs = Math.min(this.runnerDelayMs * 2, RESTART_MAX_MS);
        this.restartRunner(runner, `could not start again: ${String((error as Error)?.message ?? error)}`);
      });
    }, this.runnerDelayMs);
  }

  /**
   * LISTENs for departments' change notifications on a client of its own, taken again with back-off
   * when its connection is lost (changes meanwhile are found by the relay's timer, and by the pass
   * that runs on reconnecting).
   */
  private async listen(): Promise<void> {
    const listener = await this.pool.connect();
    let lost = false;
    listener.on('error', (error) => {
      if (lost) return;
      lost = true;
      listener.removeAllListeners('notification');
      listener.release(error);
      if (this.listener === listener) this.listener = null;
      if (this.stopped) return;
      log.warn('webhook change listener lost its connection; reconnecting', { detail: error.message, retryInMs: this.listenerDelayMs });
      this.listenLater();
    });
    try {
      listener.on('notification', this.kick);
      await listener.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch (error) {
      if (!lost) {
        lost = true;
        listener.release(error as Error);
      }
      throw error;
    }
    if (this.stopped) {
      listener.release();
      return;
    }
    this.listener = listener;
    this.listenerDelayMs = RESTART_FIRST_MS;
  }

  private listenLater(): void {
    if (this.listenerRetry) return;
    this.listenerRetry = setTimeout(() => {
      this.listenerRetry = null;
      if (this.stopped) return;
      this.listen().then(this.kick, (error: unknown) => {
        log.warn('webhook change listener could not reconnect; retrying', { detail: String((error as Error)?.message ?? error), retryInMs: this.listenerDelayMs });
        this.listenerDelayMs = Math.min(this.listenerDelayMs * 2, RESTART_MAX_MS);
        this.listenLater();
      });
    }, this.listenerDelayMs);
    this.listenerRetry.unref();
  }

  private get jobs(): Runner {
    if (!this.runner) throw new Error('the webhook job worker is not running (starting again after a database error)');
    return this.runner;
  }

  /** Queues the job of changes due on `day` (an operator's catch-up, or a test's given date). */
  async queueDueRatings(day: IsoDate): Promise<void> {
    await this.jobs.addJob(RATINGS_DUE_TASK, { day }, { jobKey: `${RATINGS_DUE_TASK}:${day}` });
  }

  /** Queues the job of measures changing by the calendar on `day` alone (an operator's re-run, or a test's given date). */
  async queueDueMeasures(day: IsoDate): Promise<void> {
    await this.jobs.addJob(MEASURES_DUE_TASK, { day }, { jobKey: `${MEASURES_DUE_TASK}:${day}` });
  }

  /** Queues the job of restriction levels changing by the calendar on `day` alone (an operator's re-run, or a test's given date). */
  async queueDueRestrictions(day: IsoDate): Promise<void> {
    await this.jobs.addJob(RESTRICTIONS_DUE_TASK, { day }, { jobKey: `${RESTRICTIONS_DUE_TASK}:${day}` });
  }

  /** Queues the retention purge now. */
  async queuePurge(): Promise<void> {
    await this.jobs.addJob(PURGE_TASK, {}, { jobKey: `${PURGE_TASK}:now` });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.runnerRetry) clearTimeout(this.runnerRetry);
    if (this.listenerRetry) clearTimeout(this.listenerRetry);
    const listener = this.listener;
    this.listener = null;
    if (listener) {
      listener.removeAllListeners('notification');
      await listener.query(`UNLISTEN ${CHANGE_CHANNEL}`).catch(() => undefined);
      listener.release();
    }
    await this.relay.kick().catch(() => undefined);
    await this.runner?.stop().catch((error: unknown) => log.warn('webhook job worker did not stop cleanly', { detail: String(error) }));
    await this.pool.end();
  }
}

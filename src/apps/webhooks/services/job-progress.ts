import type { DataSource } from 'typeorm';
import type { IsoDate } from '../../../shared/dates';

/**
 * The last day a daily job of the dispatcher went through (`gateway.webhook_job_progress`, one row per
 * job): a cron run goes on from the day after, so days missed while no instance ran are caught up.
 */
export class JobProgress {
  constructor(
    private readonly gateway: DataSource,
    private readonly job: string,
  ) {}

  async doneThrough(): Promise<IsoDate | null> {
    const [row] = await this.gateway.query<{ day: string }[]>(`SELECT done_through::text AS day FROM gateway.webhook_job_progress WHERE job = $1`, [this.job]);
    return row?.day ?? null;
  }

  /** Never moves back: a late run of an earlier day leaves the later mark. */
  async markDone(day: IsoDate): Promise<void> {
    await this.gateway.query(
      `INSERT INTO gateway.webhook_job_progress (job, done_through) VALUES ($1, $2::date)
       ON CONFLICT (job) DO UPDATE SET done_through = GREATEST(webhook_job_progress.done_through, EXCLUDED.done_through), updated_at = now()`,
      [this.job, day],
    );
  }
}

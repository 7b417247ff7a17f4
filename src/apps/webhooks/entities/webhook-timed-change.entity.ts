import { Check, Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * A joint measure that started or ended for a subject by the passage of time alone (its catalogue
 * period, a half-year's start), found by the daily `measures_due` job (TimedMeasureChanges). It is
 * the job's outbox row: unique per (subject, measure, change, day), so a second run of a day finds
 * it written and tells nothing again, and its id is the source id of the messages made from it.
 */
@Entity({ name: 'webhook_timed_change' })
@Unique('webhook_timed_change_unique', ['uscc', 'measureCode', 'change', 'effectiveOn'])
@Index('webhook_timed_change_created_idx', ['createdAt'])
@Check('webhook_timed_change_change_check', "change IN ('STARTED', 'ENDED')")
export class WebhookTimedChangeEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 18 })
  uscc: string;

  @Column({ name: 'measure_code', type: 'varchar' })
  measureCode: string;

  @Column({ type: 'varchar' })
  change: 'STARTED' | 'ENDED';

  @Column({ name: 'effective_on', type: 'date' })
  effectiveOn: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

/**
 * A bank's credit-restriction level that changed for a subject by the passage of time alone (a version
 * of the restriction table taking effect or ending), found by the daily `restrictions_due` job
 * (TimedRestrictionChanges). The job's outbox row, as above: unique per (subject, day).
 */
@Entity({ name: 'webhook_timed_restriction' })
@Unique('webhook_timed_restriction_unique', ['uscc', 'effectiveOn'])
@Index('webhook_timed_restriction_created_idx', ['createdAt'])
export class WebhookTimedRestrictionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 18 })
  uscc: string;

  @Column({ name: 'effective_on', type: 'date' })
  effectiveOn: string;

  @Column({ type: 'varchar' })
  level: string;

  @Column({ name: 'previous_level', type: 'varchar' })
  previousLevel: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

/** The last day a daily job of the dispatcher went through: the next run catches up from the day after. */
@Entity({ name: 'webhook_job_progress' })
export class WebhookJobProgressEntity {
  @Column({ type: 'varchar', primary: true })
  job: string;

  @Column({ name: 'done_through', type: 'date' })
  doneThrough: string;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

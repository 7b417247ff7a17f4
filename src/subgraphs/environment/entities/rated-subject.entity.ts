import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A subject in the rating scope. The bureau keeps its own supervision district and industry (from
 * its discharge-permit register) so that colours can be grouped without another department's data.
 */
@Entity({ name: 'rated_subject' })
@Index('rated_subject_district_idx', ['districtCode'])
@Index('rated_subject_next_change_idx', ['nextChangeOn'])
@Check('rated_subject_current_color_check', "current_color IN ('GREEN', 'BLUE', 'YELLOW', 'RED', 'BLACK')")
export class RatedSubjectEntity {
  @PrimaryColumn({ type: 'varchar', length: 18 })
  uscc: string;

  @Column({ name: 'subject_kind', type: 'varchar', default: 'ENTERPRISE' })
  subjectKind: string;

  @Column({ name: 'district_code', type: 'varchar', length: 6 })
  districtCode: string;

  @Column({ name: 'industry_code', type: 'varchar', nullable: true })
  industryCode: string | null;

  @Column({ name: 'rated_from', type: 'date' })
  ratedFrom: string;

  @Column({ name: 'enrolled_at', type: 'timestamptz', default: () => 'now()' })
  enrolledAt: Date;

  /**
   * The day (UTC calendar, like `today()`) the enrolment became known to the hub (DOMAIN.md §10
   * known-on dates): what the hub said on an earlier day had no rating for the subject, whatever
   * `ratedFrom` says. Set by the service; the default (the UTC day, `timezone('UTC', now())::date`,
   * written as TypeORM reads it back without casts) covers bulk writers.
   */
  @Column({ name: 'known_on', type: 'date', default: () => "(timezone('UTC', now()))" })
  knownOn: string;

  /**
   * The materialised rating: computed on `currentOn`, it holds until `nextChangeOn` (exclusive; null
   * = until some event is recorded). Refreshed by every mutation that touches the subject, and lazily
   * by the first read after `nextChangeOn`; null until first computed.
   */
  @Column({ name: 'current_color', type: 'varchar', nullable: true })
  currentColor: string | null;

  @Column({ name: 'current_score', type: 'int', nullable: true })
  currentScore: number | null;

  @Column({ name: 'current_on', type: 'date', nullable: true })
  currentOn: string | null;

  /**
   * The day the current colour began (its period in the colour timeline); null when unrated today or
   * not yet computed (rows materialised before this column existed are recomputed on first read).
   */
  @Column({ name: 'current_since', type: 'date', nullable: true })
  currentSince: string | null;

  @Column({ name: 'next_change_on', type: 'date', nullable: true })
  nextChangeOn: string | null;

  /** Bumped by every refresh under the row lock; a lazy refresh only writes over the version it read. */
  @Column({ name: 'rating_version', type: 'int', default: 0 })
  ratingVersion: number;
}

import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { RatedSubjectEntity } from './rated-subject.entity';

/** The colour on a half-year's last day, stored once and never changed (a trigger refuses updates). */
@Entity({ name: 'half_year_snapshot' })
@Index('half_year_snapshot_period_idx', ['periodEnd', 'color'])
@Check('half_year_snapshot_period_end_check', "to_char(period_end, 'MM-DD') IN ('06-30', '12-31')")
@Check('half_year_snapshot_color_check', "color IN ('GREEN', 'BLUE', 'YELLOW', 'RED', 'BLACK')")
@Check('half_year_snapshot_consecutive_red_check', 'consecutive_red >= 0')
export class HalfYearSnapshotEntity {
  @PrimaryColumn({ type: 'varchar', length: 18 })
  @ForeignKey(() => RatedSubjectEntity, { name: 'half_year_snapshot_uscc_fkey' })
  uscc: string;

  @PrimaryColumn({ name: 'period_end', type: 'date' })
  periodEnd: string;

  @Column({ type: 'varchar' })
  color: string;

  @Column({ type: 'int' })
  score: number;

  @Column({ name: 'consecutive_red', type: 'int' })
  consecutiveRed: number;

  @Column({ name: 'taken_at', type: 'timestamptz', default: () => 'now()' })
  takenAt: Date;
}

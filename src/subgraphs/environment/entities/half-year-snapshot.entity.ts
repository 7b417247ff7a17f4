import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The colour on a half-year's last day, stored once and never changed (a trigger refuses updates). */
@Entity({ name: 'half_year_snapshot' })
export class HalfYearSnapshotEntity {
  @PrimaryColumn({ type: 'varchar', length: 18 })
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

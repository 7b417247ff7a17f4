import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { HalfYearSnapshotEntity } from './half-year-snapshot.entity';
import { ObjectionEntity } from './objection.entity';

/**
 * A corrected version of a stored half-year snapshot (DOMAIN.md §10): written when an objection is
 * upheld after the snapshot was taken. The original row and every version stay (a trigger refuses
 * updates); the highest version is the one prices follow from its `correctedOn`.
 */
@Entity({ name: 'half_year_snapshot_correction' })
@ForeignKey(() => HalfYearSnapshotEntity, ['uscc', 'periodEnd'], ['uscc', 'periodEnd'], { name: 'half_year_snapshot_correction_snapshot_fkey' })
@Check('half_year_snapshot_correction_version_check', 'version >= 2')
@Check('half_year_snapshot_correction_color_check', "color IN ('GREEN', 'BLUE', 'YELLOW', 'RED', 'BLACK')")
@Check('half_year_snapshot_correction_consecutive_red_check', 'consecutive_red >= 0')
export class HalfYearSnapshotCorrectionEntity {
  @PrimaryColumn({ type: 'varchar', length: 18 })
  uscc: string;

  @PrimaryColumn({ name: 'period_end', type: 'date' })
  periodEnd: string;

  /** 2, 3, …: version 1 is the original snapshot row. */
  @PrimaryColumn({ type: 'int' })
  version: number;

  @Column({ type: 'varchar' })
  color: string;

  @Column({ type: 'int' })
  score: number;

  @Column({ name: 'consecutive_red', type: 'int' })
  consecutiveRed: number;

  /** The day the correction was made: prices follow it from then; months billed before owe the difference. */
  @Column({ name: 'corrected_on', type: 'date' })
  correctedOn: string;

  @Column({ type: 'varchar' })
  reason: string;

  @Column({ name: 'objection_id', type: 'int', nullable: true })
  @ForeignKey(() => ObjectionEntity, { name: 'half_year_snapshot_correction_objection_id_fkey' })
  objectionId: number | null;

  @Column({ name: 'taken_at', type: 'timestamptz', default: () => 'now()' })
  takenAt: Date;
}

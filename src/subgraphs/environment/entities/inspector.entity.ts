import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { InspectionDrawEntity } from './inspection-draw.entity';

/**
 * A law-enforcement inspector of the bureau's pool (执法检查人员名录库), in one district. Removing one
 * sets `removedAt`: the row stays, since past draws name it.
 */
@Entity({ name: 'inspector' })
@Index('inspector_district_idx', ['districtCode'], { where: 'removed_at IS NULL' })
export class InspectorEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar' })
  name: string;

  @Column({ name: 'district_code', type: 'varchar' })
  districtCode: string;

  @Column({ name: 'added_at', type: 'timestamptz', default: () => 'now()' })
  addedAt: Date;

  @Column({ name: 'added_by', type: 'varchar' })
  addedBy: string;

  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true })
  removedAt: Date | null;

  @Column({ name: 'removed_by', type: 'varchar', nullable: true })
  removedBy: string | null;
}

/** A subject an inspector must not inspect (回避: kinship, earlier employment, a pending case, …). */
@Entity({ name: 'inspector_conflict' })
export class InspectorConflictEntity {
  @PrimaryColumn({ name: 'inspector_id', type: 'int' })
  @ForeignKey(() => InspectorEntity, { name: 'inspector_conflict_inspector_id_fkey' })
  inspectorId: number;

  @PrimaryColumn({ type: 'varchar' })
  uscc: string;

  @Column({ type: 'varchar' })
  reason: string;

  @Column({ name: 'added_at', type: 'timestamptz', default: () => 'now()' })
  addedAt: Date;

  @Column({ name: 'added_by', type: 'varchar' })
  addedBy: string;
}

/** The result of one inspection (a drawn subject of a draw): published (一公开) from its recording. */
@Entity({ name: 'inspection_result' })
@Unique('inspection_result_once', ['drawId', 'uscc'])
@Index('inspection_result_inspected_on_idx', ['inspectedOn'])
@Check('inspection_result_outcome_check', "outcome IN ('NO_PROBLEM', 'PROBLEMS_FOUND')")
@Check('inspection_result_events_check', "(outcome = 'PROBLEMS_FOUND') = (cardinality(event_ids) > 0)")
export class InspectionResultEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'draw_id', type: 'int' })
  @ForeignKey(() => InspectionDrawEntity, { name: 'inspection_result_draw_id_fkey' })
  drawId: number;

  @Column({ type: 'varchar' })
  uscc: string;

  @Column({ name: 'inspected_on', type: 'date' })
  inspectedOn: string;

  /** NO_PROBLEM, or PROBLEMS_FOUND with the credit events they led to. */
  @Column({ type: 'varchar' })
  outcome: string;

  @Column({ name: 'event_ids', type: 'int', array: true })
  eventIds: number[];

  @Column({ type: 'varchar' })
  summary: string;

  /** The last day of publication within the limit: `inspectedOn` plus 20 working days. */
  @Column({ name: 'publish_by', type: 'date' })
  publishBy: string;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;

  @Column({ name: 'recorded_by', type: 'varchar' })
  recordedBy: string;
}

import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreditEventEntity } from './credit-event.entity';

/** An objection (异议) to a recorded event; while under review the event still counts. */
@Entity({ name: 'objection' })
// At most one objection per event that is not rejected (under review, or upheld).
@Index('objection_open_idx', ['eventId'], { unique: true, where: "status <> 'REJECTED'" })
@Index('objection_uscc_idx', ['uscc'])
@Check('objection_status_check', "status IN ('UNDER_REVIEW', 'UPHELD', 'REJECTED')")
@Check('objection_check', 'filed_on <= deadline')
@Check('objection_check1', "(status = 'UNDER_REVIEW') = (reviewed_on IS NULL)")
export class ObjectionEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'event_id', type: 'int' })
  @ForeignKey(() => CreditEventEntity, { name: 'objection_event_id_fkey' })
  eventId: number;

  @Column({ type: 'varchar', length: 18 })
  uscc: string;

  @Column({ name: 'filed_on', type: 'date' })
  filedOn: string;

  /** Last day it could be filed: service date plus the policy's objection days. */
  @Column({ type: 'date' })
  deadline: string;

  @Column({ type: 'varchar' })
  grounds: string;

  /** UNDER_REVIEW, UPHELD (the event is voided) or REJECTED (the event stands). */
  @Column({ type: 'varchar', default: 'UNDER_REVIEW' })
  status: string;

  @Column({ name: 'filed_by', type: 'varchar', nullable: true })
  filedBy: string | null;

  @Column({ name: 'reviewed_on', type: 'date', nullable: true })
  reviewedOn: string | null;

  @Column({ name: 'review_note', type: 'varchar', nullable: true })
  reviewNote: string | null;

  @Column({ name: 'reviewed_by', type: 'varchar', nullable: true })
  reviewedBy: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;
}

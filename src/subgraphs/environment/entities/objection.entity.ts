import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An objection (异议) to a recorded event; while under review the event still counts. */
@Entity({ name: 'objection' })
export class ObjectionEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'event_id', type: 'int' })
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

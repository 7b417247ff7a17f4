import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A credit repair application (信用修复) for a published penalty. Once approved the penalty is
 * withdrawn from public view; it still counts for scoring until it expires.
 */
@Entity({ name: 'credit_repair' })
export class CreditRepairEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'event_id', type: 'int' })
  eventId: number;

  @Column({ type: 'varchar', length: 18 })
  uscc: string;

  @Column({ name: 'applied_on', type: 'date' })
  appliedOn: string;

  @Column({ type: 'varchar' })
  reason: string;

  /** PENDING, APPROVED or REJECTED. */
  @Column({ type: 'varchar', default: 'PENDING' })
  status: string;

  @Column({ name: 'applied_by', type: 'varchar', nullable: true })
  appliedBy: string | null;

  @Column({ name: 'decided_on', type: 'date', nullable: true })
  decidedOn: string | null;

  @Column({ name: 'decision_note', type: 'varchar', nullable: true })
  decisionNote: string | null;

  @Column({ name: 'decided_by', type: 'varchar', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;
}

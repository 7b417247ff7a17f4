import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreditEventEntity } from './credit-event.entity';

/**
 * A credit repair application (信用修复) for a published penalty. Once approved the penalty is
 * withdrawn from public view; it still counts for scoring until it expires.
 */
@Entity({ name: 'credit_repair' })
// At most one application per event that is not rejected (pending, or approved).
@Index('credit_repair_open_idx', ['eventId'], { unique: true, where: "status <> 'REJECTED'" })
@Index('credit_repair_uscc_idx', ['uscc'])
@Check('credit_repair_status_check', "status IN ('PENDING', 'APPROVED', 'REJECTED')")
@Check('credit_repair_check', "(status = 'PENDING') = (decided_on IS NULL)")
export class CreditRepairEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'event_id', type: 'int' })
  @ForeignKey(() => CreditEventEntity, { name: 'credit_repair_event_id_fkey' })
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

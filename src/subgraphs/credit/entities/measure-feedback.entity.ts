import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What an implementing agency reported about one measure for one subject (DOMAIN.md §5). */
@Entity({ name: 'measure_feedback' })
export class MeasureFeedbackEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 18 })
  uscc: string;

  @Column({ name: 'measure_code', type: 'varchar' })
  measureCode: string;

  /** APPLIED, NOT_APPLIED (with a note giving the reason) or EXEMPTED. */
  @Column({ type: 'varchar' })
  outcome: string;

  @Column({ name: 'applied_on', type: 'date' })
  appliedOn: string;

  @Column({ name: 'business_ref', type: 'varchar', nullable: true })
  businessRef: string | null;

  @Column({ type: 'varchar', nullable: true })
  note: string | null;

  /** The reporting agency (the caller's, or the one the credit office reports for). */
  @Column({ type: 'varchar' })
  agency: string;

  @Column({ name: 'reported_by', type: 'varchar' })
  reportedBy: string;

  @Column({ name: 'reported_role', type: 'varchar' })
  reportedRole: string;

  @Column({ name: 'reported_at', type: 'timestamptz', default: () => 'now()' })
  reportedAt: Date;
}

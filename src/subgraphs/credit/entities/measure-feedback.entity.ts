import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** What an implementing agency reported about one measure for one subject (DOMAIN.md §5). */
@Entity({ name: 'measure_feedback' })
@Index('measure_feedback_measure_idx', ['measureCode', 'appliedOn'])
@Index('measure_feedback_uscc_idx', ['uscc'])
/** The roll-up's order, with INCLUDE columns, which TypeORM cannot describe (FeedbackRollupIndex1797100000010; left alone by the schema builder). */
@Index('measure_feedback_rollup_idx', { synchronize: false })
/** A report is recorded once: the same agency, measure, subject and business reference again is refused. */
@Index('measure_feedback_business_ref_key', ['agency', 'measureCode', 'uscc', 'businessRef'], { unique: true, where: 'business_ref IS NOT NULL' })
@Check('measure_feedback_outcome_check', "outcome IN ('APPLIED', 'NOT_APPLIED', 'EXEMPTED')")
@Check('measure_feedback_check', "outcome <> 'NOT_APPLIED' OR note IS NOT NULL")
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

import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** An administrative penalty in the 双公示 shape (DOMAIN.md §9); the comments name the feed column. */
@Entity({
  name: 'penalty_record',
  // The table comment the JointMeasures migration wrote: the feed column behind each column.
  comment:
    '双公示 penalty: CF_XDR_MC subject_name, CF_XDR_SHXYM uscc, CF_FDDB legal_representative, CF_WSH decision_no, CF_WFXW violation_type, CF_SY facts, CF_YJ legal_basis, CF_CFLB penalty_category, CF_NR content, CF_NR_FK fine_amount (10,000 CNY), CF_JDRQ decided_on, CF_YXQ valid_until, CF_GSJZQ publicity_ends_on, CF_CFJG authority, CF_CFJGDM authority_uscc, CF_SJLY data_source, CF_SJLYDM data_source_uscc, BZ remarks',
})
@Index('penalty_record_uscc_idx', ['uscc'])
// A decision is held once per subject: a re-import of it stores nothing (PublicRecordService.storePenalty).
@Unique('penalty_record_decision_no_uscc_key', ['decisionNo', 'uscc'])
export class PenaltyRecordEntity {
  @PrimaryGeneratedColumn()
  id: number;

  /** CF_XDR_MC */
  @Column({ name: 'subject_name', type: 'varchar' })
  subjectName: string;

  /** CF_XDR_SHXYM */
  @Column({ type: 'varchar', length: 18 })
  uscc: string;

  /** CF_FDDB */
  @Column({ name: 'legal_representative', type: 'varchar', nullable: true })
  legalRepresentative: string | null;

  /** CF_WSH */
  @Column({ name: 'decision_no', type: 'varchar' })
  decisionNo: string;

  /** CF_WFXW */
  @Column({ name: 'violation_type', type: 'varchar' })
  violationType: string;

  /** CF_SY */
  @Column({ type: 'text' })
  facts: string;

  /** CF_YJ */
  @Column({ name: 'legal_basis', type: 'varchar' })
  legalBasis: string;

  /** CF_CFLB */
  @Column({ name: 'penalty_category', type: 'varchar' })
  penaltyCategory: string;

  /** CF_NR */
  @Column({ type: 'text' })
  content: string;

  /** CF_NR_FK, in 10,000 CNY, exact decimal. */
  @Column({ name: 'fine_amount', type: 'numeric', precision: 18, scale: 6, nullable: true })
  fineAmount: string | null;

  /** CF_JDRQ */
  @Column({ name: 'decided_on', type: 'date' })
  decidedOn: string;

  /** CF_YXQ */
  @Column({ name: 'valid_until', type: 'date' })
  validUntil: string;

  /** CF_GSJZQ */
  @Column({ name: 'publicity_ends_on', type: 'date', nullable: true })
  publicityEndsOn: string | null;

  /** CF_CFJG */
  @Column({ type: 'varchar' })
  authority: string;

  /** CF_CFJGDM */
  @Column({ name: 'authority_uscc', type: 'varchar', length: 18 })
  authorityUscc: string;

  /** CF_SJLY */
  @Column({ name: 'data_source', type: 'varchar' })
  dataSource: string;

  /** CF_SJLYDM */
  @Column({ name: 'data_source_uscc', type: 'varchar', length: 18 })
  dataSourceUscc: string;

  /** BZ */
  @Column({ type: 'varchar', nullable: true })
  remarks: string | null;
}

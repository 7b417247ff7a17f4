import { Check, Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One version of the 12-point scoring policy for a kind of subject (DOMAIN.md §3). Versions of a
 * kind do not overlap; a new version takes effect from `effectiveFrom` and never rewrites the past.
 */
@Entity({ name: 'scoring_policy' })
@Check('scoring_policy_check', 'green_min > blue_min AND blue_min > yellow_min AND yellow_min > red_min')
@Check('scoring_policy_check1', 'start_score <= max_score')
@Check('scoring_policy_check2', 'effective_to IS NULL OR effective_to > effective_from')
@Check('scoring_policy_validity_offset_days_check', 'validity_offset_days >= 0')
@Check('scoring_policy_objection_days_check', 'objection_days > 0')
@Check('scoring_policy_front_runner_clean_months_check', 'front_runner_clean_months > 0')
@Check('scoring_policy_publicity_min_months_check', 'publicity_min_months > 0')
@Check('scoring_policy_publicity_check', 'publicity_min_months <= publicity_max_months')
@Check('scoring_policy_general_publicity_check', 'general_publicity_min_months > 0 AND general_publicity_min_months <= general_publicity_max_months')
@Check('scoring_policy_serious_publicity_check', 'serious_publicity_min_months > 0 AND serious_publicity_min_months <= serious_publicity_max_months')
@Check('scoring_policy_entry_limit_check', 'entry_limit_working_days >= 0')
export class ScoringPolicyEntity {
  @PrimaryGeneratedColumn()
  id: number;

  /** ENTERPRISE, EIA_AGENCY, MONITORING_AGENCY, OM_AGENCY or TREATMENT_AGENCY. */
  @Column({ name: 'subject_kind', type: 'varchar' })
  subjectKind: string;

  @Column({ name: 'start_score', type: 'int' })
  startScore: number;

  @Column({ name: 'max_score', type: 'int' })
  maxScore: number;

  /** Lowest score of each band; BLACK is everything below `redMin`. */
  @Column({ name: 'green_min', type: 'int' })
  greenMin: number;

  @Column({ name: 'blue_min', type: 'int' })
  blueMin: number;

  @Column({ name: 'yellow_min', type: 'int' })
  yellowMin: number;

  @Column({ name: 'red_min', type: 'int' })
  redMin: number;

  /** Days between an event's date and the start of its validity. */
  @Column({ name: 'validity_offset_days', type: 'int', default: 0 })
  validityOffsetDays: number;

  /** Days after service within which an event can be objected to (异议). */
  @Column({ name: 'objection_days', type: 'int', default: 15 })
  objectionDays: number;

  /** Months without a deduction a subject needs to be designated environmental front-runner. */
  @Column({ name: 'front_runner_clean_months', type: 'int', default: 24 })
  frontRunnerCleanMonths: number;

  /** A published penalty is shown at least this long (repair may be applied for afterwards)... */
  @Column({ name: 'publicity_min_months', type: 'int', default: 3 })
  publicityMinMonths: number;

  /** ...and at most this long, from its decision date. */
  @Column({ name: 'publicity_max_months', type: 'int', default: 36 })
  publicityMaxMonths: number;

  /** Publicity of a GENERAL penalty, from its decision day: at least / at most (发改办财金〔2019〕527号: 3 months, 1 year). */
  @Column({ name: 'general_publicity_min_months', type: 'int', default: 3 })
  generalPublicityMinMonths: number;

  @Column({ name: 'general_publicity_max_months', type: 'int', default: 12 })
  generalPublicityMaxMonths: number;

  /** Publicity of a SERIOUS penalty: at least / at most (1 year, 3 years). */
  @Column({ name: 'serious_publicity_min_months', type: 'int', default: 12 })
  seriousPublicityMinMonths: number;

  @Column({ name: 'serious_publicity_max_months', type: 'int', default: 36 })
  seriousPublicityMaxMonths: number;

  /** A decision is to be entered within this many working days of its decision day (Jiangsu: 5). */
  @Column({ name: 'entry_limit_working_days', type: 'int', default: 5 })
  entryLimitWorkingDays: number;

  @Column({ name: 'legal_basis', type: 'varchar' })
  legalBasis: string;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom: string;

  /** Exclusive; null while in force. */
  @Column({ name: 'effective_to', type: 'date', nullable: true })
  effectiveTo: string | null;
}

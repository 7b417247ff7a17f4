import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One version of an event type of the catalogue (DOMAIN.md §3), for one kind of subject. */
@Entity({ name: 'event_type' })
@Index('event_type_code_idx', ['code', 'subjectKind'])
@Check('event_type_check', 'min_points <= default_points AND default_points <= max_points')
@Check('event_type_validity_months_check', 'validity_months > 0')
@Check('event_type_forced_color_check', "forced_color IN ('GREEN', 'BLUE', 'YELLOW', 'RED', 'BLACK')")
@Check('event_type_publicity_months_check', 'publicity_months > 0')
@Check('event_type_default_severity_check', "default_severity IN ('GENERAL', 'SERIOUS')")
export class EventTypeEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar' })
  code: string;

  @Column({ name: 'subject_kind', type: 'varchar' })
  subjectKind: string;

  @Column({ name: 'name_zh', type: 'varchar' })
  nameZh: string;

  @Column({ name: 'name_en', type: 'varchar' })
  nameEn: string;

  @Column({ name: 'default_points', type: 'int' })
  defaultPoints: number;

  /** The range an event's own points may take (a large fine may cost more than a small one). */
  @Column({ name: 'min_points', type: 'int' })
  minPoints: number;

  @Column({ name: 'max_points', type: 'int' })
  maxPoints: number;

  @Column({ name: 'validity_months', type: 'int' })
  validityMonths: number;

  /** A direct judgement: while the event is valid the colour is this, whatever the score. */
  @Column({ name: 'forced_color', type: 'varchar', nullable: true })
  forcedColor: string | null;

  /** At most one event of this type per this many months (CREDIT_COMMITMENT: 12). */
  @Column({ name: 'once_per_months', type: 'int', nullable: true })
  oncePerMonths: number | null;

  /** Default months a penalty of this type is published; null for types that are not published (bonuses). */
  @Column({ name: 'publicity_months', type: 'int', nullable: true })
  publicityMonths: number | null;

  /**
   * The severity (DOMAIN.md §11) a penalty of this type has unless its decision says otherwise (GENERAL
   * or SERIOUS); null for types that are not penalties. It decides the publicity tier.
   */
  @Column({ name: 'default_severity', type: 'varchar', nullable: true })
  defaultSeverity: string | null;

  /** The document the default severity rests on. */
  @Column({ name: 'severity_basis', type: 'varchar', nullable: true })
  severityBasis: string | null;

  /** Whether a penalty of this type may be decided by simple procedure (简易程序: WARNING and FINE only). */
  @Column({ name: 'simple_procedure', type: 'boolean', default: false })
  simpleProcedure: boolean;

  @Column({ name: 'legal_basis', type: 'varchar' })
  legalBasis: string;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom: string;

  @Column({ name: 'effective_to', type: 'date', nullable: true })
  effectiveTo: string | null;
}

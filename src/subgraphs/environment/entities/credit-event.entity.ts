import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RatedSubjectEntity } from './rated-subject.entity';

/**
 * A scored fact about a subject. Points and validity are fixed when the event is recorded, so a
 * later policy change never rewrites it. A voided event keeps its row (`voidedAt`, `voidReason`).
 */
@Entity({ name: 'credit_event' })
@Index('credit_event_uscc_idx', ['uscc'])
// One live record per decision and event type: a second entry of the same decision is a mistake.
@Index('credit_event_decision_idx', ['uscc', 'type', 'decisionNo'], { unique: true, where: 'decision_no IS NOT NULL AND voided_at IS NULL' })
@Check('credit_event_check', 'valid_until > valid_from')
@Check('credit_event_check1', '(voided_at IS NULL) = (void_reason IS NULL)')
@Check('credit_event_check2', 'served_on >= occurred_on')
@Check('credit_event_severity_check', "severity IN ('GENERAL', 'SERIOUS')")
@Check('credit_event_simple_procedure_check', 'NOT (simple_procedure AND publicity_until IS NOT NULL)')
// A successor holds one copy of each event it inherited (DOMAIN.md §11 Successors).
@Index('credit_event_inherited_idx', ['uscc', 'inheritedFrom'], { unique: true, where: 'inherited_from IS NOT NULL' })
export class CreditEventEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 18 })
  @ForeignKey(() => RatedSubjectEntity, { name: 'credit_event_uscc_fkey' })
  uscc: string;

  @Column({ type: 'varchar' })
  type: string;

  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn: string;

  @Column({ type: 'int' })
  points: number;

  /** The day the decision was served; the objection window counts from it. */
  @Column({ name: 'served_on', type: 'date' })
  servedOn: string;

  /** Exclusive end of public disclosure; null for events that are not published (bonuses). */
  @Column({ name: 'publicity_until', type: 'date', nullable: true })
  publicityUntil: string | null;

  /** Decided by simple procedure (简易程序): never published (DOMAIN.md §11). */
  @Column({ name: 'simple_procedure', type: 'boolean', default: false })
  simpleProcedure: boolean;

  /** GENERAL or SERIOUS for a penalty (it decides the publicity tier); null for other events. */
  @Column({ type: 'varchar', nullable: true })
  severity: string | null;

  /** Why the severity differs from its type's default in the catalogue (required then). */
  @Column({ name: 'severity_reason', type: 'varchar', nullable: true })
  severityReason: string | null;

  /** Working days from the decision day to the day the hub learnt of it (`knownOn`), by the holiday calendar. */
  @Column({ name: 'entry_delay_working_days', type: 'int', default: 0 })
  entryDelayWorkingDays: number;

  /** Entered after the policy's limit (5 working days, Jiangsu), fixed when recorded. */
  @Column({ name: 'recorded_late', type: 'boolean', default: false })
  recordedLate: boolean;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  /** Exclusive: on this date the points return. */
  @Column({ name: 'valid_until', type: 'date' })
  validUntil: string;

  @Column({ name: 'forced_color', type: 'varchar', nullable: true })
  forcedColor: string | null;

  @Column({ name: 'decision_no', type: 'varchar', nullable: true })
  decisionNo: string | null;

  @Column({ type: 'varchar', nullable: true })
  description: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;

  /** The day the event became known to the hub (UTC): answers "what the hub said on K" leave out events known later. */
  @Column({ name: 'known_on', type: 'date' })
  knownOn: string;

  @Column({ name: 'recorded_by', type: 'varchar', nullable: true })
  recordedBy: string | null;

  @Column({ name: 'voided_at', type: 'timestamptz', nullable: true })
  voidedAt: Date | null;

  @Column({ name: 'void_reason', type: 'varchar', nullable: true })
  voidReason: string | null;

  /** Set on a successor's copy of a predecessor's event (DOMAIN.md §11 Successors): the event it came from. */
  @Column({ name: 'inherited_from', type: 'int', nullable: true })
  inheritedFrom: number | null;
}

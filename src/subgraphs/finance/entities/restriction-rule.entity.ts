import { Check, Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * When banks restrict credit (DOMAIN.md §5): a trigger (a colour, or a listing on a named list)
 * and the level it imposes, with its legal basis and effective period. Data, not code.
 */
@Entity({ name: 'restriction_rule' })
@Check('restriction_rule_trigger_kind_check', "trigger_kind IN ('COLOR', 'LISTING')")
@Check('restriction_rule_level_check', "level IN ('RESTRICTED', 'PROHIBITED')")
export class RestrictionRuleEntity {
  @PrimaryGeneratedColumn()
  id: number;

  /** COLOR or LISTING. */
  @Column({ name: 'trigger_kind', type: 'varchar' })
  triggerKind: string;

  /** A colour (RED, BLACK) or a list type (SERIOUS_DISHONESTY). */
  @Column({ name: 'trigger_value', type: 'varchar' })
  triggerValue: string;

  /** RESTRICTED or PROHIBITED. */
  @Column({ type: 'varchar' })
  level: string;

  @Column({ name: 'legal_basis', type: 'varchar' })
  legalBasis: string;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom: string;

  @Column({ name: 'effective_to', type: 'date', nullable: true })
  effectiveTo: string | null;
}

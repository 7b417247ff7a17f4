import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last credit-restriction level the relay saw for a subject (RESTRICTION_CHANGED). Finance stores
 * no level: it derives it from the colour and the lists through federation, so a change of level is
 * found when a change of those is relayed (DerivedChanges), and this row is updated in the
 * transaction that writes the messages telling of it.
 */
@Entity({ name: 'webhook_restriction_state' })
export class WebhookRestrictionStateEntity {
  @PrimaryColumn({ type: 'varchar', length: 18 })
  uscc: string;

  @Column({ type: 'varchar' })
  level: string;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

/** The joint measures the relay last saw apply to a subject (MEASURE_STARTED, MEASURE_ENDED), as above. */
@Entity({ name: 'webhook_measure_state' })
export class WebhookMeasureStateEntity {
  @PrimaryColumn({ type: 'varchar', length: 18 })
  uscc: string;

  @Column({ type: 'text', array: true })
  codes: string[];

  /** Code → implementing agency kind of the measures in `codes` the relay saw (a daily job's codes may lack one). */
  @Column({ name: 'agency_kinds', type: 'jsonb', default: () => "'{}'" })
  agencyKinds: Record<string, string>;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

/** The sewage-fee surcharge the relay last told of for a subject (SURCHARGE_DECIDED), as above. */
@Entity({ name: 'webhook_surcharge_state' })
export class WebhookSurchargeStateEntity {
  @PrimaryColumn({ type: 'varchar', length: 18 })
  uscc: string;

  /** The half-year, as `sewageFee.period` answers it (YYYY-MM-DD/YYYY-MM-DD). */
  @Column({ type: 'varchar' })
  period: string;

  /** CNY per m³ (`sewageFee.surchargePerCubicMetre`). */
  @Column({ type: 'varchar' })
  surcharge: string;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

/**
 * The last `sequence` given to a change of a subject (the WebhookFeedSequence migration): the relay
 * takes the next numbers for the changes it turns into messages, in the transaction that writes them.
 */
@Entity({ name: 'webhook_subject_sequence' })
export class WebhookSubjectSequenceEntity {
  @PrimaryColumn({ type: 'varchar', length: 18 })
  uscc: string;

  @Column({ type: 'bigint' })
  last: string;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

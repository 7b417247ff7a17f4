import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { CreditEventEntity } from './credit-event.entity';

/** A credit record notice (环保信用记录告知书), issued with the event it describes and never changed. */
@Entity({ name: 'credit_notice' })
@Index('credit_notice_event_idx', ['eventId'])
export class CreditNoticeEntity {
  /** `ECN-<year>-<event id, 6 digits>`. */
  @PrimaryColumn({ type: 'varchar' })
  number: string;

  @Column({ name: 'event_id', type: 'int' })
  @ForeignKey(() => CreditEventEntity, { name: 'credit_notice_event_id_fkey' })
  eventId: number;

  @Column({ type: 'varchar', length: 18 })
  uscc: string;

  @Column({ type: 'text' })
  text: string;

  /** The facts the text states, for other renderings (the printable HTML page); null on early notices. */
  @Column({ type: 'jsonb', nullable: true })
  facts: Record<string, unknown> | null;

  @Column({ name: 'issued_at', type: 'timestamptz', default: () => 'now()' })
  issuedAt: Date;
}

import { Entity, Index, PrimaryColumn } from 'typeorm';

/** One code of a subscription's watch-list (a bank's portfolio: up to 100,000 rows per subscription). */
@Entity({ name: 'webhook_watch' })
@Index('webhook_watch_uscc_idx', ['uscc'])
export class WebhookWatchEntity {
  @PrimaryColumn({ name: 'subscription_id', type: 'bigint' })
  subscriptionId: string;

  @PrimaryColumn({ type: 'varchar', length: 18 })
  uscc: string;
}

import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A partner's webhook endpoint and what it wants to hear about (the Webhooks migration). The
 * subscriber's principal is copied from the request that created it: deliveries are read as that
 * principal (role, district, purpose), so they carry only what it may read.
 */
@Entity({ name: 'webhook_subscription' })
@Index('webhook_subscription_client_idx', ['clientId'])
@Check('webhook_subscription_scope_check', "scope IN ('ALL', 'DISTRICT', 'WATCHLIST')")
export class WebhookSubscriptionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'client_id', type: 'varchar' })
  clientId: string;

  @Column({ name: 'client_name', type: 'varchar' })
  clientName: string;

  @Column({ type: 'varchar' })
  role: string;

  @Column({ type: 'varchar', nullable: true })
  agency: string | null;

  /** The subscriber's own district scope (ENV_OFFICER), not the subscription's filter. */
  @Column({ name: 'district_code', type: 'varchar', nullable: true })
  districtCode: string | null;

  @Column({ type: 'varchar', nullable: true })
  purpose: string | null;

  @Column({ type: 'text' })
  url: string;

  @Column({ name: 'event_types', type: 'text', array: true })
  eventTypes: string[];

  /** ALL subjects in the subscriber's scope, one DISTRICT, or a WATCHLIST of codes (webhook_watch). */
  @Column({ type: 'varchar' })
  scope: 'ALL' | 'DISTRICT' | 'WATCHLIST';

  @Column({ name: 'scope_district', type: 'varchar', length: 6, nullable: true })
  scopeDistrict: string | null;

  /** `whsec_<base64>`, shown once; kept to sign (an HMAC needs the key itself, not a hash), sealed by SecretBox. */
  @Column({ type: 'varchar' })
  secret: string;

  /** After a rotation, the old secret still signs (a second signature) until `previousSecretUntil`. */
  @Column({ name: 'previous_secret', type: 'varchar', nullable: true })
  previousSecret: string | null;

  @Column({ name: 'previous_secret_until', type: 'timestamptz', nullable: true })
  previousSecretUntil: Date | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @Column({ name: 'disabled_reason', type: 'text', nullable: true })
  disabledReason: string | null;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

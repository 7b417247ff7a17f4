import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A committed write, waiting for the gateway's chain writer (README, "Audit path"). Each department
 * has this table in its own schema (`<department>.audit_outbox`, its AuditOutbox migration) and
 * writes the row in the mutation's own transaction (`writeTransaction`), so a write is committed
 * together with its audit record or not at all. The gateway takes the rows into
 * `gateway.audit_log`, in order, and deletes them once taken (AuditTrailService.takeOutboxes).
 */
@Entity({ name: 'audit_outbox' })
export class AuditOutboxEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  at: Date;

  /** The gateway's request id (`x-request-id`), as forwarded to the department. */
  @Column({ name: 'request_id', type: 'varchar' })
  requestId: string;

  @Column({ name: 'client_id', type: 'varchar' })
  clientId: string;

  @Column({ name: 'client_name', type: 'varchar' })
  clientName: string;

  @Column({ type: 'varchar' })
  role: string;

  @Column({ type: 'varchar', nullable: true })
  agency: string | null;

  @Column({ name: 'district_code', type: 'varchar', nullable: true })
  districtCode: string | null;

  @Column({ type: 'varchar', nullable: true })
  purpose: string | null;

  /** The root mutation field that wrote (`Mutation.recordCreditEvent`). */
  @Column({ type: 'varchar' })
  field: string;

  @Column({ type: 'text', array: true })
  usccs: string[];
}

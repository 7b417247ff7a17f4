import { Client } from 'pg';
import { AUDIT_OUTBOX_CHANNEL } from '../shared/audit/audit-outbox';
import { log } from '../shared/logging';

/** Wait before reconnecting a lost listening connection (doubling up to the maximum). */
const RECONNECT_FIRST_MS = 500;
const RECONNECT_MAX_MS = 30_000;

/**
 * Chains outbox rows written outside the gateway's requests (the command line's writes) as soon as
 * their writer notifies AUDIT_OUTBOX_CHANNEL: one LISTEN connection, reconnected with back-off when
 * lost (rows written meanwhile are taken on the next notification, mutation or start). Written on
 * `pg` directly: LISTEN on one channel needs a dedicated client and a reconnect loop, nothing more.
 */
export class AuditOutboxListener {
  private client: Client | null = null;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private delayMs = RECONNECT_FIRST_MS;

  constructor(
    private readonly databaseUrl: string,
    private readonly onNotify: () => void,
  ) {}

  async start(): Promise<void> {
    const client = new Client({ connectionString: this.databaseUrl, application_name: 'ecocredit-audit-listener' });
    client.on('notification', () => this.onNotify());
    client.on('error', (error) => {
      log.warn('audit outbox listener lost its connection; reconnecting', { detail: error.message });
      this.reconnectLater(client);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${AUDIT_OUTBOX_CHANNEL}`);
    } catch (error) {
      log.warn('audit outbox listener could not connect; retrying', { detail: String(error) });
      this.reconnectLater(client);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.delayMs = RECONNECT_FIRST_MS;
    this.onNotify(); // whatever was written while not listening
  }

  private reconnectLater(client: Client): void {
    void client.end().catch(() => undefined);
    if (this.client === client) this.client = null;
    if (this.stopped || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.start();
    }, this.delayMs).unref();
    this.delayMs = Math.min(this.delayMs * 2, RECONNECT_MAX_MS);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }
}

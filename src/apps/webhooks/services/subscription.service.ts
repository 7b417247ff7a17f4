import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../../../shared/auth/principal';
import { CHANGE_EVENT_TYPES, type ChangeEventType } from '../../../shared/changes/change-events';
import type { HubContext } from '../../../shared/context';
import { districtProblem } from '../../../shared/divisions';
import { badInput, forbidden, notFound } from '../../../shared/errors';
import { writeTransaction } from '../../../shared/read-snapshot';
import { parseRowId } from '../../../shared/ids';
import { mayBeTold } from '../change-visibility';
import { checkEndpointUrl, type EndpointPolicy } from '../endpoint-guard';
import { WebhookSubscriptionEntity } from '../entities/webhook-subscription.entity';
import type { SecretBox } from '../secret-box';
import { generateWebhookSecret } from '../signing';
import { enqueueDelivery, returnedRows } from './job-queue';

/** Subscriptions one client may hold (live ones). */
export const MAX_SUBSCRIPTIONS_PER_CLIENT = 20;
/** Codes one watch-list may hold: a bank's whole portfolio. */
export const MAX_WATCHED_CODES = 100_000;

export interface NewSubscription {
  url: string;
  eventTypes: string[];
  usccs?: string[] | null;
  districtCode?: string | null;
}

export type SubscriptionView = WebhookSubscriptionEntity & { watchCount: number };

/**
 * A partner's own webhook subscriptions: each client sees and changes only the ones it created
 * (another client's id answers NOT_FOUND, as if it did not exist). A watch-list is a set of rows
 * (webhook_watch), filled at creation and by batches afterwards, so a 100,000-code portfolio never
 * travels in one request (the gateway's list limit applies to every batch).
 */
export class WebhookSubscriptionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly endpoints: EndpointPolicy,
    private readonly rotationGraceMs: number,
    /** Seals secrets before they are stored (only their owner sees them, once, in the answer). */
    private readonly secrets: SecretBox,
  ) {}

  async list(ctx: HubContext): Promise<SubscriptionView[]> {
    const rows = await this.dataSource
      .getRepository(WebhookSubscriptionEntity)
      .createQueryBuilder('s')
      .where('s.client_id = :clientId AND s.deleted_at IS NULL', { clientId: ctx.principal.clientId })
      .orderBy('s.id', 'ASC')
      .getMany();
    return this.withWatchCounts(rows);
  }

  async create(ctx: HubContext, input: NewSubscription): Promise<{ subscription: SubscriptionView; secret: string }> {
    const { principal } = ctx;
    const eventTypes = this.checkEventTypes(principal, input.eventTypes);
    const url = checkEndpointUrl(input.url, this.endpoints).toString();
    const usccs = input.usccs ?? null;
    const districtCode = input.districtCode?.trim() || null;
    if (usccs && districtCode) throw badInput('give either usccs (a watch-list) or districtCode, not both');
    if (usccs && usccs.length === 0) throw badInput('usccs is empty: leave it out to hear about every subject in your scope');
    if (districtCode) {
      const problem = districtProblem(districtCode);
      if (problem) throw badInput(`districtCode ${districtCode}: ${problem}`);
      if (principal.districtCode && principal.districtCode !== districtCode) throw badInput(`district ${districtCode} is outside the caller's district ${principal.districtCode}`);
    }
    const secret = generateWebhookSecret();
    const subscription = await writeTransaction(ctx, this.dataSource, async (manager) => {
      // One client's creations one at a time, so the limit holds.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`webhook-subscriptions:${principal.clientId}`]);
      const [{ count }] = await manager.query<{ count: number }[]>(
        `SELECT count(*)::int AS count FROM gateway.webhook_subscription WHERE client_id = $1 AND deleted_at IS NULL`,
        [principal.clientId],
      );
      if (count >= MAX_SUBSCRIPTIONS_PER_CLIENT) throw badInput(`a client may hold at most ${MAX_SUBSCRIPTIONS_PER_CLIENT} subscriptions; delete one first`);
      const repository = manager.getRepository(WebhookSubscriptionEntity);
      const row = await repository.save(
        repository.create({
          clientId: principal.clientId,
          clientName: principal.clientName,
          role: principal.role,
          agency: principal.agency,
          districtCode: principal.districtCode,
          purpose: principal.purpose,
          url,
          eventTypes,
          scope: usccs ? 'WATCHLIST' : districtCode ? 'DISTRICT' : 'ALL',
          scopeDistrict: districtCode,
          secret: this.secrets.seal(secret),
        }),
      );
      if (usccs) await this.insertWatch(manager, row.id, usccs);
      return row;
    });
    return { subscription: (await this.withWatchCounts([subscription]))[0], secret };
  }

  /**
   * Ends a subscription: nothing more is sent; the row and its delivery log are kept. Its messages
   * still waiting (PENDING, HELD) are given up as DEAD, so none waits for ever.
   */
  async delete(ctx: HubContext, id: string): Promise<SubscriptionView> {
    const row = await this.own(ctx, id);
    await writeTransaction(ctx, this.dataSource, async (manager) => {
      await manager.getRepository(WebhookSubscriptionEntity).update({ id: row.id }, { active: false, deletedAt: new Date() });
      await manager.query(
        `UPDATE gateway.webhook_message SET status = 'DEAD', leased_until = NULL, next_attempt_at = NULL, last_error = 'subscription deleted'
          WHERE subscription_id = $1 AND status IN ('PENDING', 'HELD')`,
        [row.id],
      );
    });
    return (await this.withWatchCounts([{ ...row, active: false }]))[0];
  }

  /**
   * Enables a subscription again after its endpoint was disabled (it kept failing): from now on it is
   * sent to, and every message it missed is sent, in one transaction: those HELD while it was disabled
   * (the relay keeps making them) and those given up as DEAD, with their original ids and bodies.
   * Receivers de-duplicate on `webhook-id` and order by `sequence`, so nothing is lost or applied out
   * of order. Enabling an active subscription changes nothing. Answers the subscription and how many
   * messages are sent.
   */
  async enable(ctx: HubContext, id: string): Promise<{ subscription: SubscriptionView; resent: number }> {
    const row = await this.own(ctx, id);
    if (row.active) return { subscription: (await this.withWatchCounts([row]))[0], resent: 0 };
    const resent = await writeTransaction(ctx, this.dataSource, async (manager) => {
      const [locked] = await manager.query<{ active: boolean }[]>(`SELECT active FROM gateway.webhook_subscription WHERE id = $1 FOR UPDATE`, [row.id]);
      if (locked.active) return 0;
      await manager.getRepository(WebhookSubscriptionEntity).update({ id: row.id }, { active: true, disabledAt: null, disabledReason: null });
      const messages = returnedRows<{ id: string }>(await manager.query(
        `UPDATE gateway.webhook_message SET status = 'PENDING', attempts = 0, next_attempt_at = NULL, leased_until = NULL
          WHERE subscription_id = $1 AND status IN ('HELD', 'DEAD', 'PENDING') RETURNING id`,
        [row.id],
      ));
      await manager.query(`INSERT INTO gateway.webhook_attempt (subscription_id, message_id, attempt, outcome, error) VALUES ($1, NULL, 0, 'ENABLED', $2)`, [
        row.id,
        `enabled again by ${ctx.principal.clientName} (was disabled: ${row.disabledReason ?? 'no reason recorded'}); ${messages.length} messages it missed sent`,
      ]);
      await enqueueDelivery(manager, messages.map((m) => m.id));
      return messages.length;
    });
    const current = await this.own(ctx, id);
    return { subscription: (await this.withWatchCounts([current]))[0], resent };
  }

  /** Adds codes to a watch-list (codes already there are kept once); answers the list's size. */
  async watch(ctx: HubContext, id: string, usccs: string[]): Promise<number> {
    const row = await this.own(ctx, id);
    if (row.scope !== 'WATCHLIST') throw badInput(`subscription ${id} is for ${row.scope === 'ALL' ? 'every subject in scope' : `district ${row.scopeDistrict}`}, not a watch-list`);
    return writeTransaction(ctx, this.dataSource, async (manager) => {
      // Concurrent batches of one list one at a time, so the size limit holds.
      await manager.query(`SELECT 1 FROM gateway.webhook_subscription WHERE id = $1 FOR UPDATE`, [row.id]);
      return this.insertWatch(manager, row.id, usccs);
    });
  }

  /** Removes codes from a watch-list; answers the list's size. */
  async unwatch(ctx: HubContext, id: string, usccs: string[]): Promise<number> {
    const row = await this.own(ctx, id);
    return writeTransaction(ctx, this.dataSource, async (manager) => {
      await manager.query(`DELETE FROM gateway.webhook_watch WHERE subscription_id = $1 AND uscc = ANY($2::varchar[])`, [row.id, usccs]);
      return this.watchCount(manager, row.id);
    });
  }

  /**
   * A new secret, shown in this answer only. The old one keeps signing beside it (a second
   * signature) for HUB_WEBHOOK_ROTATION_GRACE_MS, so the receiver can switch without losing messages.
   */
  async rotateSecret(ctx: HubContext, id: string): Promise<{ subscription: SubscriptionView; secret: string }> {
    const row = await this.own(ctx, id);
    const secret = generateWebhookSecret();
    const changes = { secret: this.secrets.seal(secret), previousSecret: row.secret, previousSecretUntil: new Date(Date.now() + this.rotationGraceMs) };
    await writeTransaction(ctx, this.dataSource, (manager) => manager.getRepository(WebhookSubscriptionEntity).update({ id: row.id }, changes));
    return { subscription: (await this.withWatchCounts([{ ...row, ...changes }]))[0], secret };
  }

  /** The caller's own subscription `id` (deleted ones only when asked); NOT_FOUND for anyone else's. */
  async own(ctx: HubContext, id: string, options: { deleted?: boolean } = {}): Promise<WebhookSubscriptionEntity> {
    const rowId = String(parseRowId(id, 'subscription id'));
    const row = await this.dataSource.getRepository(WebhookSubscriptionEntity).findOneBy({ id: rowId, clientId: ctx.principal.clientId });
    if (!row || (row.deletedAt && !options.deleted)) throw notFound(`no webhook subscription ${id}`);
    return row;
  }

  private checkEventTypes(principal: Principal, eventTypes: string[]): ChangeEventType[] {
    if (eventTypes.length === 0) throw badInput('eventTypes is empty: name at least one ChangeEventType');
    const types = [...new Set(eventTypes)];
    for (const type of types) {
      if (!(CHANGE_EVENT_TYPES as readonly string[]).includes(type)) throw badInput(`eventType ${type} is not one of ${CHANGE_EVENT_TYPES.join(', ')}`);
      if (!mayBeTold(principal.role, type as ChangeEventType)) throw forbidden(`${principal.role} may not read what ${type} tells, so it may not subscribe to it`);
    }
    return types as ChangeEventType[];
  }

  private async insertWatch(manager: EntityManager, subscriptionId: string, usccs: string[]): Promise<number> {
    await manager.query(`INSERT INTO gateway.webhook_watch (subscription_id, uscc) SELECT $1, u FROM unnest($2::varchar[]) AS u ON CONFLICT DO NOTHING`, [subscriptionId, usccs]);
    const count = await this.watchCount(manager, subscriptionId);
    if (count > MAX_WATCHED_CODES) throw badInput(`a watch-list holds at most ${MAX_WATCHED_CODES} codes; this batch would make it ${count}`);
    return count;
  }

  private async watchCount(manager: EntityManager, subscriptionId: string): Promise<number> {
    const [{ count }] = await manager.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM gateway.webhook_watch WHERE subscription_id = $1`, [subscriptionId]);
    return count;
  }

  private async withWatchCounts<T extends WebhookSubscriptionEntity>(rows: T[]): Promise<(T & { watchCount: number })[]> {
    if (rows.length === 0) return [];
    const counts = await this.dataSource.query<{ id: string; count: number }[]>(
      `SELECT subscription_id::text AS id, count(*)::int AS count FROM gateway.webhook_watch WHERE subscription_id = ANY($1::bigint[]) GROUP BY 1`,
      [rows.map((row) => row.id)],
    );
    const byId = new Map(counts.map((c) => [c.id, c.count]));
    return rows.map((row) => ({ ...row, watchCount: byId.get(String(row.id)) ?? 0 }));
  }
}

import type { DataSource, EntityManager } from 'typeorm';
import { isRole, type Principal } from '../../../shared/auth/principal';
import type { ChangeOutboxEntity } from '../../../shared/changes/change-outbox.entity';
import type { OutboxPort } from '../../../gateway/department-link';
import type { Department } from '../../../shared/database';
import { addDays, today } from '../../../shared/dates';
import { log } from '../../../shared/logging';
import { webhookMessagesQueued } from '../../../shared/metrics';
import { payloadData, subscriberQuery, type SubscriberView } from '../change-visibility';
import type { WebhookSubscriptionEntity } from '../entities/webhook-subscription.entity';
import { generateMessageId } from '../signing';
import { DerivedChanges, type RelayedChange } from './derived-changes';
import { chunked, READ_CHUNK, type SubscriberRead } from './subscriber-read';
import { enqueueDelivery } from './job-queue';

/** Changes derived by the relay (DerivedChanges), not written by a department. */
const DERIVED_TYPES = new Set(['RESTRICTION_CHANGED', 'MEASURE_STARTED', 'MEASURE_ENDED']);

/**
 * A measure's start or end is told only to a subscriber whose own `jointMeasures` shows that measure
 * (a bank sees the measures banks implement): now (or on the change's day, if later) for a start,
 * the day before for an end.
 */
function mayKnowOfMeasure(change: RelayedChange['row'], view: SubscriberView): boolean {
  if (change.type !== 'MEASURE_STARTED' && change.type !== 'MEASURE_ENDED') return true;
  const shown = change.type === 'MEASURE_STARTED' ? view.measuresNow : view.measuresBefore;
  return (shown ?? []).some((m) => m.measure.code === change.data.measureCode);
}

/** Outbox rows taken per department and pass. */
const BATCH = 200;
/** pg_advisory_xact_lock key: one relay at a time across hub instances. */
const RELAY_LOCK = 74_311_012;

type SubscriptionRow = Pick<WebhookSubscriptionEntity, 'id' | 'eventTypes' | 'scope' | 'scopeDistrict' | 'clientId' | 'clientName' | 'role' | 'agency' | 'districtCode' | 'purpose'>;

/** The subscriptions that are active now, for one pass. */
function activeSubscriptions(manager: EntityManager): Promise<SubscriptionRow[]> {
  return manager.query<SubscriptionRow[]>(
    `SELECT id::text, event_types AS "eventTypes", scope, scope_district AS "scopeDistrict", client_id AS "clientId", client_name AS "clientName",
            role, agency, district_code AS "districtCode", purpose
       FROM gateway.webhook_subscription WHERE active AND deleted_at IS NULL`,
  );
}

/**
 * The relay: takes the departments' change outboxes, oldest first, and turns each change into one
 * message per matching subscription, then deletes the rows it took. Matching is by event type and
 * scope (all subjects, a district, a watch-list); what a message says is read as the subscriber
 * (SubscriberRead), so a subject outside its row scope produces nothing and each field follows its
 * role. Messages and their delivery jobs are written in one transaction; a change is taken twice
 * only if the relay stopped between that commit and the delete, and then the unique source of
 * each message (subscription, department, outbox id) keeps it single.
 */
export class WebhookRelayService {
  private running: Promise<number> | null = null;
  private again = false;
  private readonly derived: DerivedChanges;

  constructor(
    private readonly gateway: DataSource,
    /** Each department's change outbox: in this process's database, or over the department's link. */
    private readonly outboxes: Partial<Record<Department, OutboxPort<ChangeOutboxEntity>>>,
    private readonly readAs: SubscriberRead,
  ) {
    this.derived = new DerivedChanges(readAs);
  }

  /** Runs a pass now, or once more after the running one (a change may have come in meanwhile). */
  kick(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let total = 0;
      do {
        this.again = false;
        total += await this.relayAll();
      } while (this.again);
      return total;
    })().finally(() => (this.running = null));
    return this.running;
  }

  /** Every change committed before the call, relayed; resolves with the messages made. */
  async relayAll(): Promise<number> {
    let made = 0;
    for (;;) {
      const pass = await this.relayBatch();
      if (pass === null) return made;
      made += pass;
    }
  }

  /** One batch per department; null when every outbox was empty (or another instance holds the relay). */
  private async relayBatch(): Promise<number | null> {
    const taken: { department: Department; port: OutboxPort<ChangeOutboxEntity>; rows: ChangeOutboxEntity[] }[] = [];
    let made = 0;
    const locked = await this.gateway.transaction(async (manager) => {
      const [{ locked }] = await manager.query<{ locked: boolean }[]>('SELECT pg_try_advisory_xact_lock($1) AS locked', [RELAY_LOCK]);
      if (!locked) return false;
      for (const [department, port] of Object.entries(this.outboxes) as [Department, OutboxPort<ChangeOutboxEntity>][]) {
        // A department on its own database that does not answer keeps its rows for a later pass.
        const rows = await port.peek(BATCH).catch((error: unknown) => {
          log.warn('change outbox of a department not reachable; relayed later', { department, detail: String(error) });
          return [];
        });
        if (rows.length > 0) taken.push({ department, port, rows });
      }
      if (taken.length === 0) return true;
      const takenChanges: RelayedChange[] = taken.flatMap(({ department, rows }) => rows.map((row) => ({ department, row })));
      const subscriptions = await activeSubscriptions(manager);
      const wantsDerived = subscriptions.some((s) => s.eventTypes.some((type) => DERIVED_TYPES.has(type)));
      const changes = wantsDerived ? [...takenChanges, ...(await this.derived.of(manager, takenChanges))] : takenChanges;
      made = await this.queueMessages(manager, subscriptions, changes);
      return true;
    });
    if (!locked || taken.length === 0) return null;
    for (const { port, rows } of taken) {
      await port.remove(rows.map((row) => String(row.id)));
    }
    if (made > 0) {
      webhookMessagesQueued.inc(made);
      log.info('webhook messages queued', { messages: made });
    }
    return made;
  }

  /**
   * Changes the dispatcher's daily job found made by the passage of time (TimedMeasureChanges):
   * `write` records them (its own outbox rows and the derived state) in the relay's transaction, under
   * the relay's lock (it waits for a running pass, so the derived state is read and written by one at
   * a time), and the messages of what it returns are queued in the same transaction.
   */
  async relayTimed(write: (manager: EntityManager) => Promise<RelayedChange[]>): Promise<number> {
    const made = await this.gateway.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [RELAY_LOCK]);
      const changes = await write(manager);
      if (changes.length === 0) return 0;
      return this.queueMessages(manager, await activeSubscriptions(manager), changes);
    });
    if (made > 0) {
      webhookMessagesQueued.inc(made);
      log.info('webhook messages queued', { messages: made, cause: 'time' });
    }
    return made;
  }

  /**
   * One message per change and matching subscription (event type, scope), read as the subscriber
   * (one read per subscriber and day for all its subjects), written with its delivery job; answers
   * how many were new (a message's unique source keeps a change taken twice single).
   */
  private async queueMessages(manager: EntityManager, subscriptions: SubscriptionRow[], changes: RelayedChange[]): Promise<number> {
    const usccs = [...new Set(changes.map(({ row }) => row.uscc))];
    const watched = await manager.query<{ subscription_id: string; uscc: string }[]>(
      `SELECT w.subscription_id::text, w.uscc FROM gateway.webhook_watch w
         JOIN gateway.webhook_subscription s ON s.id = w.subscription_id AND s.active AND s.deleted_at IS NULL
        WHERE w.uscc = ANY($1::varchar[])`,
      [usccs],
    );
    const watchers = new Set(watched.map((w) => `${w.subscription_id}:${w.uscc}`));
    // Who is to hear of what, then one read per subscriber (and day before) for all its subjects.
    const wanted: { department: string; row: RelayedChange['row']; subscription: SubscriptionRow; principal: Principal; before: string }[] = [];
    for (const { department, row } of changes) {
      for (const subscription of subscriptions) {
        if (!subscription.eventTypes.includes(row.type)) continue;
        if (subscription.scope === 'WATCHLIST' && !watchers.has(`${subscription.id}:${row.uscc}`)) continue;
        if (!isRole(subscription.role)) continue;
        wanted.push({ department, row, subscription, principal: { ...subscription, role: subscription.role }, before: addDays(row.effectiveOn, -1) });
      }
    }
    const reads = new Map<string, { principal: Principal; before: string; usccs: Set<string> }>();
    for (const { subscription, principal, before, row } of wanted) {
      const key = `${subscription.id}|${before}`;
      if (!reads.has(key)) reads.set(key, { principal, before, usccs: new Set() });
      reads.get(key)!.usccs.add(row.uscc);
    }
    const views = new Map<string, SubscriberView | null>();
    for (const [key, { principal, before, usccs }] of reads) {
      for (const chunk of chunked([...usccs], READ_CHUNK)) {
        // A change dated ahead (a measure's period ending on a day the daily job was run for early) is checked on its own day.
        const on = addDays(before, 1) > today() ? addDays(before, 1) : today();
        const answers = await this.readAs(principal, subscriberQuery(principal.role), { usccs: chunk, before, on });
        chunk.forEach((uscc, i) => views.set(`${key}|${uscc}`, (answers[i] ?? null) as SubscriberView | null));
      }
    }
    const messages: { id: string; subscriptionId: string; department: string; sourceId: string; type: string; uscc: string; payload: string }[] = [];
    for (const { department, row, subscription, principal, before } of wanted) {
      const view = views.get(`${subscription.id}|${before}|${row.uscc}`);
      if (!view || !mayKnowOfMeasure(row, view)) continue;
      if (subscription.scope === 'DISTRICT' && view.districtCode !== subscription.scopeDistrict) continue;
      const body = JSON.stringify({ type: row.type, timestamp: new Date().toISOString(), data: payloadData(principal.role, row, view) });
      messages.push({ id: generateMessageId(), subscriptionId: subscription.id, department, sourceId: String(row.id), type: row.type, uscc: row.uscc, payload: body });
    }
    if (messages.length > 0) {
      const inserted = await manager.query<{ id: string }[]>(
        `INSERT INTO gateway.webhook_message (id, subscription_id, source_department, source_id, type, uscc, payload)
         SELECT * FROM unnest($1::varchar[], $2::bigint[], $3::varchar[], $4::bigint[], $5::varchar[], $6::varchar[], $7::text[])
         ON CONFLICT (subscription_id, source_department, source_id) DO NOTHING
         RETURNING id`,
        [
          messages.map((m) => m.id),
          messages.map((m) => m.subscriptionId),
          messages.map((m) => m.department),
          messages.map((m) => m.sourceId),
          messages.map((m) => m.type),
          messages.map((m) => m.uscc),
          messages.map((m) => m.payload),
        ],
      );
      await enqueueDelivery(manager, inserted.map((m) => m.id));
      return inserted.length;
    }
    return 0;
  }
}

import type { DataSource, EntityManager } from 'typeorm';
import { seesMeasureOf } from '../../../shared/auth/agency-kind';
import { isRole, type Principal, type Role } from '../../../shared/auth/principal';
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
const DERIVED_TYPES = new Set(['RESTRICTION_CHANGED', 'MEASURE_STARTED', 'MEASURE_ENDED', 'SURCHARGE_DECIDED']);

/**
 * A measure's start or end is told only to a subscriber who may see that measure (a bank sees the
 * measures banks implement): by its implementing agency kind when the relay knows it (a measure a
 * voided penalty had started applies on no day any more), else when its own `jointMeasures` shows
 * it, now (or on the change's day, if later) for a start, the day before for an end.
 */
function mayKnowOfMeasure(role: Role, change: RelayedChange['row'], view: SubscriberView): boolean {
  if (change.type !== 'MEASURE_STARTED' && change.type !== 'MEASURE_ENDED') return true;
  if (typeof change.data.agencyKind === 'string') return seesMeasureOf(role, change.data.agencyKind);
  const shown = change.type === 'MEASURE_STARTED' ? view.measuresNow : view.measuresBefore;
  return (shown ?? []).some((m) => m.measure.code === change.data.measureCode);
}

/** When the hub learnt of a change: its outbox row's time (a Date in-process, a string over a department's link), or now. */
function recordedAt(change: RelayedChange['row']): Date {
  const at = change.at ? new Date(change.at) : null;
  return at && !Number.isNaN(at.getTime()) ? at : new Date();
}

/** Outbox rows taken per department and pass. */
const BATCH = 200;
/** pg_advisory_xact_lock key: one relay at a time across hub instances. */
const RELAY_LOCK = 74_311_012;

type SubscriptionRow = Pick<WebhookSubscriptionEntity, 'id' | 'eventTypes' | 'scope' | 'scopeDistrict' | 'clientId' | 'clientName' | 'role' | 'agency' | 'districtCode' | 'purpose' | 'active'>;

/**
 * The subscriptions not deleted, for one pass: active ones get PENDING messages, disabled ones HELD
 * messages (kept until they are enabled again, so a disabled subscription misses nothing). Read FOR
 * SHARE: enabling, disabling or deleting one waits for the pass's commit, so a message is never
 * written HELD for a subscription enabled meanwhile (its HELD messages were already turned PENDING).
 */
function liveSubscriptions(manager: EntityManager): Promise<SubscriptionRow[]> {
  return manager.query<SubscriptionRow[]>(
    `SELECT id::text, event_types AS "eventTypes", scope, scope_district AS "scopeDistrict", client_id AS "clientId", client_name AS "clientName",
            role, agency, district_code AS "districtCode", purpose, active
       FROM gateway.webhook_subscription WHERE deleted_at IS NULL ORDER BY id FOR SHARE`,
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
      // The departments' rows in the order they were written (one subject's writes are serialised by its lock).
      const takenChanges: RelayedChange[] = taken
        .flatMap(({ department, rows }) => rows.map((row) => ({ department, row })))
        .sort((a, b) => recordedAt(a.row).getTime() - recordedAt(b.row).getTime());
      const subscriptions = await liveSubscriptions(manager);
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
      return this.queueMessages(manager, await liveSubscriptions(manager), changes);
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
   *
   * Each change told to anyone takes the next `sequence` of its subject, in the order of `changes`
   * (the outbox rows as written, each cause's derived changes after it), one number for all its
   * messages. The numbers come from one counter row per subject, moved forward by an UPDATE in this
   * transaction: the row lock orders any two transactions numbering one subject (two hub instances,
   * the relay and a daily job), and a number is used only if the messages carrying it commit; the
   * relay's advisory lock already keeps passes single, the row lock would keep numbers strictly
   * increasing without it. The departments' writers take no part: numbering where messages are made
   * (not where facts are written) needs no counter shared across departments' databases.
   */
  private async queueMessages(manager: EntityManager, subscriptions: SubscriptionRow[], changes: RelayedChange[]): Promise<number> {
    const usccs = [...new Set(changes.map(({ row }) => row.uscc))];
    const watched = await manager.query<{ subscription_id: string; uscc: string }[]>(
      `SELECT w.subscription_id::text, w.uscc FROM gateway.webhook_watch w
         JOIN gateway.webhook_subscription s ON s.id = w.subscription_id AND s.deleted_at IS NULL
        WHERE w.uscc = ANY($1::varchar[])`,
      [usccs],
    );
    const watchers = new Set(watched.map((w) => `${w.subscription_id}:${w.uscc}`));
    // Who is to hear of what, then one read per subscriber (and day before) for all its subjects.
    const wanted: { index: number; department: string; row: RelayedChange['row']; subscription: SubscriptionRow; principal: Principal; before: string }[] = [];
    changes.forEach(({ department, row }, index) => {
      for (const subscription of subscriptions) {
        if (!subscription.eventTypes.includes(row.type)) continue;
        if (subscription.scope === 'WATCHLIST' && !watchers.has(`${subscription.id}:${row.uscc}`)) continue;
        if (!isRole(subscription.role)) continue;
        wanted.push({ index, department, row, subscription, principal: { ...subscription, role: subscription.role }, before: addDays(row.effectiveOn, -1) });
      }
    });
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
    const told = wanted.filter(({ row, subscription, principal, before }) => {
      const view = views.get(`${subscription.id}|${before}|${row.uscc}`);
      if (!view || !mayKnowOfMeasure(principal.role, row, view)) return false;
      return subscription.scope !== 'DISTRICT' || view.districtCode === subscription.scopeDistrict;
    });
    if (told.length === 0) return 0;
    const sequences = await this.numberChanges(manager, changes, new Set(told.map((t) => t.index)));
    const now = new Date().toISOString();
    const messages = told.map(({ index, department, row, subscription, principal, before }) => {
      const view = views.get(`${subscription.id}|${before}|${row.uscc}`)!;
      const sequence = sequences.get(index)!;
      const at = recordedAt(row).toISOString();
      const body = JSON.stringify({ type: row.type, timestamp: now, data: payloadData(principal.role, row, view, { sequence, recordedAt: at }) });
      return {
        id: generateMessageId(),
        subscriptionId: subscription.id,
        department,
        sourceId: String(row.id),
        type: row.type,
        uscc: row.uscc,
        payload: body,
        sequence,
        effectiveOn: row.effectiveOn,
        recordedAt: at,
        status: subscription.active ? 'PENDING' : 'HELD',
      };
    });
    const inserted = await manager.query<{ id: string; status: string }[]>(
      `INSERT INTO gateway.webhook_message (id, subscription_id, source_department, source_id, type, uscc, payload, sequence, effective_on, recorded_at, status)
       SELECT * FROM unnest($1::varchar[], $2::bigint[], $3::varchar[], $4::bigint[], $5::varchar[], $6::varchar[], $7::text[], $8::bigint[], $9::date[], $10::timestamptz[], $11::varchar[])
       ON CONFLICT (subscription_id, source_department, source_id) DO NOTHING
       RETURNING id, status`,
      [
        messages.map((m) => m.id),
        messages.map((m) => m.subscriptionId),
        messages.map((m) => m.department),
        messages.map((m) => m.sourceId),
        messages.map((m) => m.type),
        messages.map((m) => m.uscc),
        messages.map((m) => m.payload),
        messages.map((m) => m.sequence),
        messages.map((m) => m.effectiveOn),
        messages.map((m) => m.recordedAt),
        messages.map((m) => m.status),
      ],
    );
    await enqueueDelivery(manager, inserted.filter((m) => m.status === 'PENDING').map((m) => m.id));
    return inserted.length;
  }

  /** The next numbers of each subject's feed for the changes at `indexes` of `changes`, in their order (see queueMessages). */
  private async numberChanges(manager: EntityManager, changes: RelayedChange[], indexes: Set<number>): Promise<Map<number, number>> {
    const bySubject = new Map<string, number[]>();
    for (const index of [...indexes].sort((a, b) => a - b)) {
      const uscc = changes[index].row.uscc;
      bySubject.set(uscc, [...(bySubject.get(uscc) ?? []), index]);
    }
    const subjects = [...bySubject.keys()].sort();
    // Counter rows in code order, so two transactions numbering the same subjects cannot deadlock.
    const rows = await manager.query<{ uscc: string; last: string }[]>(
      `INSERT INTO gateway.webhook_subject_sequence AS s (uscc, last)
       SELECT u, n FROM unnest($1::varchar[], $2::bigint[]) AS v(u, n) ORDER BY u
       ON CONFLICT (uscc) DO UPDATE SET last = s.last + EXCLUDED.last, updated_at = now()
       RETURNING uscc, last::text`,
      [subjects, subjects.map((uscc) => bySubject.get(uscc)!.length)],
    );
    const numbers = new Map<number, number>();
    for (const { uscc, last } of rows) {
      const ofSubject = bySubject.get(uscc)!;
      const first = Number(last) - ofSubject.length + 1;
      ofSubject.forEach((index, i) => numbers.set(index, first + i));
    }
    return numbers;
  }
}

import { createHash, createHmac } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuditOutboxEntity } from '../../shared/audit/audit-outbox.entity';
import type { Principal, Role } from '../../shared/auth/principal';
import type { HubContext } from '../../shared/context';
import { isUniqueViolation, type SchemaOwner } from '../../shared/database';
import { badInput } from '../../shared/errors';
import { log } from '../../shared/logging';
import type { OutboxPort } from '../department-link';
import { AuditRecordEntity } from '../entities/audit-record.entity';
import type { OperationSummary } from '../operation-guard';
import type { AuditCheckpointFile, AuditCheckpoint } from './audit-checkpoints.service';

/** The `prev_hash` of the first record. */
export const GENESIS_HASH = '0'.repeat(64);

export type AuditOutcome = 'OK' | 'PARTIAL' | 'FAILED';

export interface AuditEntry {
  at: Date;
  requestId: string;
  principal: Principal;
  operation: OperationSummary;
  departments: string[];
  usccs: string[];
  outcome: AuditOutcome;
  errorCodes: string[];
}

export interface AuditFilter {
  uscc?: string | null;
  clientId?: string | null;
  role?: string | null;
  purpose?: string | null;
  department?: string | null;
  field?: string | null;
  from?: Date | null;
  to?: Date | null;
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  /** The first record whose own hash or link to its predecessor does not match. */
  firstBrokenId: string | null;
  reason: string | null;
}

/** Roles that see the audit trail of their own department only (ENV_ADMIN sees everything). */
export const DEPARTMENT_OF_ROLE: Partial<Record<Role, string>> = { CREDIT_OFFICE: 'credit', MARKET_REGULATOR: 'market' };

/** What the hash covers: every column but `id`, `hash` and the source of an outbox record. */
type ChainedFields = Omit<AuditRecordEntity, 'id' | 'hash' | 'sourceDepartment' | 'sourceId'>;
/** A record to chain, with the outbox row it came from (null for the gateway's own records). */
type Unchained = ChainedFields & Pick<AuditRecordEntity, 'sourceDepartment' | 'sourceId'>;

/** The outbox rows taken per department and pass. */
const OUTBOX_BATCH = 500;

/** Every stored column but `id` and `hash`, in a fixed order, the previous hash included. */
function canonicalRecord(row: ChainedFields): string {
  return JSON.stringify([
    row.at.toISOString(),
    row.requestId,
    row.clientId,
    row.clientName,
    row.role,
    row.agency ?? null,
    row.districtCode ?? null,
    row.purpose ?? null,
    row.operationName ?? null,
    row.operationHash,
    row.operationType,
    row.topLevelFields,
    row.fields,
    row.departments,
    row.usccs,
    row.outcome,
    row.errorCodes,
    row.prevHash,
  ]);
}

/**
 * The chain's one hashing function: HMAC-SHA256 under the audit key (HUB_AUDIT_KEY, never in the
 * database) over the record and its predecessor's hash. Without the key, nobody who can write the
 * table can recompute the hashes after changing, inserting or removing a record.
 */
export function chainHash(key: Uint8Array, previous: string, record: Omit<ChainedFields, 'prevHash'>): string {
  return createHmac('sha256', key).update(canonicalRecord({ ...record, prevHash: previous })).digest('hex');
}

/** Rows written before the chain was keyed (id up to `gateway.audit_chain.legacy_until_id`): plain SHA-256. */
export function legacyRecordHash(row: ChainedFields): string {
  return createHash('sha256').update(canonicalRecord(row)).digest('hex');
}

const CHAIN_LOCK = 74_311_001; // pg_advisory_xact_lock key: one outbox pass at a time, across instances

/** The unique index on `prev_hash` (migration AuditChainOneLink): one successor per record. */
const ONE_SUCCESSOR = 'audit_log_one_successor';

/** Appends tried before giving up while other writers keep appending first (each retry reads the head). */
const MAX_APPEND_ATTEMPTS = 20;

/**
 * The audit trail: append-only rows chained by hash, from two paths (README, "Audit path"):
 * - reads (and refused attempts): `record`, queued and written in batches by one writer per process,
 *   each batch in one INSERT statement (one round trip, no transaction around it) linked onto the
 *   head this process holds in memory; the request's answer waits until its record is stored;
 * - committed writes: each department (and the gateway, for its admin mutations and the command
 *   line's writes) wrote the record into its own `audit_outbox` in the write's transaction; `takeOutboxes` chains those rows, in order, and then deletes them. A row already
 *   chained (the writer stopped between chaining and deleting) is recognised by its unique source
 *   (department, outbox id) and only deleted, never chained twice.
 *
 * The chain stays one linear list whoever appends: the unique index on `prev_hash` lets no two
 * records name the same predecessor, so an append linked onto a head that another writer (another
 * process, or this one's other path) has moved fails as a whole, and is linked again onto the head
 * read afresh. Verification, checkpoints and what the hash covers are those of the single chain.
 */
export class AuditTrailService {
  private pending: { row: Unchained; done: (error?: Error) => void }[] = [];
  private draining: Promise<void> | null = null;
  /** The outbox pass running now, and the one queued behind it (see takeOutboxes). */
  private taking: Promise<void> | null = null;
  private nextTake: Promise<void> | null = null;
  /** What the queued pass takes: the union of its callers' outboxes, or all of them. */
  private nextOnly: Set<DataSource> | 'all' | null = null;
  private failedPass = false;
  /** The hash of the newest record this process knows of: where its next append links (null: read it). */
  private head: string | null = null;

  private lastCheckpoint: string | null = null;

  /**
   * `key` keys the chain (chainHash); `checkpoints` is where signed heads are written and read back
   * (AuditCheckpointFile), or null for a process that never verifies (the CLI's import).
   */
  constructor(
    private readonly dataSource: DataSource,
    private readonly key: Uint8Array,
    private readonly checkpoints: AuditCheckpointFile | null = null,
    /**
     * Each schema owner's `audit_outbox`, which this writer takes in: over its DataSource when the owner
     * runs in this process (outboxSources), over the department's link when it runs on its own database.
     */
    private readonly outboxes: Partial<Record<SchemaOwner, OutboxPort<AuditOutboxEntity>>> = {},
  ) {}

  record(entry: AuditEntry): Promise<void> {
    const row: Unchained = {
      at: entry.at,
      requestId: entry.requestId,
      clientId: entry.principal.clientId,
      clientName: entry.principal.clientName,
      role: entry.principal.role,
      agency: entry.principal.agency,
      districtCode: entry.principal.districtCode,
      purpose: entry.principal.purpose,
      operationName: entry.operation.name,
      operationHash: entry.operation.hash,
      operationType: entry.operation.type,
      topLevelFields: entry.operation.topLevelFields,
      fields: entry.operation.coordinates,
      departments: entry.departments,
      usccs: [...entry.usccs].sort(),
      outcome: entry.outcome,
      errorCodes: entry.errorCodes,
      prevHash: '',
      sourceDepartment: null,
      sourceId: null,
    };
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ row, done: (error) => (error ? reject(error) : resolve()) });
      this.startDrain();
    });
  }

  /**
   * The drain starts once the current turn of the event loop is over: records of requests that
   * finish together go out in one INSERT (and those queued while it runs, in the next). A record
   * queued after the drain's last look is drained by the next one.
   */
  private startDrain(): void {
    this.draining ??= new Promise<void>((start) => setImmediate(start))
      .then(() => this.drain())
      .finally(() => {
        this.draining = null;
        if (this.pending.length > 0) this.startDrain();
      });
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, 500);
      try {
        await this.append(batch.map(({ row }) => row));
        batch.forEach(({ done }) => done());
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        batch.forEach(({ done }) => done(failure));
      }
    }
  }

  /**
   * Appends `rows` to the chain, in order, in one statement: linked onto the head held in memory (read
   * once when unknown), so a batch of reads costs one round trip. When another writer appended first,
   * the unique index refuses the whole statement (nothing is stored) and the batch is linked again
   * onto the head read afresh.
   */
  private async append(rows: Unchained[]): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      const chained = this.link(rows, this.head ?? (await this.readHead(this.dataSource.manager)));
      try {
        await this.dataSource.getRepository(AuditRecordEntity).insert(chained);
        this.head = chained[chained.length - 1].hash;
        return;
      } catch (error) {
        this.head = null;
        if (!isUniqueViolation(error, ONE_SUCCESSOR) || attempt >= MAX_APPEND_ATTEMPTS) throw error;
      }
    }
  }

  private async readHead(manager: EntityManager): Promise<string> {
    const [last] = await manager.query<{ hash: string }[]>(`SELECT hash FROM gateway.audit_log ORDER BY id DESC LIMIT 1`);
    return last?.hash ?? GENESIS_HASH;
  }

  /** `rows` linked one after the other onto `prevHash`: the only place that computes links. */
  private link(rows: Unchained[], prevHash: string): AuditRecordEntity[] {
    return rows.map(({ sourceDepartment, sourceId, ...row }) => {
      const linked = { ...row, prevHash };
      prevHash = chainHash(this.key, linked.prevHash, row);
      return { ...linked, hash: prevHash, sourceDepartment, sourceId } as AuditRecordEntity;
    });
  }

  /**
   * Takes every outbox row committed before the call into the chain, oldest first, and deletes what
   * it took; resolves once done. `only` narrows the pass to those outboxes (a mutation's, when it
   * knows which it filled: one SELECT instead of one per schema owner); without it every outbox is
   * taken. Calls while a pass runs share the one queued behind it, which takes the union of what
   * they asked for (a pass that started earlier may have missed their rows). Runs after each
   * mutation, on start (rows a stopped process left) and on a timer while `behind` (rows a failed
   * pass left).
   */
  takeOutboxes(only?: ReadonlySet<DataSource>): Promise<void> {
    if (!this.taking) {
      this.taking = this.takePass(only).finally(() => (this.taking = null));
      return this.taking;
    }
    this.nextOnly = only && this.nextOnly !== 'all' ? new Set([...(this.nextOnly ?? []), ...only]) : 'all';
    this.nextTake ??= this.taking
      .catch(() => undefined)
      .then(() => {
        const next = this.nextOnly;
        this.nextTake = null;
        this.nextOnly = null;
        return this.takeOutboxes(next === 'all' || next === null ? undefined : next);
      });
    return this.nextTake;
  }

  /**
   * True while the last outbox pass failed: rows may wait that no later mutation will come to take
   * (the hub's timer then retries; an idle hub that is not behind sends no statement).
   */
  get behind(): boolean {
    return this.failedPass;
  }

  private async takePass(only?: ReadonlySet<DataSource>): Promise<void> {
    try {
      await this.takeAll(only);
      this.failedPass = false;
    } catch (error) {
      this.failedPass = true;
      throw error;
    }
  }

  private async takeAll(only?: ReadonlySet<DataSource>): Promise<void> {
    const outboxes = (Object.entries(this.outboxes) as [SchemaOwner, OutboxPort<AuditOutboxEntity>][]).filter(
      ([, port]) => !only || (port.source !== undefined && only.has(port.source)),
    );
    for (;;) {
      const taken: { department: SchemaOwner; port: OutboxPort<AuditOutboxEntity>; rows: AuditOutboxEntity[] }[] = [];
      // A department that does not answer (its own process, down) keeps its rows for a later pass;
      // the others' rows are chained meanwhile, and the pass counts as failed (`behind`).
      const unreachable: Error[] = [];
      const peeked = await Promise.allSettled(outboxes.map(([, port]) => port.peek(OUTBOX_BATCH)));
      peeked.forEach((result, i) => {
        const [department, port] = outboxes[i];
        if (result.status === 'fulfilled') {
          if (result.value.length > 0) taken.push({ department, port, rows: result.value });
          return;
        }
        const error: unknown = result.reason;
        if (!port.source) log.warn('audit outbox of a department not reachable; taken later', { department, detail: String(error) });
        unreachable.push(error instanceof Error ? error : new Error(String(error)));
      });
      if (taken.length === 0) {
        if (unreachable.length > 0) throw unreachable[0];
        return;
      }
      await this.chainOutboxRows(taken);
      for (const { port, rows } of taken) {
        await port.remove(rows.map((row) => String(row.id)));
      }
      if (taken.every(({ rows }) => rows.length < OUTBOX_BATCH)) {
        if (unreachable.length > 0) throw unreachable[0];
        return;
      }
    }
  }

  /**
   * Chains the outbox rows `taken`, in one transaction under the outbox lock (rows another pass
   * already chained are skipped), linked onto the head read in that transaction; retried from the
   * start when a read's append moved the head meanwhile (the unique index refused the links).
   */
  private async chainOutboxRows(taken: { department: SchemaOwner; rows: AuditOutboxEntity[] }[]): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const head = await this.dataSource.transaction(async (manager) => {
          await manager.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
          const fresh: Unchained[] = [];
          for (const { department, rows } of taken) {
            const known = await manager.query<{ source_id: string }[]>(
              `SELECT source_id FROM gateway.audit_log WHERE source_department = $1 AND source_id = ANY($2::bigint[])`,
              [department, rows.map((row) => row.id)],
            );
            const chained = new Set(known.map((row) => String(row.source_id)));
            fresh.push(...rows.filter((row) => !chained.has(String(row.id))).map((row) => fromOutbox(department, row)));
          }
          if (fresh.length === 0) return null;
          // In commit-time order across departments (the outbox's clock_timestamp), then by source.
          fresh.sort((a, b) => a.at.getTime() - b.at.getTime() || a.sourceDepartment!.localeCompare(b.sourceDepartment!) || Number(a.sourceId) - Number(b.sourceId));
          const linked = this.link(fresh, await this.readHead(manager));
          await manager.getRepository(AuditRecordEntity).insert(linked);
          return linked[linked.length - 1].hash;
        });
        if (head) this.head = head;
        return;
      } catch (error) {
        this.head = null;
        if (!isUniqueViolation(error, ONE_SUCCESSOR) || attempt >= MAX_APPEND_ATTEMPTS) throw error;
      }
    }
  }

  /**
   * The records the caller may see, newest first: the bureau's admin sees all; a department sees
   * who read its own data (the department filter is forced to its own).
   */
  async searchAs(ctx: HubContext, filter: AuditFilter, limit = 100): Promise<AuditRecordEntity[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw badInput('limit must be from 1 to 1000');
    const own = DEPARTMENT_OF_ROLE[ctx.principal.role];
    if (own && filter.department && filter.department !== own) throw badInput(`${ctx.principal.role} may see reads of ${own} data only`);
    return this.search(own ? { ...filter, department: own } : filter, limit);
  }

  /** Newest first. */
  async search(filter: AuditFilter, limit: number): Promise<AuditRecordEntity[]> {
    const query = this.dataSource.getRepository(AuditRecordEntity).createQueryBuilder('a').orderBy('a.id', 'DESC').limit(limit);
    if (filter.uscc) query.andWhere(':uscc = ANY(a.usccs)', { uscc: filter.uscc });
    if (filter.clientId) query.andWhere('a.client_id = :clientId', { clientId: filter.clientId });
    if (filter.role) query.andWhere('a.role = :role', { role: filter.role });
    if (filter.purpose) query.andWhere('a.purpose = :purpose', { purpose: filter.purpose });
    if (filter.department) query.andWhere(':department = ANY(a.departments)', { department: filter.department });
    if (filter.field) query.andWhere(':field = ANY(a.fields)', { field: filter.field });
    if (filter.from) query.andWhere('a.at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('a.at < :to', { to: filter.to });
    return query.getMany();
  }

  /**
   * Appends a signed checkpoint of the chain's head (count, newest id and hash) to the checkpoint
   * file, unless the head has not moved since this process's last one. Called periodically
   * (HUB_AUDIT_CHECKPOINT_INTERVAL_MS) and at shutdown.
   */
  async checkpoint(): Promise<AuditCheckpoint | null> {
    if (!this.checkpoints) return null;
    const [head] = await this.dataSource.query<{ id: string; hash: string; count: string }[]>(
      `SELECT id::text, hash, (SELECT count(*) FROM gateway.audit_log a WHERE a.id <= l.id)::text AS count FROM gateway.audit_log l ORDER BY id DESC LIMIT 1`,
    );
    if (!head || head.hash === this.lastCheckpoint) return null;
    const written = await this.checkpoints.append({ lastId: head.id, count: Number(head.count), hash: head.hash });
    this.lastCheckpoint = head.hash;
    return written;
  }

  /**
   * Walks the chain from the first record and reports the first record that was altered, inserted or
   * whose predecessor was removed (links and keyed hashes), then holds the table against the signed
   * checkpoints: each checkpointed record must still be there with the same hash and position, so
   * deleting the newest records (which leaves a consistent shorter chain) is reported too.
   */
  async verifyChain(): Promise<ChainReport> {
    const repository = this.dataSource.getRepository(AuditRecordEntity);
    const [mark] = await this.dataSource.query<{ legacy: string }[]>(`SELECT legacy_until_id::text AS legacy FROM gateway.audit_chain`);
    const legacyUntil = BigInt(mark?.legacy ?? '0');
    const { checkpoints, problem } = this.checkpoints ? await this.checkpoints.read() : { checkpoints: [], problem: null };
    if (problem) return { ok: false, checked: 0, firstBrokenId: null, reason: problem };
    const pending = new Map(checkpoints.map((checkpoint) => [checkpoint.lastId, checkpoint]));
    let prevHash = GENESIS_HASH;
    let checked = 0;
    let lastId = '0';
    for (;;) {
      const page = await repository.createQueryBuilder('a').where('a.id > :lastId', { lastId }).orderBy('a.id', 'ASC').limit(1000).getMany();
      if (page.length === 0) break;
      for (const row of page) {
        if (row.prevHash !== prevHash) {
          return { ok: false, checked, firstBrokenId: String(row.id), reason: 'the link to the previous record does not match: a record before it was changed or deleted' };
        }
        const expected = BigInt(row.id) <= legacyUntil ? legacyRecordHash(row) : chainHash(this.key, row.prevHash, row);
        if (expected !== row.hash) {
          return { ok: false, checked, firstBrokenId: String(row.id), reason: 'the record was changed after it was written (its keyed hash does not match)' };
        }
        prevHash = row.hash;
        checked += 1;
        lastId = String(row.id);
        const checkpoint = pending.get(lastId);
        if (checkpoint) {
          if (checkpoint.hash !== row.hash || checkpoint.count !== checked) {
            return { ok: false, checked, firstBrokenId: lastId, reason: `the record does not match the signed checkpoint of ${checkpoint.at}` };
          }
          pending.delete(lastId);
        }
      }
    }
    const missing = [...pending.values()].sort((a, b) => (BigInt(a.lastId) < BigInt(b.lastId) ? 1 : -1))[0];
    if (missing) {
      return {
        ok: false,
        checked,
        firstBrokenId: null,
        reason: `records were deleted: the checkpoint of ${missing.at} signed ${missing.count} records up to id ${missing.lastId}, which is no longer in the table (it ends at id ${lastId})`,
      };
    }
    return { ok: true, checked, firstBrokenId: null, reason: null };
  }
}

/** The chained record of a department's committed write (one root mutation field). */
function fromOutbox(department: SchemaOwner, row: AuditOutboxEntity): Unchained {
  const [, field] = row.field.split('.');
  return {
    at: row.at,
    requestId: row.requestId,
    clientId: row.clientId,
    clientName: row.clientName,
    role: row.role,
    agency: row.agency,
    districtCode: row.districtCode,
    purpose: row.purpose,
    // The department sees its root field, not the client's whole document: the record names the field.
    operationName: null,
    operationHash: createHash('sha256').update(row.field).digest('hex'),
    operationType: 'mutation',
    topLevelFields: [field ?? row.field],
    fields: [row.field],
    departments: [department],
    usccs: row.usccs,
    outcome: 'OK',
    errorCodes: [],
    prevHash: '',
    sourceDepartment: department,
    sourceId: row.id,
  };
}

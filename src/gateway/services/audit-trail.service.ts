import { createHash, createHmac } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Principal, Role } from '../../shared/auth/principal';
import type { HubContext } from '../../shared/context';
import { badInput } from '../../shared/errors';
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

type ChainedFields = Omit<AuditRecordEntity, 'id' | 'hash'>;

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

const CHAIN_LOCK = 74_311_001; // pg_advisory_xact_lock key: one writer of the chain at a time, across instances

/**
 * The audit trail: append-only rows chained by hash. Writes are queued and written in batches by
 * one writer per process (and one at a time across processes, by an advisory lock), so the chain
 * stays linear; a request's answer waits until its record is stored.
 */
export class AuditTrailService {
  private pending: { row: ChainedFields; done: (error?: Error) => void }[] = [];
  private draining: Promise<void> | null = null;

  private lastCheckpoint: string | null = null;

  /**
   * `key` keys the chain (chainHash); `checkpoints` is where signed heads are written and read back
   * (AuditCheckpointFile), or null for a process that never verifies (the CLI's import).
   */
  constructor(
    private readonly dataSource: DataSource,
    private readonly key: Uint8Array,
    private readonly checkpoints: AuditCheckpointFile | null = null,
  ) {}

  record(entry: AuditEntry): Promise<void> {
    const row: ChainedFields = {
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
    };
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ row, done: (error) => (error ? reject(error) : resolve()) });
      this.draining ??= this.drain().finally(() => (this.draining = null));
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, 500);
      try {
        await this.dataSource.transaction(async (manager) => {
          await manager.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
          const [last] = await manager.query<{ hash: string }[]>(`SELECT hash FROM gateway.audit_log ORDER BY id DESC LIMIT 1`);
          let prevHash = last?.hash ?? GENESIS_HASH;
          const rows = batch.map(({ row }) => {
            const chained = { ...row, prevHash };
            prevHash = chainHash(this.key, chained.prevHash, row);
            return { ...chained, hash: prevHash };
          });
          await manager.getRepository(AuditRecordEntity).insert(rows);
        });
        batch.forEach(({ done }) => done());
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        batch.forEach(({ done }) => done(failure));
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

import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { IsNull, type DataSource } from 'typeorm';
import { badInput, HubError } from '../../shared/errors';
import { IdempotencyKeyEntity } from '../entities/idempotency-key.entity';

/** The request header (Node lower-cases names) and the header marking a repeated answer. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const IDEMPOTENT_REPLAY_HEADER = 'idempotent-replayed';

/** How long a key holds its first answer (CONTRACT.md: "within 24 h"). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** A key whose first request has not finished after this long is taken to be abandoned (its process died). */
const ABANDONED_AFTER_MS = 10 * 60 * 1000;
/** How often a duplicate looks whether the first request has finished. */
const POLL_MS = 50;
/** Visible ASCII, 1 to 255 characters (a UUID, a ULID, a client's own reference). */
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** What a mutation carrying an `Idempotency-Key` does: run (and then store its answer), or answer as before. */
export type IdempotencyClaim =
  | { kind: 'run'; complete: (status: number, body: string) => Promise<void>; release: () => Promise<void> }
  | { kind: 'replay'; status: number; body: string };

/**
 * `Idempotency-Key` on mutations (CONTRACT.md round 2; README, "Idempotency-Key"). Keys are per client
 * (`client_id`, key) in `gateway.idempotency_key`. The first request inserts its row before running
 * (insert-first: the primary key lets exactly one of two concurrent duplicates in); the answer is
 * stored when it is known. A duplicate with the same body waits for that answer and gets it without
 * running again; one with another body is refused. Hand-written rather than a library: the stores
 * on npm keep keys in Redis or memory, and the key must live in the gateway's PostgreSQL schema.
 */
export class IdempotencyService {
  constructor(
    private readonly dataSource: DataSource,
    /** How long a duplicate waits for the first request before it is told to retry later. */
    private readonly waitMs: number,
  ) {}

  /** The header's key, or null without one; BAD_USER_INPUT when it is malformed. */
  static keyOf(header: string | string[] | undefined): string | null {
    if (header === undefined) return null;
    const key = Array.isArray(header) ? header.join(',') : header;
    if (!KEY_PATTERN.test(key)) throw badInput('Idempotency-Key must be 1 to 255 visible ASCII characters (e.g. a UUID)');
    return key;
  }

  async claim(clientId: string, key: string, body: string): Promise<IdempotencyClaim> {
    const bodyHash = createHash('sha256').update(body).digest('hex');
    const repository = this.dataSource.getRepository(IdempotencyKeyEntity);
    const waitUntil = Date.now() + this.waitMs;
    for (;;) {
      const inserted = await repository
        .createQueryBuilder()
        .insert()
        .values({ clientId, key, bodyHash })
        .orIgnore()
        .returning(['clientId'])
        .execute();
      if ((inserted.raw as unknown[]).length > 0) return this.running(clientId, key);
      const row = await repository.findOneBy({ clientId, key });
      if (!row) continue; // released or expired meanwhile: try to insert again
      const age = Date.now() - row.createdAt.getTime();
      if (age > IDEMPOTENCY_TTL_MS || (row.completedAt === null && age > ABANDONED_AFTER_MS)) {
        // Expired, or its first request died without an answer: the key is free again.
        await repository.delete({ clientId, key, createdAt: row.createdAt });
        continue;
      }
      if (row.bodyHash !== bodyHash) {
        throw badInput(`Idempotency-Key "${key}" was already used with another request body; use a new key for a new request`);
      }
      if (row.completedAt !== null && row.responseStatus !== null && row.responseBody !== null) {
        return { kind: 'replay', status: row.responseStatus, body: row.responseBody };
      }
      if (Date.now() >= waitUntil) {
        throw new HubError('RATE_LIMITED', `a request with Idempotency-Key "${key}" is still running; retry after 1 s to get its answer`, { retryAfter: 1 });
      }
      await sleep(POLL_MS);
    }
  }

  /** Drops keys past their 24 hours (the hub's timer calls it). */
  async purgeExpired(): Promise<void> {
    await this.dataSource
      .getRepository(IdempotencyKeyEntity)
      .createQueryBuilder()
      .delete()
      .where('created_at < :before', { before: new Date(Date.now() - IDEMPOTENCY_TTL_MS) })
      .execute();
  }

  private running(clientId: string, key: string): IdempotencyClaim {
    const repository = this.dataSource.getRepository(IdempotencyKeyEntity);
    return {
      kind: 'run',
      complete: async (status, body) => {
        await repository.update({ clientId, key }, { completedAt: new Date(), responseStatus: status, responseBody: body });
      },
      // The request ended without an answer worth repeating (it failed before or without running):
      // a retry with the key runs it.
      release: async () => {
        await repository.delete({ clientId, key, completedAt: IsNull() });
      },
    };
  }
}

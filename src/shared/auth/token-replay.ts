import Redis from 'ioredis';
import { log } from '../logging';

/**
 * Remembers the `jti` of each department token until the token expires, so that a token is
 * accepted once. Unlike a rate limit this is access control: when it cannot tell (memory full,
 * Redis unreachable) it refuses.
 */
export interface ReplayGuard {
  /** True the first time `jti` is claimed before `expiresAtMs`; false for a replay (or when it cannot tell). */
  claim(jti: string, expiresAtMs: number): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * One process's memory: bounded to `maxEntries` live tokens (at 60 s per token, 100,000 is over
 * 1,600 fetches a second); expired entries are dropped when the bound is reached.
 */
export class MemoryReplayGuard implements ReplayGuard {
  private readonly seen = new Map<string, number>();

  constructor(private readonly maxEntries = 100_000) {}

  async claim(jti: string, expiresAtMs: number): Promise<boolean> {
    const now = Date.now();
    const known = this.seen.get(jti);
    if (known !== undefined && known > now) return false;
    if (this.seen.size >= this.maxEntries) {
      for (const [id, expires] of this.seen) if (expires <= now) this.seen.delete(id);
      if (this.seen.size >= this.maxEntries) {
        log.warn('department token refused: replay memory is full', { maxEntries: this.maxEntries });
        return false;
      }
    }
    this.seen.set(jti, expiresAtMs);
    return true;
  }

  async close(): Promise<void> {}
}

/** `SET NX PX` in Redis (REDIS_URL): every process of a department shares what it has seen. */
export class RedisReplayGuard implements ReplayGuard {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly prefix = 'ecocredit:jti:',
  ) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2_000 });
    this.redis.on('error', (error) => log.warn('redis replay guard', { message: error.message }));
  }

  async claim(jti: string, expiresAtMs: number): Promise<boolean> {
    try {
      const ttl = Math.max(1, expiresAtMs - Date.now());
      return (await this.redis.set(this.prefix + jti, '1', 'PX', ttl, 'NX')) === 'OK';
    } catch (error) {
      log.warn('department token refused: redis unavailable for the replay check', { message: (error as Error).message });
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.redis.status !== 'ready') return this.redis.disconnect();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

export function createReplayGuard(redisUrl: string | undefined): ReplayGuard {
  return redisUrl ? new RedisReplayGuard(redisUrl) : new MemoryReplayGuard();
}

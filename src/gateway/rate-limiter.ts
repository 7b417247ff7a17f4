import Redis from 'ioredis';
import { log } from '../shared/logging';

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the caller's window resets (for Retry-After). */
  retryAfterSeconds: number;
}

/** Requests per client per fixed window. */
export interface RateLimiter {
  hit(key: string): Promise<RateDecision>;
  /** Whether one more hit would be allowed, without counting one. */
  peek(key: string): Promise<RateDecision>;
  /** Resolves when the shared store answers (for /readyz); absent when there is none. */
  ping?(): Promise<void>;
  close(): Promise<void>;
}

/** One process's counters: the default, fine for a single instance. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private sweptAt = Date.now();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  async hit(key: string): Promise<RateDecision> {
    const now = Date.now();
    if (now - this.sweptAt > this.windowMs) {
      for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
      this.sweptAt = now;
    }
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) this.windows.set(key, (window = { count: 0, resetAt: now + this.windowMs }));
    window.count += 1;
    return { allowed: window.count <= this.limit, retryAfterSeconds: Math.max(1, Math.ceil((window.resetAt - now) / 1000)) };
  }

  async peek(key: string): Promise<RateDecision> {
    const now = Date.now();
    const window = this.windows.get(key);
    if (!window || window.resetAt <= now) return { allowed: true, retryAfterSeconds: 0 };
    return { allowed: window.count < this.limit, retryAfterSeconds: Math.max(1, Math.ceil((window.resetAt - now) / 1000)) };
  }

  async close(): Promise<void> {}
}

/** INCR and, on the window's first hit, PEXPIRE: one round trip, atomic on the Redis server. */
const HIT_SCRIPT = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {n, redis.call('PTTL', KEYS[1])}`;

const PEEK_SCRIPT = `return {tonumber(redis.call('GET', KEYS[1]) or '0'), redis.call('PTTL', KEYS[1])}`;

/**
 * Counters in Redis (REDIS_URL), shared by every gateway instance. When Redis is unreachable the
 * limiter lets requests through and logs: rate limits protect capacity, they are not access control.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly prefix = 'ecocredit:rate:',
  ) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2_000 });
    this.redis.on('error', (error) => log.warn('redis rate limiter', { message: error.message }));
  }

  async hit(key: string): Promise<RateDecision> {
    try {
      const [count, ttl] = (await this.redis.eval(HIT_SCRIPT, 1, this.prefix + key, String(this.windowMs))) as [number, number];
      return { allowed: count <= this.limit, retryAfterSeconds: Math.max(1, Math.ceil(Math.max(ttl, 0) / 1000)) };
    } catch (error) {
      log.warn('rate limit not checked: redis unavailable', { message: (error as Error).message });
      return { allowed: true, retryAfterSeconds: 0 };
    }
  }

  async peek(key: string): Promise<RateDecision> {
    try {
      const [count, ttl] = (await this.redis.eval(PEEK_SCRIPT, 1, this.prefix + key)) as [number, number];
      return { allowed: count < this.limit, retryAfterSeconds: Math.max(1, Math.ceil(Math.max(ttl, 0) / 1000)) };
    } catch (error) {
      log.warn('rate limit not checked: redis unavailable', { message: (error as Error).message });
      return { allowed: true, retryAfterSeconds: 0 };
    }
  }

  async ping(): Promise<void> {
    await this.redis.ping();
  }

  /** QUIT lets pending commands finish; a client that cannot reach Redis is just disconnected. */
  async close(): Promise<void> {
    if (this.redis.status !== 'ready') return this.redis.disconnect();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

export function createRateLimiter(options: { redisUrl?: string; requests: number; windowMs: number; prefix?: string }): RateLimiter {
  return options.redisUrl
    ? new RedisRateLimiter(options.redisUrl, options.requests, options.windowMs, options.prefix)
    : new MemoryRateLimiter(options.requests, options.windowMs);
}

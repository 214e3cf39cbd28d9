import { Redis } from "ioredis";
import { LRUCache } from "lru-cache";
import type { FastifyBaseLogger } from "fastify";

export interface TokenVerdict {
  allowed: boolean;
  /** Whole requests left in the bucket after this one. */
  remaining: number;
  /** Seconds until the bucket holds one request again (0 when allowed). */
  retryAfterSeconds: number;
  /** Seconds until the bucket is full again. */
  resetSeconds: number;
}

/**
 * What replicas must share: rate-limit buckets, persisted queries and cached
 * answers. In this process by default; in Redis when REDIS_URL is set, falling back
 * to this process's memory (and saying so) while Redis is unreachable.
 */
export interface SharedState {
  takeToken(key: string, burst: number, perSecond: number): Promise<TokenVerdict>;
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** "memory": no Redis configured; "redis": shared; "degraded": Redis configured but unreachable. */
  mode(): "memory" | "redis" | "degraded";
  close(): Promise<void>;
}

function verdict(tokens: number, burst: number, perSecond: number, allowed: boolean): TokenVerdict {
  return {
    allowed,
    remaining: Math.max(0, Math.floor(tokens)),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((1 - tokens) / perSecond)),
    resetSeconds: Math.ceil((burst - tokens) / perSecond),
  };
}

/** Token buckets and a byte-bounded LRU cache in this process. */
export class MemoryState implements SharedState {
  // Buckets of clients not seen for a while are dropped first; a dropped bucket is a full one.
  private readonly buckets = new LRUCache<string, { tokens: number; at: number }>({ max: 100_000 });
  private readonly values = new LRUCache<string, string>({
    maxSize: 64 * 1024 * 1024,
    sizeCalculation: (value, key) => value.length + key.length,
    ttlAutopurge: false,
  });

  async takeToken(key: string, burst: number, perSecond: number): Promise<TokenVerdict> {
    const now = performance.now();
    const bucket = this.buckets.get(key) ?? { tokens: burst, at: now };
    const tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    const allowed = tokens >= 1;
    const left = allowed ? tokens - 1 : tokens;
    this.buckets.set(key, { tokens: left, at: now });
    return verdict(left, burst, perSecond, allowed);
  }

  async get(key: string): Promise<string | null> {
    return this.values.get(key) ?? null;
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    this.values.set(key, value, { ttl: ttlSeconds * 1000 });
  }

  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }

  mode(): "memory" {
    return "memory";
  }

  async close(): Promise<void> {}
}

/**
 * One bucket, atomically in Redis, on Redis's clock (so replicas agree): refill by
 * elapsed time, take one token if there is one, expire once it would be full again.
 */
const TAKE_TOKEN = `
local burst = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
tokens = math.min(burst, tokens + (now - at) / 1000 * rate)
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
return { allowed, tostring(tokens) }
`;

/** Redis, with this process's memory standing in while it is unreachable. */
export class RedisState implements SharedState {
  private readonly redis: Redis;
  private readonly fallback = new MemoryState();
  /** Null until the first connection attempt ends, so the first state is logged too. */
  private up: boolean | null = null;

  constructor(
    url: string,
    private readonly log: FastifyBaseLogger,
    private readonly onModeChange: (mode: "redis" | "degraded") => void = () => {},
    /** Keys are kept under this prefix, so one Redis can serve several hubs (and test runs). */
    private readonly prefix = "near:",
  ) {
    this.redis = new Redis(url, {
      lazyConnect: true,
      // Fail a command at once while disconnected: the fallback answers instead of a queue that waits.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 2000,
      retryStrategy: (attempt) => Math.min(attempt * 250, 2000),
    });
    this.redis.on("ready", () => this.setUp(true));
    this.redis.on("close", () => this.setUp(false));
    // ioredis reports every failed reconnect; the transitions above are what matters.
    this.redis.on("error", () => {});
  }

  /** Connects; an unreachable Redis at start leaves the hub running in memory, degraded. */
  async connect(): Promise<void> {
    try {
      await this.redis.connect();
    } catch (error) {
      this.setUp(false, error);
    }
  }

  private setUp(up: boolean, error?: unknown): void {
    if (up === this.up) return;
    this.up = up;
    if (up) this.log.info("redis reachable: rate limits, persisted queries and cached answers are shared");
    else this.log.warn({ err: error }, "redis unreachable: rate limits, persisted queries and cached answers fall back to this process");
    this.onModeChange(up ? "redis" : "degraded");
  }

  private async attempt<T>(shared: () => Promise<T>, local: () => Promise<T>): Promise<T> {
    if (this.up !== true) return local();
    try {
      return await shared();
    } catch (error) {
      this.setUp(false, error);
      return local();
    }
  }

  takeToken(key: string, burst: number, perSecond: number): Promise<TokenVerdict> {
    return this.attempt(
      async () => {
        const [allowed, tokens] = (await this.redis.eval(TAKE_TOKEN, 1, `${this.prefix}rl:${key}`, burst, perSecond)) as [number, string];
        return verdict(Number(tokens), burst, perSecond, allowed === 1);
      },
      () => this.fallback.takeToken(key, burst, perSecond),
    );
  }

  get(key: string): Promise<string | null> {
    return this.attempt(
      () => this.redis.get(this.prefix + key),
      () => this.fallback.get(key),
    );
  }

  set(key: string, value: string, ttlSeconds: number): Promise<void> {
    return this.attempt(
      async () => {
        await this.redis.set(this.prefix + key, value, "EX", ttlSeconds);
      },
      () => this.fallback.set(key, value, ttlSeconds),
    );
  }

  delete(key: string): Promise<void> {
    return this.attempt(
      async () => {
        await this.redis.del(this.prefix + key);
      },
      () => this.fallback.delete(key),
    );
  }

  mode(): "redis" | "degraded" {
    return this.up === true ? "redis" : "degraded";
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}

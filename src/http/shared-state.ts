import { EventEmitter } from "node:events";
import { LRUCache } from "lru-cache";

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
 * A group of kept values with a ceiling: past `maxEntries` values or `maxBytes`, the
 * oldest written go first. What strangers can make the hub keep (persisted queries,
 * cached answers) is kept in one.
 */
export interface Bound {
  group: string;
  maxEntries: number;
  maxBytes: number;
}

/**
 * What replicas must share: rate-limit buckets, persisted queries and cached
 * answers. In this process by default; in Redis when REDIS_URL is set, falling back
 * to this process's memory (and saying so) while Redis is unreachable or slow.
 */
export interface SharedState {
  takeToken(key: string, burst: number, perSecond: number): Promise<TokenVerdict>;
  get(key: string): Promise<string | null>;
  /** Keeps a value for `ttlSeconds`, within `bound`'s ceiling when given (in memory, all values share one). */
  set(key: string, value: string, ttlSeconds: number, bound?: Bound): Promise<void>;
  delete(key: string): Promise<void>;
  /** Sends `message` to every replica's listeners on `channel`, this one's included; at most once, and never stored. */
  broadcast(channel: string, message: string): Promise<void>;
  /** Calls `listener` with each message broadcast on `channel` from now on; the function returned stops it. */
  listen(channel: string, listener: (message: string) => void): () => void;
  /** "memory": no Redis configured; "redis": shared; "degraded": Redis configured but unreachable. */
  mode(): "memory" | "redis" | "degraded";
  close(): Promise<void>;
}

export function verdict(tokens: number, burst: number, perSecond: number, allowed: boolean): TokenVerdict {
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
    // Every value in memory is within one ceiling (the LRU's size): no group needs its own.
    this.values.set(key, value, { ttl: ttlSeconds * 1000 });
  }

  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }

  private readonly channels = new EventEmitter().setMaxListeners(0);

  async broadcast(channel: string, message: string): Promise<void> {
    this.channels.emit(channel, message);
  }

  listen(channel: string, listener: (message: string) => void): () => void {
    this.channels.on(channel, listener);
    return () => this.channels.off(channel, listener);
  }

  mode(): "memory" {
    return "memory";
  }

  async close(): Promise<void> {}
}

import { Redis } from "ioredis";
import type { FastifyBaseLogger } from "fastify";
import { MemoryState, verdict } from "./shared-state";
import type { Bound, SharedState, TokenVerdict } from "./shared-state";

/*
 * The shared state in Redis (src/http/shared-state.ts says what it holds). Its own
 * file: ioredis is loaded only by a hub given REDIS_URL.
 */

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

/**
 * One value kept within a bound, atomically: the value, its place in the group's index
 * (by Redis's clock) and its size, then the oldest values out while the group is over
 * its count or its bytes. A value that expired is still counted until it leaves the
 * index, which only makes room sooner.
 */
const KEEP_BOUNDED = `
local size = string.len(ARGV[1])
local previous = redis.call('HGET', KEYS[3], KEYS[1])
if previous then redis.call('DECRBY', KEYS[4], previous) end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
local time = redis.call('TIME')
redis.call('ZADD', KEYS[2], tonumber(time[1]) * 1000000 + tonumber(time[2]), KEYS[1])
redis.call('HSET', KEYS[3], KEYS[1], size)
local total = redis.call('INCRBY', KEYS[4], size)
local count = redis.call('ZCARD', KEYS[2])
while count > tonumber(ARGV[3]) or total > tonumber(ARGV[4]) do
  local oldest = redis.call('ZPOPMIN', KEYS[2])
  if #oldest == 0 then break end
  local gone = tonumber(redis.call('HGET', KEYS[3], oldest[1]) or '0')
  redis.call('HDEL', KEYS[3], oldest[1])
  redis.call('DEL', oldest[1])
  total = redis.call('DECRBY', KEYS[4], gone)
  count = count - 1
end
return count
`;

/** How often a Redis that stopped answering is asked again, once the hub has fallen back to memory. */
const RECOVERY_PROBE_MS = 1000;

/**
 * Redis, with this process's memory standing in while it is unreachable or slow: every
 * command and connection attempt has a deadline (REDIS_TIMEOUT_MS), and a command that
 * misses it turns the state degraded exactly as a lost connection does, until a probe
 * is answered again.
 */
export class RedisState implements SharedState {
  private readonly redis: Redis;
  private readonly fallback = new MemoryState();
  /** Null until the first connection attempt ends, so the first state is logged too. */
  private up: boolean | null = null;
  private probe: NodeJS.Timeout | null = null;

  constructor(
    url: string,
    private readonly log: FastifyBaseLogger,
    private readonly onModeChange: (mode: "redis" | "degraded") => void = () => {},
    /** Keys are kept under this prefix, so one Redis can serve several hubs (and test runs). */
    private readonly prefix = "near:",
    /** Longest a command may take before the hub stops waiting on Redis. */
    timeoutMs = 250,
  ) {
    this.redis = new Redis(url, {
      lazyConnect: true,
      // Fail a command at once while disconnected: the fallback answers instead of a queue that waits.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: Math.max(timeoutMs, 1000),
      commandTimeout: timeoutMs,
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
    else
      this.log.warn(
        { err: error },
        "redis unreachable or slow: rate limits, persisted queries and cached answers fall back to this process",
      );
    this.onModeChange(up ? "redis" : "degraded");
    if (!up && this.redis.status === "ready") this.probeUntilAnswered();
  }

  /**
   * A Redis that holds its connection but stops answering (frozen) sends no event: ask it
   * now and then, and share again once it answers in time.
   */
  private probeUntilAnswered(): void {
    if (this.probe) return;
    this.probe = setInterval(() => {
      if (this.up === true || this.redis.status !== "ready") {
        if (this.probe) clearInterval(this.probe);
        this.probe = null;
        return;
      }
      this.redis.ping().then(
        () => this.setUp(true),
        () => {},
      );
    }, RECOVERY_PROBE_MS);
    this.probe.unref();
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

  set(key: string, value: string, ttlSeconds: number, bound?: Bound): Promise<void> {
    return this.attempt(
      async () => {
        if (!bound) {
          await this.redis.set(this.prefix + key, value, "EX", ttlSeconds);
          return;
        }
        const group = `${this.prefix}bound:${bound.group}`;
        await this.redis.eval(
          KEEP_BOUNDED,
          4,
          this.prefix + key,
          `${group}:index`,
          `${group}:sizes`,
          `${group}:bytes`,
          value,
          ttlSeconds,
          bound.maxEntries,
          bound.maxBytes,
        );
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

  /**
   * Through Redis pub/sub, so every replica hears it (this one through its own
   * subscription, never twice); only this process's listeners while Redis is away.
   */
  broadcast(channel: string, message: string): Promise<void> {
    return this.attempt(
      async () => {
        await this.redis.publish(this.prefix + channel, message);
      },
      () => this.fallback.broadcast(channel, message),
    );
  }

  /** A second connection, made on the first `listen`: a connection that subscribes can send nothing else. */
  private subscriber: Redis | null = null;

  listen(channel: string, listener: (message: string) => void): () => void {
    const stop = this.fallback.listen(channel, listener);
    if (this.subscriber === null) {
      const subscriber = this.redis.duplicate({ lazyConnect: false, enableOfflineQueue: true, commandTimeout: undefined });
      subscriber.on("error", () => {});
      // The listeners are the fallback's: one place calls them, whichever way a message came.
      subscriber.on("message", (from: string, message: string) => {
        if (from.startsWith(this.prefix)) void this.fallback.broadcast(from.slice(this.prefix.length), message);
      });
      this.subscriber = subscriber;
    }
    void this.subscriber
      .subscribe(this.prefix + channel)
      .catch((error: unknown) =>
        this.log.warn({ err: error, channel }, "could not subscribe to a Redis channel: other replicas' events are not heard"),
      );
    return stop;
  }

  mode(): "redis" | "degraded" {
    return this.up === true ? "redis" : "degraded";
  }

  async close(): Promise<void> {
    if (this.probe) clearInterval(this.probe);
    this.redis.disconnect();
    this.subscriber?.disconnect();
  }
}

import { createHash, randomUUID } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { Bound, SharedState } from "./shared-state";

/** A kept answer: its body as the bytes sent, and the headers it is sent with. */
export interface CachedAnswer {
  body: Buffer;
  etag: string;
  contentType: string;
  cacheControl: string;
}

/** What makes two requests the same question: the document (or its persisted hash), operation, variables, language and day. */
export interface Question {
  document: string;
  operationName: string | null;
  variables: string;
  lang: string;
  today: string;
  /** The media type the answer is negotiated for (`answerMediaKey` of the request's Accept). */
  media: string;
}

/** Where the response cache's generation is kept: a write sets a new one, so every replica's older answers stop matching. */
const GENERATION_KEY = "rc:generation";
const GENERATION_TTL_SECONDS = 366 * 24 * 3600;
/** Kept answers are stored as text: a version line, three header lines, then the body. */
const ENVELOPE = "rc1";

/** What the shared state keeps of answers: one per distinct question asked (variables make them many), oldest first out. */
const KEPT_ANSWERS: Bound = { group: "answers", maxEntries: 20_000, maxBytes: 128 * 1024 * 1024 };

/** Decoded answers this process keeps beside the shared state, so a repeated hit is neither parsed nor encoded again. */
const DECODED_MAX_BYTES = 32 * 1024 * 1024;

const PLAIN_ACCEPTS = new Set([undefined, "", "*/*", "application/json"]);

/**
 * The media type an answer is negotiated for, as a key: "json" for an `Accept` Apollo
 * answers with `application/json` for certain, else the header itself. Answers to
 * different keys are never shared.
 */
export function answerMediaKey(accept: string | undefined): string {
  return PLAIN_ACCEPTS.has(accept) ? "json" : (accept ?? "");
}

export function etagOf(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

function encode(answer: { body: string; etag: string; contentType: string; cacheControl: string }): string {
  return `${ENVELOPE}\n${answer.etag}\n${answer.contentType}\n${answer.cacheControl}\n${answer.body}`;
}

/** The answer an envelope holds; null for anything else (an entry of an older format is a miss, not an error). */
function decode(stored: string): CachedAnswer | null {
  const lines: number[] = [];
  let at = -1;
  while (lines.length < 4) {
    at = stored.indexOf("\n", at + 1);
    if (at < 0) return null;
    lines.push(at);
  }
  if (stored.slice(0, lines[0]) !== ENVELOPE) return null;
  return {
    etag: stored.slice(lines[0] + 1, lines[1]),
    contentType: stored.slice(lines[1] + 1, lines[2]),
    cacheControl: stored.slice(lines[2] + 1, lines[3]),
    body: Buffer.from(stored.slice(lines[3] + 1)),
  };
}

/**
 * Public answers kept in the shared state (this process's memory, or Redis for
 * every replica), under keys that carry the cache's generation: a committed write
 * sets a new generation, so no replica answers from an older one. The shared state
 * stays the authority (its TTL, its invalidation); this process only remembers what
 * it last decoded for a stored value, and reuses it while the shared state holds
 * the very same text.
 */
export class ResponseCache {
  private readonly decoded = new LRUCache<string, { stored: string; answer: CachedAnswer }>({
    maxSize: DECODED_MAX_BYTES,
    sizeCalculation: ({ stored }, key) => stored.length * 2 + key.length,
  });

  /** Keys of recent questions: a partner site repeats a few, and a repeat should cost no second hash. */
  private readonly keys = new LRUCache<string, string>({ max: 1000 });

  constructor(
    private readonly shared: SharedState,
    private readonly maxAgeSeconds: number,
  ) {}

  /** The key of a question's answer under the current generation. */
  async keyOf(question: Question): Promise<string> {
    const generation = (await this.shared.get(GENERATION_KEY)) ?? "0";
    const material = JSON.stringify([
      question.document,
      question.operationName,
      question.variables,
      question.lang,
      question.today,
      question.media,
      generation,
    ]);
    let key = this.keys.get(material);
    if (key === undefined) {
      key = `rc:${createHash("sha256").update(material).digest("base64url")}`;
      this.keys.set(material, key);
    }
    return key;
  }

  async get(key: string): Promise<CachedAnswer | null> {
    const stored = await this.shared.get(key);
    if (stored === null) return null;
    const known = this.decoded.get(key);
    if (known?.stored === stored) return known.answer;
    const answer = decode(stored);
    if (answer) this.decoded.set(key, { stored, answer });
    return answer;
  }

  async set(key: string, answer: { body: string; etag: string; contentType: string; cacheControl: string }): Promise<void> {
    await this.shared.set(key, encode(answer), this.maxAgeSeconds, KEPT_ANSWERS);
  }

  /** Forgets every kept answer, on every replica sharing the state: called after each committed write. */
  async invalidate(): Promise<void> {
    this.decoded.clear();
    await this.shared.set(GENERATION_KEY, randomUUID(), GENERATION_TTL_SECONDS);
  }
}

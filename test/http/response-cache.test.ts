import { describe, expect, it } from "vitest";
import { ResponseCache, etagOf } from "../../src/http/response-cache";
import { MemoryState } from "../../src/http/shared-state";

const question = { document: "{ about { name } }", operationName: null, variables: "null", lang: "en", today: "2026-11-28", media: "json" };
const answer = (body: string) => ({
  body,
  etag: etagOf(body),
  contentType: "application/json; charset=utf-8",
  cacheControl: "public, max-age=60",
});

describe("the response cache", () => {
  it("gives back the body's bytes and its headers as kept", async () => {
    const cache = new ResponseCache(new MemoryState(), 60);
    const key = await cache.keyOf(question);
    expect(await cache.get(key)).toBeNull();
    // A body with line breaks and non-ASCII text: the envelope's header lines must not cut into it.
    const body = '{"data":{"about":{"name":"동북아\\n自治体"}}}\n';
    await cache.set(key, answer(body));
    const hit = await cache.get(key);
    expect(hit?.body.toString("utf8")).toBe(body);
    expect(hit).toMatchObject({ etag: etagOf(body), contentType: "application/json; charset=utf-8", cacheControl: "public, max-age=60" });
  });

  it("tells questions apart by document, operation, variables, language, day and media type", async () => {
    const cache = new ResponseCache(new MemoryState(), 60);
    const keys = await Promise.all([
      cache.keyOf(question),
      cache.keyOf({ ...question, document: "{ about { version } }" }),
      cache.keyOf({ ...question, operationName: "About" }),
      cache.keyOf({ ...question, variables: '{"lang":"ko"}' }),
      cache.keyOf({ ...question, lang: "ko" }),
      cache.keyOf({ ...question, today: "2026-11-29" }),
      cache.keyOf({ ...question, media: "application/graphql-response+json" }),
    ]);
    expect(new Set(keys).size).toBe(keys.length);
    expect(await cache.keyOf({ ...question })).toBe(keys[0]);
  });

  it("answers nothing kept before a write, on this replica and on another sharing the state", async () => {
    const shared = new MemoryState();
    const writer = new ResponseCache(shared, 60);
    const other = new ResponseCache(shared, 60);
    const key = await other.keyOf(question);
    await other.set(key, answer('{"data":1}'));
    expect(await other.get(key)).not.toBeNull();
    await writer.invalidate();
    const after = await other.keyOf(question);
    expect(after).not.toBe(key);
    expect(await other.get(after)).toBeNull();
  });

  it("reuses what it decoded only while the shared state holds the same text", async () => {
    const shared = new MemoryState();
    const cache = new ResponseCache(shared, 60);
    const key = await cache.keyOf(question);
    await cache.set(key, answer('{"data":1}'));
    const first = await cache.get(key);
    expect(await cache.get(key)).toBe(first);
    // Another replica keeps a newer answer under the same key: this one must not serve its older decoding.
    await new ResponseCache(shared, 60).set(key, answer('{"data":2}'));
    expect((await cache.get(key))?.body.toString()).toBe('{"data":2}');
    await shared.delete(key);
    expect(await cache.get(key)).toBeNull();
  });

  it("takes a value it cannot read (an older format, another program's) as a miss", async () => {
    const shared = new MemoryState();
    const cache = new ResponseCache(shared, 60);
    const key = await cache.keyOf(question);
    await shared.set(key, JSON.stringify({ body: "{}", etag: '"x"' }), 60);
    expect(await cache.get(key)).toBeNull();
  });
});

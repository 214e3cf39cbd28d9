import { describe, expect, it } from "vitest";
import { parseLiveEvent, passesFilter } from "../../src/core/live-event";
import type { LiveChange, LiveFilter } from "../../src/core/live-event";

const ANY: LiveFilter = { countries: null, governmentIds: null, committeeIds: null };
/** Government 7 is Korean, 9 Japanese; the lookup knows no other. */
const COUNTRY_OF: Record<number, string> = { 7: "KR", 9: "JP" };

describe("passesFilter: the one rule subscriptions and webhooks match a change by", () => {
  const cases: [string, Partial<LiveFilter>, Omit<LiveChange, "kind">, boolean][] = [
    ["no list set: any change", {}, { meetingId: 1 }, true],
    ["a government listed", { governmentIds: [7, 9] }, { governmentId: 9 }, true],
    ["a government not listed", { governmentIds: [7] }, { governmentId: 9 }, false],
    ["a government list, a change naming none", { governmentIds: [7] }, { committeeId: 3 }, false],
    ["a committee listed", { committeeIds: [3] }, { committeeId: 3, meetingId: 1 }, true],
    ["a committee list, a meeting of no committee", { committeeIds: [3] }, { meetingId: 1 }, false],
    ["the change's own country", { countries: ["KR"] }, { governmentId: 9, countryCode: "KR" }, true],
    ["the country looked up from the government", { countries: ["JP"] }, { governmentId: 9 }, true],
    ["another country", { countries: ["KR"] }, { governmentId: 9 }, false],
    ["a government the lookup does not know", { countries: ["KR"] }, { governmentId: 11 }, false],
    ["a country list, a change naming no government", { countries: ["KR"] }, { committeeId: 3 }, false],
    ["every list must pass", { countries: ["KR"], governmentIds: [9] }, { governmentId: 9 }, false],
  ];
  it.each(cases)("%s", async (_, filter, change, expected) => {
    expect(await passesFilter({ ...ANY, ...filter }, change, (id) => COUNTRY_OF[id])).toBe(expected);
  });

  it("awaits a lookup that answers later (a loader)", async () => {
    expect(await passesFilter({ ...ANY, countries: ["JP"] }, { governmentId: 9 }, async (id) => COUNTRY_OF[id])).toBe(true);
  });

  it("looks up no country when the change carries one or no list asks", async () => {
    const asked: number[] = [];
    const lookup = (id: number) => {
      asked.push(id);
      return COUNTRY_OF[id];
    };
    await passesFilter({ ...ANY, countries: ["KR"] }, { governmentId: 7, countryCode: "KR" }, lookup);
    await passesFilter(ANY, { governmentId: 7 }, lookup);
    expect(asked).toEqual([]);
  });
});

describe("parseLiveEvent", () => {
  it("reads an event another replica sent, and refuses what is not one", () => {
    const event = { kind: "meetingRecorded", id: "e1", operation: "recordMeeting", recordedAt: "2026-12-07T00:00:00.000Z", meetingId: 4 };
    expect(parseLiveEvent(JSON.stringify(event))).toEqual(event);
    expect(parseLiveEvent(JSON.stringify({ ...event, kind: "somethingElse" }))).toBeNull();
    expect(parseLiveEvent("{not json")).toBeNull();
  });
});

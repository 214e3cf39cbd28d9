import { describe, expect, it } from "vitest";
import { todayUtc } from "../../src/core/dates";

describe("todayUtc", () => {
  it("is the UTC day of the instant, whichever day was asked before (it remembers only the last)", () => {
    const cases: [string, string][] = [
      ["2020-12-31T23:59:59.999Z", "2020-12-31"],
      ["2021-01-01T00:00:00.000Z", "2021-01-01"],
      ["2021-01-01T15:00:00.000+09:00", "2021-01-01"],
      ["2021-01-01T08:59:59.999+09:00", "2020-12-31"],
      ["2020-12-31T12:00:00.000Z", "2020-12-31"],
      ["1969-12-31T23:00:00.000Z", "1969-12-31"],
    ];
    for (const [instant, day] of cases) expect(todayUtc(new Date(instant))).toBe(day);
  });

  it("refuses an invalid date as toISOString does", () => {
    expect(() => todayUtc(new Date(Number.NaN))).toThrow(RangeError);
  });
});

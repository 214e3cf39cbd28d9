import { describe, expect, it } from "vitest";
import { parseIsoDate, todayUtc } from "../../src/core/dates";

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

describe("parseIsoDate", () => {
  it.each([
    ["2020-12-31", true],
    ["2020-02-29", true],
    ["2019-02-29", false],
    ["1900-02-29", false],
    ["2000-02-29", true],
    ["2021-04-31", false],
    ["2021-00-10", false],
    ["2021-13-01", false],
    ["2021-01-00", false],
    ["0000-01-01", true],
    ["2021-1-01", false],
    ["2021-01-1", false],
    ["20210101", false],
    ["2021/01/01", false],
    ["2021-01-01 ", false],
    [" 2021-01-01", false],
    ["2021-01-01\n", false],
    ["2021-0a-01", false],
    ["２０２１-01-01", false],
    ["2021-01-01T00:00:00Z", false],
    ["", false],
  ])("%j is a calendar day: %s", (value, valid) => {
    expect(parseIsoDate(value)).toBe(valid ? value : null);
  });
});

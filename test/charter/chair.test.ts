import { describe, expect, it } from "vitest";
import { chairOn } from "../../src/charter";
import type { AssemblySitting, ChairExtension } from "../../src/charter";

const sittings: AssemblySitting[] = [
  { number: 11, host: "ru-irkutsk", startsOn: "2016-09-01", endsOn: "2016-09-30", postponedOn: null },
  { number: 12, host: "cn-hunan", startsOn: "2018-10-01", endsOn: "2018-10-31", postponedOn: null },
  { number: 13, host: "ru-sakha", startsOn: "2020-10-01", endsOn: "2020-10-31", postponedOn: "2020-07-01" },
];
const extensions: ChairExtension[] = [{ government: "ru-sakha", from: "2020-07-01", until: null, decision: "2020 written consultation" }];

describe("the chair on a date (Charter Art. 7(1))", () => {
  it.each([
    ["Charter Art. 7(1)", "host of the next assembly", "2017-06-01", "cn-hunan", "HOST_OF_ASSEMBLY"],
    ["Charter Art. 7(1)", "until the last day of the assembly it hosts", "2018-10-31", "cn-hunan", "HOST_OF_ASSEMBLY"],
    ["Charter Art. 7(1)", "the day after, the next host", "2018-11-01", "ru-sakha", "HOST_OF_ASSEMBLY"],
    ["Charter Art. 7(1)", "a recorded extension keeps the chair after the postponement", "2020-12-31", "ru-sakha", "CHAIR_EXTENDED"],
    ["Charter Art. 7(1)", "and beyond the facts horizon, until the next assembly sits", "2026-11-25", "ru-sakha", "CHAIR_EXTENDED"],
  ] as const)("%s: %s", (_article, _case, day, government, code) => {
    const verdict = chairOn(sittings, extensions, day);
    expect([verdict.government, verdict.reasons.map((r) => r.code)]).toEqual([government, [code]]);
  });

  it("Charter Art. 7(1): an open extension ends with the next assembly that sits", () => {
    const held: AssemblySitting = { number: 14, host: "kr-gyeongbuk", startsOn: "2022-09-01", endsOn: "2022-09-02", postponedOn: null };
    expect(chairOn([...sittings, held], extensions, "2022-09-02").government).toBe("ru-sakha");
    expect(chairOn([...sittings, held], extensions, "2022-09-03").reasons[0].code).toBe("NO_ASSEMBLY_RECORDED");
  });
});

import { describe, expect, it } from "vitest";
import { filterYielding } from "../../src/core/loaders";

describe("filterYielding", () => {
  it("keeps what filter keeps, in order, and lets other work run while it goes through a long list", async () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    const seen: string[] = [];
    setImmediate(() => seen.push("other work"));
    const kept = await filterYielding(items, (item) => {
      if (item === 99) seen.push("last item");
      return item % 3 === 0;
    });
    expect(kept).toEqual(items.filter((item) => item % 3 === 0));
    expect(seen).toEqual(["other work", "last item"]);
  });
});

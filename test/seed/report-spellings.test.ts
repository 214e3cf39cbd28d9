import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTestHub } from "../support/hub";
import { REPO_ROOT } from "../support/paths";

const report = readFileSync(join(REPO_ROOT, "seeds", "near-2020", "report-2020.zh.txt"), "utf8");
const lines = report.split("\n").map((line) => line.trim());

/** The governments of the report's ambassadors' table ("委任顺序 国家 会员地方政府 人数 委任时间"): a name and a head count per row. */
function ambassadorsTableNames(): string[] {
  const names = new Set<string>();
  let inTable = false;
  for (const line of lines) {
    if (line.startsWith("委任顺序 国家 会员地方政府")) inTable = true;
    else if (line.startsWith("合计")) inTable = false;
    else if (inTable) {
      const row = /^(?:(?:中国|日本|韩国|蒙古|俄罗斯)\s+)?([^\s\d.]+)\s+(\d+)$/.exec(line);
      if (row) names.add(row[1]);
    }
  }
  return [...names];
}

/** The governments of the report's head counts by government ("韩国忠清南道1人，全罗南道5人，济州道6人；…"). */
function headCountNames(): string[] {
  const text = lines.filter(Boolean).join("");
  const names = new Set<string>();
  for (const count of text.matchAll(
    /[，；、：]\s*(?:韩国|中国|日本|蒙古|俄罗斯)?([\u4e00-\u9fff]+?(?:省|道|县|市|州|区|共和国|边疆区))\d+人/g,
  ))
    names.add(count[1]);
  return [...names];
}

/**
 * Every spelling the Annual Report 2020's tables use for a government finds it through
 * search, whether it is the name the graph shows or another the report prints (济州道
 * for Jeju Special Self-Governing Province): a reader of the report looks for what it
 * reads there.
 */
describe("the report's spellings of governments are searchable", () => {
  const hub = useTestHub();
  const tables = { "the ambassadors' table": ambassadorsTableNames(), "the head counts by government": headCountNames() };

  it("reads the report's tables: 27 governments with ambassadors, 7 in a meeting's head count", () => {
    expect([tables["the ambassadors' table"].length, tables["the head counts by government"].length]).toEqual([27, 7]);
    expect(tables["the head counts by government"]).toContain("济州道");
  });

  for (const [table, names] of Object.entries(tables)) {
    it(`finds every government of ${table} by the report's spelling, and only it`, async () => {
      const found: Record<string, string[]> = {};
      for (const name of names) {
        const result = await hub.run<{ governments: { nodes: { slug: string }[] } }>(
          `query ($name: String!) { governments(first: 5, filter: { search: $name }) { nodes { slug } } }`,
          { name },
        );
        expect(result.errors).toBeUndefined();
        found[name] = result.data!.governments.nodes.map((g) => g.slug);
      }
      expect(Object.entries(found).filter(([, slugs]) => slugs.length !== 1)).toEqual([]);
    });
  }
});

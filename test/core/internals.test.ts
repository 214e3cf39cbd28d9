import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DataSource } from "typeorm";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, sourceFiles } from "../support/paths";

/** The `library` column of docs/internals.md: each internal's library and the version it was written against. */
function pinnedVersions(): Map<string, string> {
  const text = readFileSync(join(REPO_ROOT, "docs", "internals.md"), "utf8");
  const pinned = new Map<string, string>();
  for (const [, name, version] of text.matchAll(/^\|[^|]+\| `([^`]+)` (\S+) \|/gm)) pinned.set(name, version);
  return pinned;
}

function installedVersion(name: string): string {
  return (JSON.parse(readFileSync(join(REPO_ROOT, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
}

describe("other libraries' internals (docs/internals.md)", () => {
  it("each is listed against the version installed", () => {
    const pinned = pinnedVersions();
    expect([...pinned.keys()].sort()).toEqual(["pg", "type-graphql", "typeorm"]);
    for (const [name, version] of pinned) expect(`${name} ${installedVersion(name)}`).toBe(`${name} ${version}`);
  });

  it("TypeORM's expressionMap has the fields textKeyOf accounts for, and no other", () => {
    const map = new DataSource({ type: "postgres" }).createQueryBuilder().expressionMap;
    // Each is in the text's key, required at its default, or has no part in a SELECT's text
    // (src/core/reads/statement-text.ts, textKeyOf). A new one: decide which, then add it here.
    expect(Object.keys(map).sort()).toEqual([
      "aliasNamePrefixingEnabled",
      "aliases",
      "callListeners",
      "commonTableExpressions",
      "dataSource",
      "disableEscaping",
      "enableRelationIdValues",
      "extraAppendedAndWhereCondition",
      "extraReturningColumns",
      "groupBys",
      "havings",
      "insertColumns",
      "joinAttributes",
      "locallyGenerated",
      "maxExecutionTime",
      "onIgnore",
      "options",
      "orderBys",
      "parameters",
      "queryEntity",
      "queryType",
      "relationIdAttributes",
      "relationLoadStrategy",
      "selectDistinct",
      "selectDistinctOn",
      "selects",
      "subQuery",
      "timeTravel",
      "updateEntity",
      "useTransaction",
      "whereEntities",
      "wheres",
      "withDeleted",
    ]);
  });

  it("each name is found in src/ only in the file docs/internals.md lists for it", () => {
    const text = readFileSync(join(REPO_ROOT, "docs", "internals.md"), "utf8");
    for (const [name, file] of [
      ["expressionMap", "src/core/reads/statement-text.ts"],
      ["parsedStatements", "src/db/prepared-statements.ts"],
      ["databaseConnection", "src/db/request-scope.ts"],
    ] as const) {
      expect(text).toContain(`\`${file}\``);
      expect(filesMentioning(name)).toEqual([file]);
    }
    for (const name of ["TypeGraphQLMetadataStorage", "setFlagsFromString"]) expect(filesMentioning(name)).toEqual([]);
  });
});

/** The files under src/ whose text holds `name`, as paths from the repository's root. */
function filesMentioning(name: string): string[] {
  return sourceFiles()
    .filter(({ text }) => text.includes(name))
    .map(({ path }) => path);
}

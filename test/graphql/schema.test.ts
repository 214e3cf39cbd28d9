import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../support/paths";
import { printHubSchema } from "../../src/graphql/schema";

describe("schema/schema.graphql", () => {
  it("is the SDL the code builds (run `npm run schema:print` after changing the graph)", () => {
    const checkedIn = readFileSync(join(REPO_ROOT, "schema", "schema.graphql"), "utf8");
    expect(checkedIn).toBe(printHubSchema());
  });
});

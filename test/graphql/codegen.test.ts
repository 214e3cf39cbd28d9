import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { codegen } from "@graphql-codegen/core";
import * as typescriptPlugin from "@graphql-codegen/typescript";
import * as typescriptOperationsPlugin from "@graphql-codegen/typescript-operations";
import { buildSchema, isScalarType, isSpecifiedScalarType, parse } from "graphql";
import { REPO_ROOT } from "../support/paths";

/** The scalar mapping docs/partners.md gives partners, as written there. */
function documentedScalars(): Record<string, string> {
  const doc = readFileSync(join(REPO_ROOT, "docs", "partners.md"), "utf8");
  const block = /const scalars = \{([^}]*)\};/.exec(doc)?.[1] ?? "";
  return Object.fromEntries([...block.matchAll(/^\s*(\w+): "([^"]+)",/gm)].map(([, name, type]) => [name, type]));
}

/**
 * A partner generating types for its operations with docs/partners.md's scalar mapping
 * and `strictScalars` (a scalar left out fails the generation): the checked-in schema's
 * custom scalars are all mapped, and a day comes out as a string, not `unknown`.
 */
describe("typed operations with GraphQL Code Generator", () => {
  const text = readFileSync(join(REPO_ROOT, "schema", "schema.graphql"), "utf8");

  it("the documented mapping names every custom scalar of the schema", () => {
    const custom = Object.values(buildSchema(text).getTypeMap())
      .filter((type) => isScalarType(type) && !isSpecifiedScalarType(type))
      .map((type) => type.name)
      .sort();
    expect(Object.keys(documentedScalars()).sort()).toEqual(custom);
  });

  it("generates types with days and moments as strings", async () => {
    const output = await codegen({
      filename: "near.ts",
      schema: parse(text),
      documents: [
        {
          document: parse(`query Governor($slug: String!) {
            government(slug: $slug) { slug membership(asOf: "2020-12-31") { startedOn } }
            about { factsCompleteUntil }
          }`),
        },
      ],
      config: { scalars: documentedScalars(), strictScalars: true },
      plugins: [{ typescript: {} }, { typescriptOperations: {} }],
      pluginMap: { typescript: typescriptPlugin, typescriptOperations: typescriptOperationsPlugin },
    });
    expect(output).toContain("Date: { input: string; output: string; }");
    expect(output).toContain(
      "export type GovernorQuery = { government: { slug: string, membership: { startedOn: string | null } | null } | null, about: { factsCompleteUntil: string } };",
    );
  });
});

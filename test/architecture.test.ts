import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, sourceFiles } from "./support/paths";

/** Every relative import of every file under src/, resolved to a path from the repository root. */
function sourceImports(): { from: string; to: string }[] {
  return sourceFiles().flatMap(({ path, text }) =>
    [...text.matchAll(/from "(\.[^"]+)"/g)].map((match) => ({
      from: path,
      to: relative(REPO_ROOT, resolve(REPO_ROOT, dirname(path), match[1])),
    })),
  );
}

const moduleOf = (path: string) => /^src\/modules\/([^/]+)/.exec(path)?.[1] ?? null;
const layerOf = (path: string) => /^src\/([^/.]+)/.exec(path)?.[1] ?? null;

describe("the layers of docs/architecture.md", () => {
  const imports = sourceImports();

  it("nothing under src/ imports from outside it (dist/ runs alone)", () => {
    expect(imports.filter((i) => !i.to.startsWith("src/"))).toEqual([]);
  });

  it("charter/ imports nothing of the project; core/ imports no module, no http, no graphql", () => {
    expect(imports.filter((i) => layerOf(i.from) === "charter" && layerOf(i.to) !== "charter")).toEqual([]);
    expect(imports.filter((i) => layerOf(i.from) === "core" && !["core", "charter"].includes(layerOf(i.to) ?? ""))).toEqual([]);
  });

  it("modules import http and graphql never, and one another only through index.ts", () => {
    const fromModules = imports.filter((i) => moduleOf(i.from) !== null);
    expect(fromModules.filter((i) => ["http", "graphql", "db", "seed"].includes(layerOf(i.to) ?? ""))).toEqual([]);
    expect(fromModules.filter((i) => moduleOf(i.to) !== null && moduleOf(i.to) !== moduleOf(i.from) && i.to.split("/").length > 3)).toEqual(
      [],
    );
  });

  it("the modules form no cycle", () => {
    const edges = new Map<string, Set<string>>();
    for (const { from, to } of imports) {
      const [a, b] = [moduleOf(from), moduleOf(to)];
      if (a && b && a !== b) edges.set(a, (edges.get(a) ?? new Set()).add(b));
    }
    const cycles: string[] = [];
    const visit = (node: string, path: string[]) => {
      if (path.includes(node)) return void cycles.push([...path.slice(path.indexOf(node)), node].join(" → "));
      for (const next of edges.get(node) ?? []) visit(next, [...path, node]);
    };
    for (const node of edges.keys()) visit(node, []);
    expect(cycles).toEqual([]);
    expect(edges.size).toBeGreaterThan(5);
  });

  it("core/ forms no import cycle between its files", () => {
    const edges = new Map<string, Set<string>>();
    for (const { from, to } of imports) {
      if (layerOf(from) !== "core" || layerOf(to) !== "core") continue;
      edges.set(from, (edges.get(from) ?? new Set()).add(to.replace(/(\.ts)?$/, ".ts")));
    }
    const cycles: string[] = [];
    const visit = (node: string, path: string[]) => {
      if (path.includes(node)) return void cycles.push([...path.slice(path.indexOf(node)), node].join(" → "));
      if (path.length > 30) return;
      for (const next of edges.get(node) ?? []) visit(next, [...path, node]);
    };
    for (const node of edges.keys()) visit(node, []);
    expect(cycles).toEqual([]);
    expect(edges.size).toBeGreaterThan(10);
  });

  it("the modules import one another exactly as docs/architecture.md lists", () => {
    const actual = new Map<string, Set<string>>();
    for (const module of readdirSync(join(REPO_ROOT, "src", "modules"))) actual.set(module, new Set());
    for (const { from, to } of imports) {
      const [a, b] = [moduleOf(from), moduleOf(to)];
      if (a && b && a !== b) actual.get(a)!.add(b);
    }
    const doc = readFileSync(join(REPO_ROOT, "docs", "architecture.md"), "utf8");
    const listed = new Map<string, Set<string>>();
    for (const [, module, deps] of doc.matchAll(/^([a-z-]+) +←(.*)$/gm)) {
      listed.set(
        module,
        new Set(
          deps
            .split(",")
            .map((dep) => dep.trim())
            .filter(Boolean),
        ),
      );
    }
    const asText = (map: Map<string, Set<string>>) => [...map].map(([module, deps]) => `${module} ← ${[...deps].sort().join(", ")}`).sort();
    expect(asText(listed)).toEqual(asText(actual));
  });

  it("only the files docs/architecture.md names hold a DataSource", () => {
    const holders = sourceFiles()
      .filter(({ text }) => /import (type )?\{[^}]*\bDataSource\b[^}]*\} from "typeorm"/.test(text))
      .map(({ path }) => path);
    const doc = readFileSync(join(REPO_ROOT, "docs", "architecture.md"), "utf8");
    const listed = /<!-- datasource-holders: ([^>]*) -->/.exec(doc)?.[1].trim().split(/\s+/).sort();
    expect(holders).toEqual(listed);
  });

  it("the code that exists only for speed is the files docs/architecture.md names, within its budget", () => {
    const doc = readFileSync(join(REPO_ROOT, "docs", "architecture.md"), "utf8");
    const [, budget, files] = /<!-- perf-only \(budget (\d+)\): ([^>]*) -->/.exec(doc) ?? [];
    const texts = new Map(sourceFiles().map(({ path, text }) => [path, text]));
    const listed = files.trim().split(/\s+/);
    expect(listed.filter((path) => !texts.has(path))).toEqual([]);
    const codeLines = (text: string) => text.split("\n").filter((line) => !/^\s*($|\/\/|\/\*|\*)/.test(line)).length;
    const total = listed.reduce((sum, path) => sum + codeLines(texts.get(path)!), 0);
    expect(total).toBeLessThanOrEqual(Number(budget));
    expect(doc).toContain(`${total.toLocaleString("en")} now`);
  });
});

describe("the PostgreSQL pass", () => {
  it("leaves out only files that never open the database the suite was given", () => {
    const config = readFileSync(join(REPO_ROOT, "vitest.config.mts"), "utf8");
    const listed = [...(/OWN_DATABASE_TESTS = \[([^\]]*)\]/.exec(config)?.[1] ?? "").matchAll(/"([^"]+)"/g)].map((match) => match[1]);
    expect(listed.length).toBeGreaterThan(0);
    // What opens the suite's database (PGlite image or TEST_DATABASE_URL): a file using any of these runs on both.
    const opensIt = /useTestHub|openTestDatabase|live-backend|TEST_DATABASE_URL|global-setup/;
    expect(listed.filter((path) => opensIt.test(readFileSync(join(REPO_ROOT, path), "utf8")))).toEqual([]);
  });
});

import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { serveAssets } from "./assets";
import type { Asset } from "./assets";

/**
 * The explorer's page may load and call only the hub itself, and no one may frame it.
 * GraphiQL sets element styles from script, hence `'unsafe-inline'` for styles only.
 */
export const GRAPHIQL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/** The explorer's own files: `src/http/graphiql/`, copied beside `dist/src/http/` by the build. */
const OWN_FILES = join(__dirname, "graphiql");

export interface GraphiQLExample {
  /** The file's name without its extension, e.g. `1-member-directory`. */
  name: string;
  query: string;
}

/** The preloaded tabs: one `.graphql` file each, in file-name order (a test validates them against the schema). */
export function graphiqlExamples(): GraphiQLExample[] {
  const dir = join(OWN_FILES, "examples");
  return readdirSync(dir)
    .filter((file) => file.endsWith(".graphql"))
    .sort()
    .map((file) => ({ name: file.replace(/\.graphql$/, ""), query: readFileSync(join(dir, file), "utf8").trimEnd() }));
}

/**
 * GraphiQL 3.9 and React 18 ship UMD files, served from the installed packages as
 * they are (found through module resolution, so a build run from `dist/` finds them
 * too): no bundling step, no CDN.
 */
function assets(): Record<string, Asset> {
  const file = (path: string, type: string): Asset => ({ body: readFileSync(path), type });
  // The packages do not export these files: find each package by its manifest, which they do export.
  const inPackage = (name: string, path: string) => join(dirname(require.resolve(`${name}/package.json`)), path);
  const examples = `var NEAR_EXAMPLES = ${JSON.stringify(graphiqlExamples())};\n`;
  return {
    "graphiql.min.js": file(inPackage("graphiql", "graphiql.min.js"), "text/javascript"),
    "graphiql.min.css": file(inPackage("graphiql", "graphiql.min.css"), "text/css"),
    "react.production.min.js": file(inPackage("react", "umd/react.production.min.js"), "text/javascript"),
    "react-dom.production.min.js": file(inPackage("react-dom", "umd/react-dom.production.min.js"), "text/javascript"),
    "explorer.js": file(join(OWN_FILES, "explorer.js"), "text/javascript"),
    "explorer.css": file(join(OWN_FILES, "explorer.css"), "text/css"),
    "examples.js": { body: Buffer.from(examples), type: "text/javascript" },
  };
}

/** A browser asking for a page (not a GraphQL client asking for JSON) gets GraphiQL. */
export function wantsGraphiQL(request: FastifyRequest): boolean {
  const query = request.query as Record<string, unknown> | undefined;
  if (query && typeof query["query"] === "string") return false;
  return (request.headers.accept ?? "").includes("text/html");
}

/** Reads every file once at start-up: a missing asset fails the start, not a browser later. */
export function registerGraphiQL(app: FastifyInstance): { page: string } {
  const files = assets();
  const page = readFileSync(join(OWN_FILES, "index.html"), "utf8");

  serveAssets(app, "/graphiql/assets", files);
  return { page };
}

import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { projectRoot } from "../core/paths";

interface Asset {
  file: string;
  type: string;
}

/** GraphiQL and React ship as UMD files in node_modules: served as they are, no build step, no CDN. */
function assets(root: string): Record<string, Asset> {
  const modules = join(root, "node_modules");
  const own = join(root, "src", "http", "graphiql");
  return {
    "graphiql.min.js": { file: join(modules, "graphiql", "graphiql.min.js"), type: "text/javascript" },
    "graphiql.min.css": { file: join(modules, "graphiql", "graphiql.min.css"), type: "text/css" },
    "react.production.min.js": { file: join(modules, "react", "umd", "react.production.min.js"), type: "text/javascript" },
    "react-dom.production.min.js": { file: join(modules, "react-dom", "umd", "react-dom.production.min.js"), type: "text/javascript" },
    "explorer.js": { file: join(own, "explorer.js"), type: "text/javascript" },
    "explorer.css": { file: join(own, "explorer.css"), type: "text/css" },
    "examples.js": { file: join(own, "examples.js"), type: "text/javascript" },
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
  const root = projectRoot();
  const files = Object.fromEntries(
    Object.entries(assets(root)).map(([name, asset]) => [name, { body: readFileSync(asset.file), type: asset.type }]),
  );
  const page = readFileSync(join(root, "src", "http", "graphiql", "index.html"), "utf8");

  app.get<{ Params: { name: string } }>("/graphiql/assets/:name", async (request, reply) => {
    const asset = files[request.params.name];
    if (!asset) return reply.code(404).type("text/plain").send("Not found");
    return reply.type(asset.type).header("cache-control", "public, max-age=3600").send(asset.body);
  });
  return { page };
}

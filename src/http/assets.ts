import type { FastifyInstance } from "fastify";

/** A file the hub serves as it is: read once at start-up. */
export interface Asset {
  body: Buffer;
  type: string;
}

/**
 * Serves `files` under `<prefix>/:name`, kept an hour by browsers. A name is looked up
 * among the files given and nothing else (`constructor`, `__proto__` and `toString`
 * name no file): anything else is 404.
 */
export function serveAssets(app: FastifyInstance, prefix: string, files: Record<string, Asset>): void {
  const byName = new Map(Object.entries(files));
  app.get<{ Params: { name: string } }>(`${prefix}/:name`, async (request, reply) => {
    const asset = byName.get(request.params.name);
    if (!asset) return reply.code(404).type("text/plain; charset=utf-8").send("Not found");
    return reply.type(asset.type).header("cache-control", "public, max-age=3600").send(asset.body);
  });
}

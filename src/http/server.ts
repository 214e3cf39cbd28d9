import { randomUUID } from "node:crypto";
import Fastify from "fastify";
import type { FastifyBaseLogger, FastifyInstance, FastifyReply } from "fastify";
import { fastifyApolloHandler } from "@as-integrations/fastify";
import type { DataSource } from "typeorm";
import type { IsoDate } from "../core/dates";
import { createApolloServer } from "../graphql/apollo";
import { createRequestContext } from "../graphql/context";
import { registerGraphiQL, wantsGraphiQL } from "./graphiql";

export interface ServerOptions {
  dataSource: DataSource;
  /** The process's logger (pino): request logs carry the request id. */
  logger: FastifyBaseLogger;
  /** The facts horizon, read at start-up (see main). */
  factsCompleteUntil: () => IsoDate;
  /** Fixes "today" for tests; the real clock otherwise. */
  now?: () => Date;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * The hub's HTTP server: GraphQL (GET and POST) and GraphiQL at /graphql, GraphiQL
 * at /, health at /healthz and /readyz. Routes are added here as the hub grows.
 */
export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.logger,
    // Keep a caller's request id (from a load balancer or a client) so logs join up.
    genReqId: (request) => {
      const given = request.headers["x-request-id"];
      return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
    },
    return503OnClosing: true,
  });
  app.addHook("onSend", async (request, reply) => {
    void reply.header("x-request-id", request.id);
  });

  const apollo = createApolloServer({ logger: app.log, factsCompleteUntil: options.factsCompleteUntil });
  await apollo.start();
  // fastify.close() stops accepting and lets in-flight requests finish; only then is
  // Apollo stopped. (Apollo's fastify drain plugin would call fastify.close() from
  // inside this hook and wait on itself.)
  app.addHook("onClose", async () => {
    await apollo.stop();
  });

  const graphql = fastifyApolloHandler(apollo, {
    context: async (request) =>
      createRequestContext({
        em: options.dataSource.manager,
        acceptLanguage: request.headers["accept-language"],
        requestId: request.id,
        ...(options.now ? { now: options.now() } : {}),
      }),
  });
  const { page } = registerGraphiQL(app);
  const sendPage = (reply: FastifyReply) => reply.type("text/html; charset=utf-8").send(page);

  app.get("/", async (_request, reply) => sendPage(reply));
  app.get("/graphql", async (request, reply) => (wantsGraphiQL(request) ? sendPage(reply) : graphql.call(app, request, reply)));
  app.post("/graphql", graphql);

  app.get("/healthz", async () => ({ status: "ok" }));
  app.get("/readyz", async (_request, reply) => {
    try {
      await options.dataSource.query("SELECT 1");
      const pending = await options.dataSource.showMigrations();
      if (pending) return reply.code(503).send({ status: "not ready", reason: "migrations pending" });
      return { status: "ready" };
    } catch (error) {
      app.log.warn({ err: error }, "readiness check failed");
      return reply.code(503).send({ status: "not ready", reason: "database unreachable" });
    }
  });
  return app;
}

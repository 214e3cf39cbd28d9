import { chmodSync, rmSync } from "node:fs";
import Fastify, { LogController } from "fastify";
import type { FastifyBaseLogger, FastifyInstance } from "fastify";
import type { DataSource } from "typeorm";
import { InputError, NotFoundError } from "../core/errors";
import { toGlobalId } from "../core/node";
import { StorageFullError, storageGuardOf } from "../core/storage-guard";
import { backgroundScope, scopedSource } from "../core/scoped-source";
import { writeGateOf } from "../core/write-gate";
import { snapshotOf } from "../db/embedded/snapshot";
import { KEY_ROLES, createApiKey, listApiKeys, revokeApiKey } from "../modules/access";
import { isOneOf } from "../core/enums";
import { AuditEntry } from "../modules/access";

/**
 * The running hub's door for the CLIs on the same machine (`npm run keys`,
 * `npm run backup`): HTTP on a Unix socket beside the data folder, readable by the
 * folder's owner only (mode 0600), so it grants what opening the folder would and no
 * more. Only the process that owns the folder serves it (src/db/embedded/folder-lock.ts).
 * Key writes go in one transaction with an audit entry, as the GraphQL mutations do.
 */
export async function serveAdminSocket(options: {
  path: string;
  dataSource: DataSource;
  logger: FastifyBaseLogger;
  dumpDatabase: () => Promise<Uint8Array>;
}): Promise<FastifyInstance> {
  const { dataSource } = options;
  const app = Fastify({ loggerInstance: options.logger, logController: new LogController({ disableRequestLogging: true }) });
  const actor = (request: { headers: Record<string, string | string[] | undefined> }) => {
    const pid = request.headers["x-cli-pid"];
    return `npm run keys (data folder owner, pid ${typeof pid === "string" ? pid : "?"})`;
  };

  /** A write as one transaction with its audit entry, alone (the write gate), as runMutation runs one. */
  const audited = async <T>(
    operation: string,
    label: string,
    write: (em: DataSource["manager"]) => Promise<{ result: T; targets: string[]; after: unknown }>,
  ) => {
    storageGuardOf(dataSource)?.assertRoom();
    const em = scopedSource(dataSource, backgroundScope()).manager;
    return writeGateOf(dataSource).exclusive(em, () =>
      em.transaction(async (tx) => {
        await tx.query("SELECT near_start_recording()");
        const written = await write(tx);
        await tx.getRepository(AuditEntry).insert({
          actorLabel: label,
          actorRole: "ADMIN",
          // No key: the folder's owner at the console.
          actorKeyId: 0,
          operation,
          targetIds: written.targets,
          input: {},
          after: JSON.parse(JSON.stringify(written.after)) as object,
          requestId: `admin-socket-${process.pid}`,
        });
        return written.result;
      }),
    );
  };

  app.get("/keys", async () => listApiKeys(dataSource.manager));
  app.post("/keys", async (request, reply) => {
    const body = (request.body ?? {}) as { role?: string; label?: string; expiresAt?: string | null };
    const role = body.role;
    if (!isOneOf(KEY_ROLES, role)) return reply.code(400).send({ error: `--role must be one of ${KEY_ROLES.join(", ")}` });
    try {
      return await audited("createApiKey", actor(request), async (em) => {
        const { key, secret } = await createApiKey(em, {
          role,
          label: body.label ?? "",
          expiresAt: body.expiresAt ? new Date(body.expiresAt) : null,
        });
        const { secretHash: _hash, ...shown } = key;
        return { result: { key: shown, secret }, targets: [toGlobalId("ApiKey", key.id)], after: { key: shown } };
      });
    } catch (error) {
      // The CLI's own mistakes come back to it; a fault stays a fault (500, logged).
      if (error instanceof InputError) return reply.code(400).send({ error: error.message });
      if (error instanceof StorageFullError) return reply.code(503).send({ error: error.message });
      throw error;
    }
  });
  app.post("/keys/:id/revoke", async (request, reply) => {
    const id = Number((request.params as { id: string }).id);
    if (!Number.isSafeInteger(id) || id < 1) return reply.code(400).send({ error: "a key's id is a number above 0 (see `keys list`)" });
    try {
      await audited("revokeApiKey", actor(request), async (em) => {
        // Nothing revoked: the transaction rolls back, audit entry and all.
        if (!(await revokeApiKey(em, id))) throw new NotFoundError(`no active key ${id} (see \`keys list\`)`);
        return { result: true, targets: [toGlobalId("ApiKey", id)], after: { revoked: id } };
      });
      return { revoked: id };
    } catch (error) {
      if (error instanceof NotFoundError) return reply.code(404).send({ error: error.message });
      if (error instanceof StorageFullError) return reply.code(503).send({ error: error.message });
      throw error;
    }
  });
  app.get("/backup", async (_request, reply) => {
    const snapshot = await snapshotOf(dataSource, options.dumpDatabase);
    return reply.type("application/octet-stream").send(Buffer.from(snapshot));
  });

  // The owner of the folder's lock may remove a socket a killed hub left behind.
  rmSync(options.path, { force: true });
  await app.listen({ path: options.path });
  chmodSync(options.path, 0o600);
  return app;
}

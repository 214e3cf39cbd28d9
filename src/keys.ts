/**
 * `npm run keys -- <command>`: API keys for the hub, on the database the hub uses
 * (DATA_DIR or DATABASE_URL, as for `npm start`). On an embedded folder a running hub
 * owns, the hub does it (its admin socket), so a new key works at once.
 *
 *   keys create --role SECRETARIAT --label "Secretariat: Kim" [--expires 2027-12-31]
 *   keys list
 *   keys revoke <id>
 *
 * A key's secret is printed once, by `create`; the hub keeps only its hash.
 */
import "reflect-metadata";
import { parseArgs } from "node:util";
import { InputError } from "./core/errors";
import { ConfigError, loadConfig } from "./config";
import { createDataSource } from "./db/data-source";
import { migrate, openDatabase } from "./db/startup";
import { StartupError } from "./db/startup-error";
import { askRunningHub } from "./db/embedded/admin-client";
import { folderOwner, lockDataFolder } from "./db/embedded/folder-lock";
import { KEY_ROLES, createApiKey, listApiKeys, revokeApiKey } from "./modules/access";
import { isOneOf } from "./core/enums";
import type { KeyRole } from "./modules/access";

const USAGE = `usage:
  npm run keys -- create --role ${KEY_ROLES.join("|")} --label "<whose key>" [--expires YYYY-MM-DD]
  npm run keys -- list
  npm run keys -- revoke <id>
The database is the hub's: DATA_DIR (default ./data) or DATABASE_URL.`;

class UsageError extends Error {}

function parseExpiry(raw: string | undefined): Date | null {
  if (raw === undefined) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(`${raw}T00:00:00Z`))) {
    throw new UsageError(`--expires must be a date YYYY-MM-DD, got "${raw}"`);
  }
  return new Date(`${raw}T00:00:00Z`);
}

function printCreated(key: { id: number; role: string; label: string; expiresAt: Date | string | null }, secret: string): void {
  const expires = key.expiresAt ? `, expires ${new Date(key.expiresAt).toISOString().slice(0, 10)}` : "";
  console.log(`Created key ${key.id} (${key.role}, "${key.label}"${expires}).`);
  console.log("Its secret, shown this once (the hub keeps only a hash):");
  console.log(secret);
  console.log(`Send it as: Authorization: Bearer ${secret.slice(0, 10)}…`);
}

interface ListedKey {
  id: number;
  role: string;
  label: string;
  prefix: string;
  lastUsedAt: Date | string | null;
  expiresAt: Date | string | null;
  revokedAt: Date | string | null;
}

function printList(keys: readonly ListedKey[]): void {
  if (keys.length === 0) console.log('No API keys yet. Make one with: npm run keys -- create --role SECRETARIAT --label "…"');
  const iso = (value: Date | string) => new Date(value).toISOString();
  for (const key of keys) {
    const state = key.revokedAt
      ? `revoked ${iso(key.revokedAt)}`
      : key.expiresAt && new Date(key.expiresAt) <= new Date()
        ? "expired"
        : "active";
    const used = key.lastUsedAt ? `last used ${iso(key.lastUsedAt)}` : "never used";
    console.log(`${String(key.id).padStart(4)}  ${key.role.padEnd(11)}  ${key.prefix}…  ${state.padEnd(33)}  ${used}  "${key.label}"`);
  }
}

interface Command {
  name: "create" | "list" | "revoke";
  role?: KeyRole;
  label?: string;
  expiresAt?: Date | null;
  id?: number;
}

function commandOf(positionals: string[], values: { role?: string; label?: string; expires?: string }): Command {
  const [name, ...rest] = positionals;
  if (name === "create") {
    const role = values.role?.toUpperCase();
    if (!isOneOf(KEY_ROLES, role)) throw new UsageError(`--role must be one of ${KEY_ROLES.join(", ")}`);
    if (!values.label) throw new UsageError(`--label is required: say whose key it is`);
    return { name, role, label: values.label, expiresAt: parseExpiry(values.expires) };
  }
  if (name === "list") return { name };
  if (name === "revoke") {
    const id = Number(rest[0]);
    if (!Number.isInteger(id) || id <= 0) throw new UsageError("revoke needs the key's id (see `keys list`)");
    return { name, id };
  }
  throw new UsageError(`unknown command "${String(name)}"`);
}

/** The hub owns the folder: it makes, lists and revokes the keys (src/http/admin-socket.ts), so they work at once. */
async function throughRunningHub(socket: string, command: Command): Promise<void> {
  const fail = (answer: { status: number; body: Buffer }) => {
    if (answer.status === 503)
      throw new UsageError((JSON.parse(answer.body.toString()) as { error?: string }).error ?? "the hub is unavailable");
    if (answer.status >= 500) throw new Error(`the running hub failed (HTTP ${answer.status}): see its log`);
    throw new UsageError((JSON.parse(answer.body.toString()) as { error?: string }).error ?? "the running hub refused");
  };
  if (command.name === "create") {
    const answer = await askRunningHub(socket, "POST", "/keys", {
      role: command.role,
      label: command.label,
      expiresAt: command.expiresAt?.toISOString() ?? null,
    });
    if (answer.status !== 200) fail(answer);
    const { key, secret } = JSON.parse(answer.body.toString()) as { key: ListedKey; secret: string };
    printCreated(key, secret);
    console.log("Made by the running hub: it works from now on, no restart.");
  } else if (command.name === "list") {
    const answer = await askRunningHub(socket, "GET", "/keys");
    if (answer.status !== 200) fail(answer);
    printList(JSON.parse(answer.body.toString()) as ListedKey[]);
  } else {
    const answer = await askRunningHub(socket, "POST", `/keys/${command.id}/revoke`);
    if (answer.status !== 200) fail(answer);
    console.log(`Revoked key ${command.id}: every replica refuses it from its next request.`);
  }
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    strict: true,
    options: { role: { type: "string" }, label: { type: "string" }, expires: { type: "string" }, help: { type: "boolean" } },
  });
  if (values.help || positionals.length === 0) {
    console.log(USAGE);
    return;
  }
  const command = commandOf(positionals, values);
  const config = loadConfig(process.env, []);
  if (config.database.kind === "pglite" && config.database.dataDir !== null) {
    // A hub on the folder owns it: ask it. Anything else holding it (another CLI) refuses this one, naming the holder.
    const owner = folderOwner(config.database.dataDir);
    if (owner?.socket) return throughRunningHub(owner.socket, command);
    lockDataFolder(config.database.dataDir, "keys");
  }
  const dataSource = createDataSource(config.database);
  await openDatabase(dataSource, config.database.kind === "postgres" ? "DATABASE_URL" : "the embedded database");
  try {
    await migrate(dataSource);
    if (command.name === "create") {
      const { key, secret } = await createApiKey(dataSource.manager, {
        role: command.role!,
        label: command.label!,
        expiresAt: command.expiresAt ?? null,
      });
      printCreated(key, secret);
    } else if (command.name === "list") {
      printList(await listApiKeys(dataSource.manager));
    } else {
      if (!(await revokeApiKey(dataSource.manager, command.id!))) throw new UsageError(`no active key ${command.id} (see \`keys list\`)`);
      console.log(`Revoked key ${command.id}: every replica refuses it from its next request.`);
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  const known =
    error instanceof UsageError ||
    error instanceof InputError ||
    error instanceof ConfigError ||
    error instanceof StartupError ||
    (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
  console.error(`keys: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof UsageError) console.error(USAGE);
  if (!known && error instanceof Error && error.stack) console.error(error.stack);
  process.exit(1);
});

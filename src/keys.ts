/**
 * `npm run keys -- <command>`: API keys for the hub, on the database the hub uses
 * (DATA_DIR or DATABASE_URL, as for `npm start`).
 *
 *   keys create --role SECRETARIAT --label "Secretariat: Kim" [--expires 2027-12-31]
 *   keys list
 *   keys revoke <id>
 *
 * A key's secret is printed once, by `create`; the hub keeps only its hash.
 */
import "reflect-metadata";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "./config";
import { createDataSource } from "./db/data-source";
import { migrate, openDatabase } from "./db/startup";
import { StartupError } from "./db/startup-error";
import { KEY_ROLES, createApiKey, listApiKeys, revokeApiKey } from "./modules/access";
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

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    strict: true,
    options: { role: { type: "string" }, label: { type: "string" }, expires: { type: "string" }, help: { type: "boolean" } },
  });
  const [command, ...rest] = positionals;
  if (values.help || command === undefined) {
    console.log(USAGE);
    return;
  }
  if (!["create", "list", "revoke"].includes(command)) throw new UsageError(`unknown command "${command}"`);
  const config = loadConfig(process.env, []);
  const dataSource = createDataSource(config.database);
  await openDatabase(dataSource, config.database.kind === "postgres" ? "DATABASE_URL" : "the embedded database");
  try {
    await migrate(dataSource);
    if (command === "create") {
      const role = values.role?.toUpperCase();
      if (!role || !KEY_ROLES.includes(role as KeyRole)) throw new UsageError(`--role must be one of ${KEY_ROLES.join(", ")}`);
      if (!values.label) throw new UsageError(`--label is required: say whose key it is`);
      const { key, secret } = await createApiKey(dataSource.manager, {
        role: role as KeyRole,
        label: values.label,
        expiresAt: parseExpiry(values.expires),
      });
      console.log(
        `Created key ${key.id} (${key.role}, "${key.label}"${key.expiresAt ? `, expires ${key.expiresAt.toISOString().slice(0, 10)}` : ""}).`,
      );
      console.log("Its secret, shown this once (the hub keeps only a hash):");
      console.log(secret);
      console.log(`Send it as: Authorization: Bearer ${secret.slice(0, 10)}…`);
    } else if (command === "list") {
      const keys = await listApiKeys(dataSource.manager);
      if (keys.length === 0) console.log('No API keys yet. Make one with: npm run keys -- create --role SECRETARIAT --label "…"');
      for (const key of keys) {
        const state = key.revokedAt
          ? `revoked ${key.revokedAt.toISOString()}`
          : key.expiresAt && key.expiresAt <= new Date()
            ? "expired"
            : "active";
        const used = key.lastUsedAt ? `last used ${key.lastUsedAt.toISOString()}` : "never used";
        console.log(`${String(key.id).padStart(4)}  ${key.role.padEnd(11)}  ${key.prefix}…  ${state.padEnd(33)}  ${used}  "${key.label}"`);
      }
    } else {
      const id = Number(rest[0]);
      if (!Number.isInteger(id) || id <= 0) throw new UsageError("revoke needs the key's id (see `keys list`)");
      if (!(await revokeApiKey(dataSource.manager, id))) throw new UsageError(`no active key ${id} (see \`keys list\`)`);
      console.log(`Revoked key ${id}: every replica refuses it from its next request.`);
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  const known =
    error instanceof UsageError ||
    error instanceof ConfigError ||
    error instanceof StartupError ||
    (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
  console.error(`keys: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof UsageError) console.error(USAGE);
  if (!known && error instanceof Error && error.stack) console.error(error.stack);
  process.exit(1);
});

import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { RECORD_PAYMENT, paymentInput } from "../support/payment";
import { BUILT_MAIN, REPO_ROOT } from "../support/paths";
import { HubProcess } from "../support/process";
import { databaseUrl, freshDatabase } from "../support/services";
import type { ServiceDatabase } from "../support/services";

const BUILT_KEYS = join(REPO_ROOT, "dist", "src", "keys.js");

/**
 * A hub killed (SIGKILL) while a receiver holds a delivery's request unanswered: the
 * delivery was never acknowledged, so the hub started again sends it again, with the
 * same `webhook-id`, and records it delivered. On the embedded database the restarted
 * hub, its folder's one owner, frees the dead lease at start; on PostgreSQL it takes the
 * delivery once the lease (the timeout plus 5 s) has passed.
 */
describe.each([
  ["the embedded PGlite", "pglite"],
  ["PostgreSQL", "postgres"],
] as const)("a hub killed in the middle of a webhook delivery, on %s", (_name, kind) => {
  const dataDir = mkdtempSync(join(tmpdir(), "near-webhook-"));
  let database: ServiceDatabase | undefined;
  let where: Record<string, string> = { DATA_DIR: dataDir };
  const held: ServerResponse[] = [];
  const ids: string[] = [];
  let arrived: (() => void) | null = null;
  const receiver = createServer((request, response) => {
    ids.push(String(request.headers["webhook-id"]));
    request.resume();
    // The first attempt is held: the hub dies waiting for it. Later ones are acknowledged.
    if (ids.length === 1) held.push(response);
    else response.writeHead(200).end();
    arrived?.();
  });
  const attempts = async (count: number) => {
    while (ids.length < count) await new Promise<void>((resolve) => (arrived = resolve));
  };
  const hubs: HubProcess[] = [];

  afterAll(async () => {
    for (const hub of hubs) hub.kill("SIGKILL");
    await Promise.all(hubs.map((hub) => hub.exited));
    for (const response of held) response.destroy();
    receiver.close();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** An ADMIN key (it may record payments too), made before the hub starts, so the CLI opens the database itself. */
  async function makeKey(): Promise<string> {
    const cli = new HubProcess(process.execPath, [BUILT_KEYS, "create", "--role", "ADMIN", "--label", "webhook restart"], where);
    const [secret] = await cli.waitForOutput(/near_[A-Za-z0-9_-]{43}/);
    expect((await cli.exited).code).toBe(0);
    return secret;
  }

  async function startHub(): Promise<string> {
    const hub = new HubProcess(process.execPath, [BUILT_MAIN, "--port", "0", "--rate-limit-burst", "0"], {
      ...where,
      WEBHOOK_ALLOW_LOOPBACK_HTTP: "true",
      // The embedded hub frees the dead lease at start: only the kill ends the first attempt. On PostgreSQL the
      // restarted hub waits out the lease (the timeout plus 5 s), so the timeout is short there.
      WEBHOOK_TIMEOUT_MS: kind === "pglite" ? "600000" : "2000",
    });
    hubs.push(hub);
    const [, url] = await hub.waitForOutput(/GraphiQL: (http:\/\/\S+)\/graphql/);
    return `${url}/graphql`;
  }

  async function graphql(url: string, key: string, query: string, variables: Record<string, unknown> = {}) {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables }),
    });
    return ((await response.json()) as { data: Record<string, unknown> }).data;
  }

  it("delivers the event after the restart, with the same id, and records it delivered", { timeout: 120_000 }, async () => {
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    if (kind === "postgres") {
      database = await freshDatabase();
      where = { DATABASE_URL: databaseUrl(database.name) };
    }
    const admin = await makeKey();
    let url = await startHub();
    const registered = await graphql(
      url,
      admin,
      `mutation ($input: RegisterWebhookInput!) { registerWebhook(input: $input) { __typename } }`,
      {
        input: {
          url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/near`,
          label: "restart test",
          events: ["DUES_STANDING_CHANGED"],
        },
      },
    );
    expect(registered).toEqual({ registerWebhook: { __typename: "RegisterWebhookSuccess" } });
    const { government } = (await graphql(url, admin, `{ government(slug: "jp-akita") { version } }`)) as {
      government: { version: number };
    };
    const paid = await graphql(url, admin, RECORD_PAYMENT, {
      input: paymentInput("jp-akita", government.version, "RESTART-1"),
    });
    expect(paid).toEqual({ recordDuesPayment: { __typename: "RecordDuesPaymentSuccess" } });

    await attempts(1);
    hubs[0].kill("SIGKILL");
    await hubs[0].exited;

    url = await startHub();
    await attempts(2);
    expect(ids[1]).toBe(ids[0]);
    const deliveries = async () =>
      ((await graphql(url, admin, `{ webhookDeliveries { eventId status attempts } }`)) as { webhookDeliveries: { status: string }[] })
        .webhookDeliveries;
    let seen = await deliveries();
    while (seen[0]?.status !== "DELIVERED") seen = await deliveries();
    expect(seen).toEqual([{ eventId: ids[0], status: "DELIVERED", attempts: 2 }]);
    expect(ids).toHaveLength(2);
  });
});

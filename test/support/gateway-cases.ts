import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { createGatewayRuntime } from "@graphql-hive/gateway-runtime";
import { composeServices } from "@theguild/federation-composition";
import { PARTNER_SDL, partnerSubgraphSchema } from "../../bench/fixtures/partner-subgraph";
import type { FastifyInstance } from "fastify";
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../src/modules/access";
import type { TestDatabase } from "./database";
import { testServer } from "./hub";
import type { LiveBackend } from "./live-backend";
import { REPO_ROOT } from "./paths";

/**
 * A partner's supergraph, end to end on loopback: the hub and an example partner
 * subgraph (bench/fixtures/partner-subgraph.ts) served over HTTP, composed, and
 * queried through a JavaScript gateway (Hive Gateway's runtime). A query crosses both
 * ways: the partner's fields on the hub's governments, and the hub's fields on the
 * governments the partner names; a private field reaches the gateway only with the
 * caller's key, which the gateway forwards.
 */

export function gatewayCases(backend: LiveBackend): void {
  describe(`a gateway over the hub and a partner's subgraph, on ${backend.name}`, () => {
    let db: TestDatabase;
    let closeDatabase: () => Promise<void>;
    let hub: FastifyInstance;
    let partner: ApolloServer;
    let gateway: ReturnType<typeof createGatewayRuntime>;
    let secret: string;

    beforeAll(async () => {
      // A database of its own: the contact it writes stays out of the run's shared database and its history.
      ({ db, close: closeDatabase } = await backend.open());
      ({ secret } = await createApiKey(db.dataSource.manager, { role: "SECRETARIAT", label: "gateway test" }));
      await db.dataSource.query(`UPDATE government SET contact = 'International Relations' WHERE slug = 'kr-gyeongbuk'`);
      hub = await testServer(db);
      await hub.listen({ port: 0, host: "127.0.0.1" });
      const hubUrl = `http://127.0.0.1:${(hub.server.address() as AddressInfo).port}/graphql`;
      partner = new ApolloServer({ schema: partnerSubgraphSchema() });
      const { url: partnerUrl } = await startStandaloneServer(partner, { listen: { port: 0, host: "127.0.0.1" } });
      const composed = composeServices([
        { name: "near", typeDefs: parse(readFileSync(join(REPO_ROOT, "schema", "subgraph.graphql"), "utf8")), url: hubUrl },
        { name: "partner", typeDefs: parse(PARTNER_SDL), url: partnerUrl },
      ]);
      if (!composed.supergraphSdl) throw new Error(`composition failed: ${composed.errors?.map((e) => e.message).join("; ")}`);
      gateway = createGatewayRuntime({
        supergraph: composed.supergraphSdl,
        logging: false,
        // Unmasked: a failure in a subgraph says why here.
        maskedErrors: false,
        // The caller's key goes on to the subgraphs: the hub decides what it may read.
        propagateHeaders: { fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get("authorization") }) },
      });
    });

    afterAll(async () => {
      await gateway?.dispose();
      await partner?.stop();
      await hub?.close();
      await closeDatabase?.();
    });

    async function ask(query: string, headers: Record<string, string> = {}) {
      const response = await gateway.fetch("http://gateway.test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query }),
      });
      return (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
    }

    it("adds the partner's fields to the hub's governments", async () => {
      const result = await ask(`{ government(slug: "jp-tottori") { slug country { code } partnerProjects { title year } } }`);
      expect(result).toEqual({
        data: {
          government: {
            slug: "jp-tottori",
            country: { code: "JP" },
            partnerProjects: [
              { title: "Smart tourism exchange", year: 2019 },
              { title: "Disaster prevention workshop", year: 2020 },
            ],
          },
        },
      });
    });

    it("resolves the governments the partner names through the hub's _entities", async () => {
      const result = await ask(`{ partnerProjects { title members { slug country { code } name(lang: "ko") { text } } } }`);
      expect(result.errors).toBeUndefined();
      const projects = result.data!["partnerProjects"] as { title: string; members: { slug: string; country: { code: string } }[] }[];
      expect(projects.map((p) => [p.title, p.members.map((m) => `${m.slug} ${m.country.code}`)])).toEqual([
        ["Smart tourism exchange", ["kr-gyeongbuk KR", "jp-tottori JP"]],
        ["Disaster prevention workshop", ["jp-tottori JP"]],
      ]);
    });

    it("gives a private field through the gateway only with the caller's key", async () => {
      const query = `{ partnerProjects { members { slug contact } } }`;
      const contacts = (result: Awaited<ReturnType<typeof ask>>) =>
        (result.data!["partnerProjects"] as { members: { slug: string; contact: string | null }[] }[])[0].members.map((m) => m.contact);
      expect(contacts(await ask(query))).toEqual([null, null]);
      expect(contacts(await ask(query, { authorization: `Bearer ${secret}` }))).toEqual(["International Relations", null]);
    });
  });
}

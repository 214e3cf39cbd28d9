/**
 * The partner's side of `npm run bench:federation`, in a process of its own: the example
 * partner subgraph (bench/fixtures/partner-subgraph.ts) and Hive Gateway's runtime over
 * it and the hub whose URL it is given, composed from the hub's `_service { sdl }`.
 *
 *   node dist/bench/federation-gateway.js --hub http://127.0.0.1:PORT --port PORT
 */
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { createGatewayRuntime } from "@graphql-hive/gateway-runtime";
import { composeServices } from "@theguild/federation-composition";
import { parse } from "graphql";
import { PARTNER_SDL, partnerSubgraphSchema } from "./fixtures/partner-subgraph";

const { values } = parseArgs({ options: { hub: { type: "string" }, port: { type: "string" } } });

async function main(): Promise<void> {
  if (!values.hub || !values.port) throw new Error("usage: federation-gateway.js --hub URL --port PORT");
  const partner = new ApolloServer({ schema: partnerSubgraphSchema() });
  const { url: partnerUrl } = await startStandaloneServer(partner, { listen: { port: 0, host: "127.0.0.1" } });
  const hubUrl = `${values.hub}/graphql`;
  const answer = await fetch(hubUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ _service { sdl } }" }),
  });
  const { data } = (await answer.json()) as { data: { _service: { sdl: string } } };
  const composed = composeServices([
    { name: "near", typeDefs: parse(data._service.sdl), url: hubUrl },
    { name: "partner", typeDefs: parse(PARTNER_SDL), url: partnerUrl },
  ]);
  if (!composed.supergraphSdl) throw new Error(`composition failed: ${composed.errors?.map((e) => e.message).join("; ")}`);
  const gateway = createGatewayRuntime({ supergraph: composed.supergraphSdl, logging: false });
  createServer((request, response) => void gateway(request, response)).listen(Number(values.port), "127.0.0.1");
  process.once("SIGTERM", () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

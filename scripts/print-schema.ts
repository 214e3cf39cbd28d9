/** `npm run schema:print`: rewrites schema/schema.graphql and schema/subgraph.graphql from the code (a test fails while either is stale). */
import "reflect-metadata";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { printHubSchema, printSubgraphSchema } from "../src/graphql/schema";

// Run from dist/scripts/: the repository is two folders up.
const dir = join(__dirname, "..", "..", "schema");
mkdirSync(dir, { recursive: true });
for (const [name, sdl] of [
  ["schema.graphql", printHubSchema()],
  ["subgraph.graphql", printSubgraphSchema()],
] as const) {
  writeFileSync(join(dir, name), sdl);
  console.log(`wrote ${join(dir, name)}`);
}

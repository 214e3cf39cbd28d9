/** `npm run schema:print`: rewrites schema/schema.graphql from the code (a test fails while it is stale). */
import "reflect-metadata";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { printHubSchema } from "../src/graphql/schema";

// Run from dist/scripts/: the repository is two folders up.
const dir = join(__dirname, "..", "..", "schema");
const file = join(dir, "schema.graphql");
mkdirSync(dir, { recursive: true });
writeFileSync(file, printHubSchema());
console.log(`wrote ${file}`);

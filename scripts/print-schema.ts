/** `npm run schema:print`: rewrites schema/schema.graphql from the code (a test fails while it is stale). */
import "reflect-metadata";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../src/core/paths";
import { printHubSchema } from "../src/graphql/schema";

const file = join(projectRoot(), "schema", "schema.graphql");
mkdirSync(join(projectRoot(), "schema"), { recursive: true });
writeFileSync(file, printHubSchema());
console.log(`wrote ${file}`);

// PostGraphile 5 over the hub's own tables, as a user would run it out of the box
// (the Amber preset), for the benchmark: `node server.mjs <database url> <port>`.
import { createServer } from "node:http";
import { postgraphile } from "postgraphile";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";

const [connectionString, port] = process.argv.slice(2);
const pgl = postgraphile({
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ connectionString, schemas: ["public"], poolConfig: { max: 10 } })],
  grafserv: { port: Number(port), graphqlPath: "/graphql", graphiql: false },
  grafast: { explain: false },
});
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on("error", (error) => {
  console.error(error);
  process.exit(1);
});
void serv.addTo(server).then(() => {
  server.listen(Number(port), "127.0.0.1", () => console.log(`postgraphile listening on http://127.0.0.1:${port}/graphql`));
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { FastifyInstance } from "fastify";
import { serveAssets } from "./assets";
import type { Asset } from "./assets";

/** The dashboard loads and calls only the hub; ECharts sets element styles, hence inline styles. */
const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/** `src/http/dashboard/`, copied beside `dist/src/http/` by the build. */
const OWN_FILES = join(__dirname, "dashboard");

/**
 * `/dashboard`: members, membership over time, population, committees, staffing,
 * dues, events and the report's figures beside the hub's, drawn by Apache ECharts
 * served from the installed package (no CDN: works offline), from one GraphQL request
 * per date.
 */
export function registerDashboard(app: FastifyInstance): void {
  const echarts = join(dirname(require.resolve("echarts/package.json")), "dist", "echarts.min.js");
  const files: Record<string, Asset> = {
    "echarts.min.js": { body: readFileSync(echarts), type: "text/javascript" },
    "dashboard.js": { body: readFileSync(join(OWN_FILES, "dashboard.js")), type: "text/javascript" },
    "dashboard.css": { body: readFileSync(join(OWN_FILES, "dashboard.css")), type: "text/css" },
  };
  const page = readFileSync(join(OWN_FILES, "index.html"), "utf8");
  app.get("/dashboard", async (_request, reply) =>
    reply.type("text/html; charset=utf-8").header("content-security-policy", DASHBOARD_CSP).header("x-frame-options", "DENY").send(page),
  );
  serveAssets(app, "/dashboard/assets", files);
}

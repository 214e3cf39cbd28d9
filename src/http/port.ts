import { createServer } from "node:net";

/**
 * Fails fast when the port is taken: a trial bind before the slow part of start-up
 * (opening, migrating and seeding the database), so the operator learns in
 * milliseconds, not after the seeding. The real `listen` still reports a port
 * taken in between with the same error.
 */
export function assertPortFree(port: number, host: string): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

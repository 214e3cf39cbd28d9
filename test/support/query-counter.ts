import type { Logger } from "typeorm";

/**
 * Counts the SQL statements the hub sends. Tests read it to pin how many statements
 * a query costs; it never logs (pino does the logging).
 */
export class QueryCounter implements Logger {
  count = 0;

  logQuery(): void {
    this.count++;
  }
  logQueryError(): void {
    this.count++;
  }
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

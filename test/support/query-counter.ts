import type { Logger } from "typeorm";

/**
 * Records the SQL statements the hub sends. Tests read it to pin how many
 * statements a query costs, and which; it never logs (pino does the logging).
 */
export class QueryCounter implements Logger {
  readonly statements: string[] = [];

  get count(): number {
    return this.statements.length;
  }

  logQuery(query: string): void {
    this.statements.push(query);
  }
  logQueryError(_error: string | Error, query: string): void {
    this.statements.push(query);
  }
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/**
 * How both drivers read PostgreSQL's values where their defaults would be wrong:
 * calendar dates stay ISO strings, since parsing them into JS Dates would shift them
 * by the process's time zone. `pg` takes it in src/db/data-source.ts, PGlite in its
 * own thread (src/db/embedded/engine.ts): this module loads nothing else.
 */
export const DATE_OID = 1082;

export function keepIsoDate(value: string): string {
  return value;
}

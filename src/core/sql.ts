/**
 * SQL forms of charter rules, for filters that must run in the database. Each is
 * the charter function it names, written over columns; tests run both on the same
 * rows (see test/graphql/filters-agree.test.ts).
 */

/**
 * `covers(period, day)` (charter/calendar.ts) over the `started_on` and `ended_on`
 * columns of `alias`, for the day in `day` (a bound parameter such as `:asOf` or a
 * column such as `d.day`): an unknown start means "since before the records".
 */
export function coversSql(alias: string, day: string): string {
  return `(${alias}.started_on IS NULL OR ${alias}.started_on <= ${day}) AND (${alias}.ended_on IS NULL OR ${alias}.ended_on >= ${day})`;
}

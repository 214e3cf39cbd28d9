/** A GraphQL-shaped error answer for refusals made outside Apollo (limits, rate limits, capacity, bad bodies). */
export function graphqlErrorBody(message: string, extensions: Record<string, unknown>): string {
  return JSON.stringify({ errors: [{ message, extensions }] });
}

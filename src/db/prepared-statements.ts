import { createHash } from "node:crypto";

/** The part of a `pg` client this file uses. */
export interface PreparingClient {
  query: (...args: unknown[]) => unknown;
  getTransactionStatus(): string | null;
  readonly connection: { parsedStatements: Record<string, string> };
}

/** Statements kept prepared on one connection; beyond, the least recently used one is deallocated. */
export const PREPARED_PER_CONNECTION = 200;

/** Names already worked out, by statement text; emptied when it grows past this (texts are few and constant). */
const NAME_CACHE_LIMIT = 2000;
const namesByText = new Map<string, string>();

/** A statement's name: its text's digest, so the same text has the same name on every connection. */
export function statementName(text: string): string {
  let name = namesByText.get(text);
  if (name === undefined) {
    if (namesByText.size >= NAME_CACHE_LIMIT) namesByText.clear();
    name = `near_${createHash("sha1").update(text).digest("hex")}`;
    namesByText.set(text, name);
  }
  return name;
}

/**
 * Whether a statement is sent named: only on a connection outside any transaction
 * (`transactionStatus` "I", as the server's last ReadyForQuery said), so releasing an
 * old name never meets a failed transaction it could not run in; and only a text with
 * parameters or of one statement (the extended protocol takes one; migrations' scripts
 * hold several).
 */
export function sendsNamed(text: string, parameterCount: number, transactionStatus: string | null): boolean {
  return transactionStatus === "I" && (parameterCount > 0 || !text.includes(";"));
}

interface Preparing {
  /** True while the statement guard sends a request's statement on this client. */
  armed: boolean;
}

const preparing = new WeakMap<PreparingClient, Preparing>();

/** A failure let pass, unless PostgreSQL says a CancelRequest stopped the statement (SQLSTATE 57014). */
const unlessCancelled = (error: { code?: unknown }) => (error.code === "57014" ? Promise.reject(error) : undefined);

/**
 * Sends a request's statement (`send` makes the client's one `query` call) as a named
 * prepared statement: PostgreSQL parses and plans it the first time on that connection
 * and reuses both after (`pg` skips the Parse message for a name its connection has
 * parsed; the session's `plan_cache_mode` is set to keep the first plan). The hub's
 * read statements have constant texts (a keyed read's is built
 * once, a page's remembered per shape), so the same few names recur.
 *
 * Named: statements sent while the connection is not in a transaction, with
 * parameters or made of one statement (no `;`: the extended protocol takes one).
 * Everything else the pool runs (migrations, seeds, transactions) keeps the protocol
 * it had. At most `limit` stay prepared per connection; beyond, the least recently
 * used is deallocated. Outside a transaction a DEALLOCATE cannot meet a failed one it
 * could not run in; it is answered before the statement after it is sent, and `pg`
 * forgets the name first, so a later use of the same text is parsed again.
 * (`limit` is read at a client's first statement; tests pass a small one.)
 */
export async function sendPrepared<T>(client: PreparingClient, send: () => Promise<T>, limit = PREPARED_PER_CONNECTION): Promise<T> {
  const state = preparing.get(client) ?? prepareOn(client, limit);
  state.armed = true;
  try {
    return await send();
  } finally {
    state.armed = false;
  }
}

function prepareOn(client: PreparingClient, limit: number): Preparing {
  const state: Preparing = { armed: false };
  preparing.set(client, state);
  const query = client.query.bind(client);
  // Names in the order of their last use: the first is the least recently used.
  const recent = new Map<string, true>();
  let planOnce = true;
  client.query = (text: unknown, values?: unknown, ...rest: unknown[]) => {
    const parameters = Array.isArray(values) ? values : [];
    if (!state.armed || typeof text !== "string" || !sendsNamed(text, parameters.length, client.getTransactionStatus())) {
      return query(text, values, ...rest);
    }
    state.armed = false;
    // What the session needs first: answered before the statement is sent (`pg` deprecates a statement sent while another runs).
    const first: string[] = [];
    if (planOnce) {
      // Outside a transaction (as every named statement is), so it holds for the session. Left to choose,
      // PostgreSQL plans a keyed read (`= ANY($1)`) anew at every call: a generic plan's estimate for an
      // array of unknown length never beats a custom plan's for one key, and planning it cost more than
      // running it. The hub's named texts read by indexed keys and pages, which a generic plan serves.
      planOnce = false;
      first.push("SET plan_cache_mode = force_generic_plan");
    }
    const name = statementName(text);
    if (!recent.delete(name) && recent.size >= limit) {
      const [oldest] = recent.keys();
      recent.delete(oldest);
      delete client.connection.parsedStatements[oldest];
      first.push(`DEALLOCATE "${oldest}"`);
    }
    recent.set(name, true);
    const statement = () => query({ name, text, values: parameters }, ...rest);
    if (first.length === 0) return statement();
    // One that fails changes no answer (the plan is chosen anew, the name stays on the server), so the statement
    // runs; unless it was cancelled (a deadline's CancelRequest), which is the statement's too.
    return (query(first.join("; ")) as Promise<unknown>).catch(unlessCancelled).then(statement);
  };
  return state;
}

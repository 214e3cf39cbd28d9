/**
 * PostgreSQL's wire protocol for the embedded database, as `pg` speaks it to a
 * server: a statement becomes the messages `pg` would send (`pg-protocol`'s
 * serializer, values prepared by `pg`'s own `prepareValue`), PGlite answers with the
 * bytes a server would, and `pg`'s parser and `Result` read them. The hub then reads
 * the same values in the same types on both databases, and PGlite's own reader is
 * skipped (it copied every value's bytes before decoding them, a large part of its
 * thread's time on a flat list).
 */
import * as pgTypes from "pg-types";
import { serialize } from "pg-protocol";
import { Parser } from "pg-protocol/dist/parser";
import type {
  BackendMessage,
  CommandCompleteMessage,
  DataRowMessage,
  DatabaseError,
  RowDescriptionMessage,
} from "pg-protocol/dist/messages";
import Result from "pg/lib/result.js";
import { prepareValue } from "pg/lib/utils.js";
import { PREPARED_PER_CONNECTION, sendsNamed, statementName } from "../prepared-statements";
import { DATE_OID, keepIsoDate } from "../type-parsers";

/** `pg`'s type parsers, with calendar dates kept as text as the hub's `pg` pool keeps them (src/db/type-parsers.ts). */
const TYPES = {
  getTypeParser: (oid: number, format: "text" | "binary") => (oid === DATE_OID ? keepIsoDate : pgTypes.getTypeParser(oid, format)),
};

/** What a statement answers, as `pg` gives it (TypeORM reads `rows`, `rowCount` and `command`). */
export interface WireResult {
  rows: Record<string, unknown>[];
  rowCount: number | null;
  command: string | null;
}

/**
 * The messages of one statement: with parameters the extended protocol (parse, bind,
 * describe, execute, sync) as `pg` sends a parameterised query; without, one simple
 * query, which may hold several statements (migrations do).
 */
function statementMessages(sql: string, params: readonly unknown[] | null): Uint8Array {
  if (params === null) return serialize.query(sql);
  return Buffer.concat([
    serialize.parse({ text: sql, types: [] }),
    serialize.bind({ values: [...params], valueMapper: (value: unknown) => prepareValue(value) }),
    serialize.describe({ type: "P", name: "" }),
    serialize.execute({ portal: "", rows: 0 }),
    serialize.sync(),
  ]);
}

const PARSE_COMPLETE = 0x31;
const READY_FOR_QUERY = 0x5a;
/** A CloseComplete message's length: its type byte and its length word. */
const CLOSE_COMPLETE_BYTES = 5;

/**
 * The embedded session's named prepared statements, as `pg` keeps a connection's
 * (src/db/prepared-statements.ts, the same names and the same rule for what is named):
 * PGlite parses and plans a statement's text once and binds it after. One session,
 * one request at a time (the engine's order), so what this remembers is what the
 * session holds: a name is remembered once its ParseComplete came back, and the
 * transaction status is the last answer's ReadyForQuery. Beyond the limit the least
 * recently used name is closed (a protocol Close, in the same exchange, before the
 * new Parse).
 */
export class SessionStatements {
  /** Names the session has parsed, in the order of their last use. */
  private readonly parsed = new Map<string, true>();
  private transactionStatus = "I";

  constructor(private readonly limit = PREPARED_PER_CONNECTION) {}

  /** The messages of one statement (`params` null: the simple protocol), and what to learn from its answer once it came. */
  messages(sql: string, params: readonly unknown[] | null): { bytes: Uint8Array; learn: (answer: Uint8Array) => void } {
    if (params === null || !sendsNamed(sql, params.length, this.transactionStatus)) {
      return { bytes: statementMessages(sql, params), learn: (answer) => this.readStatus(answer) };
    }
    const name = statementName(sql);
    const parts: Buffer[] = [];
    let parseAnswerAt = -1;
    if (!this.parsed.delete(name)) {
      if (this.parsed.size >= this.limit) {
        const [oldest] = this.parsed.keys();
        this.parsed.delete(oldest);
        parts.push(serialize.close({ type: "S", name: oldest }));
      }
      parseAnswerAt = parts.length * CLOSE_COMPLETE_BYTES;
      parts.push(serialize.parse({ text: sql, name, types: [] }));
    } else {
      this.parsed.set(name, true);
    }
    parts.push(
      serialize.bind({ statement: name, values: [...params], valueMapper: (value: unknown) => prepareValue(value) }),
      serialize.describe({ type: "P", name: "" }),
      serialize.execute({ portal: "", rows: 0 }),
      serialize.sync(),
    );
    return {
      bytes: Buffer.concat(parts),
      learn: (answer) => {
        // Parsed, even if binding its values failed after: the name is the session's now.
        if (parseAnswerAt >= 0 && answer[parseAnswerAt] === PARSE_COMPLETE) this.parsed.set(name, true);
        this.readStatus(answer);
      },
    };
  }

  /** The status byte of the answer's closing ReadyForQuery: I idle, T in a transaction, E in a failed one. */
  private readStatus(answer: Uint8Array): void {
    if (answer.length >= 6 && answer[answer.length - 6] === READY_FOR_QUERY) {
      this.transactionStatus = String.fromCharCode(answer[answer.length - 1]);
    }
  }
}

/**
 * Reads PGlite's answer to `statementMessages`: the last statement's rows (TypeORM
 * wants the last of a multi-statement string), or the server's error, thrown as `pg`
 * throws it (a `DatabaseError` with code, detail, constraint…).
 */
export function readAnswer(bytes: Uint8Array): WireResult {
  let current = new Result(undefined, TYPES);
  let last: Result | null = null;
  let error: DatabaseError | null = null;
  new Parser().parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), (message: BackendMessage) => {
    switch (message.name) {
      case "rowDescription":
        current.addFields((message as RowDescriptionMessage).fields);
        break;
      case "dataRow":
        current.rows.push(current.parseRow((message as DataRowMessage).fields));
        break;
      case "commandComplete":
        current.addCommandComplete(message as CommandCompleteMessage);
        last = current;
        current = new Result(undefined, TYPES);
        break;
      case "error":
        error ??= message as DatabaseError;
        break;
      default:
        break;
    }
  });
  if (error) throw error;
  const result: Result = last ?? current;
  return { rows: result.rows, rowCount: result.rowCount, command: result.command };
}

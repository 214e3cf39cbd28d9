/**
 * PostgreSQL's wire protocol for the embedded database, as `pg` speaks it to a
 * server: a statement becomes the messages `pg` would send (`pg-protocol`'s
 * serializer, values prepared by `pg`'s own `prepareValue`), PGlite answers with the
 * bytes a server would, and `pg`'s parser and `Result` read them. The hub then reads
 * the same values in the same types on both databases, and PGlite's own reader is
 * skipped (it copied every value's bytes before decoding them: a quarter of its
 * thread's time on the flat benchmark query).
 */
import pg from "pg";
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
import { DATE_OID, keepIsoDate } from "../type-parsers";

/** `pg`'s type parsers, with calendar dates kept as text as the hub's `pg` pool keeps them (src/db/type-parsers.ts). */
const TYPES = {
  getTypeParser: (oid: number, format: "text" | "binary") => (oid === DATE_OID ? keepIsoDate : pg.types.getTypeParser(oid, format)),
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
export function statementMessages(sql: string, params: readonly unknown[] | null): Uint8Array {
  if (params === null) return serialize.query(sql);
  return Buffer.concat([
    serialize.parse({ text: sql, types: [] }),
    serialize.bind({ values: [...params], valueMapper: (value: unknown) => prepareValue(value) }),
    serialize.describe({ type: "P", name: "" }),
    serialize.execute({ portal: "", rows: 0 }),
    serialize.sync(),
  ]);
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

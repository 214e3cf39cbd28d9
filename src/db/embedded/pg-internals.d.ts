// What the embedded database's wire module uses of `pg`'s own modules (not in @types/pg).
declare module "pg/lib/result.js" {
  import type { CommandCompleteMessage, Field } from "pg-protocol/dist/messages";

  export default class Result {
    constructor(rowMode: "array" | undefined, types: { getTypeParser(oid: number, format: "text" | "binary"): (value: string) => unknown });
    command: string | null;
    rowCount: number | null;
    rows: Record<string, unknown>[];
    addFields(fields: Field[]): void;
    parseRow(values: unknown[]): Record<string, unknown>;
    addCommandComplete(message: CommandCompleteMessage): void;
  }
}

declare module "pg/lib/utils.js" {
  export function prepareValue(value: unknown): string | Buffer | null;
}

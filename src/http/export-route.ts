import { Readable } from "node:stream";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { DataSource } from "typeorm";
import type { Calendar } from "../charter";
import type { UnitOfWork } from "../core/context";
import { todayUtc } from "../core/dates";
import type { IsoDate } from "../core/dates";
import { InputError } from "../core/errors";
import { scopedSource } from "../core/scoped-source";
import { LoaderRegistry } from "../core/loaders";
import { PUBLIC_VIEWER } from "../core/viewer";
import { DATASETS } from "../modules/exports";
import type { Admission } from "./admission";
import { csvWriter } from "./csv";
import { graphqlErrorBody } from "./error-body";
import { stringProblem } from "./input-checks";

const JSON_TYPE = "application/json; charset=utf-8";

export interface ExportRouteOptions {
  dataSource: DataSource;
  rowLimits: { readonly public: number; readonly keyed: number };
  /** Turns to execute, shared with GraphQL: an export waits for one like any operation. */
  admission: Admission;
  /** OPERATION_TIMEOUT_MS: an export's statements stop at it, as an operation's do. */
  timeoutMs: number;
  /** The days the graph answers for, on a given today (charter/calendar.ts). */
  calendar: (today: IsoDate) => Calendar;
  now?: () => Date;
}

/**
 * `GET /export/<dataset>.csv`: a list or an aggregate of the graph as CSV (UTF-8 with
 * a byte-order mark, so spreadsheets read the six languages), streamed a page at a
 * time through csv-stringify. The GraphQL field's filters are query parameters. Every
 * export holds public data only, whoever asks; a key raises the row limit. Unknown
 * dataset: 404; a bad or unknown parameter: 400 naming it; over the row limit: 413.
 * It runs as a GraphQL operation does: after a turn of the shared admission, under
 * the same deadline counted from its arrival (a statement after it is not sent, so a
 * CSV cut at the deadline ends the response), and stops when the client goes away.
 */
export function exportRoute(options: ExportRouteOptions) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const fail = (status: number, message: string, extensions: Record<string, unknown>) =>
      reply.code(status).type(JSON_TYPE).header("cache-control", "no-store").send(graphqlErrorBody(message, extensions));
    const { file } = request.params as { file: string };
    const name = /^([a-z0-9-]+)\.csv$/.exec(file)?.[1];
    // Own names only: `constructor.csv` names no dataset.
    const dataset = name === undefined || !Object.hasOwn(DATASETS, name) ? undefined : DATASETS[name];
    if (name === undefined || dataset === undefined) {
      return fail(
        404,
        `No export "${file}". There are: ${Object.keys(DATASETS)
          .map((n) => `${n}.csv`)
          .join(", ")}.`,
        { code: "NOT_FOUND" },
      );
    }
    const query = (request.query ?? {}) as Record<string, unknown>;
    for (const [key, value] of Object.entries(query)) {
      if (!Object.hasOwn(dataset.params, key)) {
        const known = Object.keys(dataset.params);
        return fail(400, `${name}.csv takes no parameter "${key}"${known.length ? `; it takes ${known.join(", ")}` : ""}.`, {
          code: "BAD_USER_INPUT",
          argumentName: key,
        });
      }
      if (typeof value !== "string") return fail(400, `Give the parameter "${key}" once.`, { code: "BAD_USER_INPUT", argumentName: key });
      const problem = stringProblem(value, key);
      if (problem) return fail(400, problem.message, { code: "BAD_USER_INPUT", argumentName: key });
    }
    const params = query as Record<string, string>;

    const controller = new AbortController();
    const remaining = Math.max(0, options.timeoutMs - reply.elapsedTime);
    const deadline = setTimeout(() => controller.abort("deadline"), remaining);
    const onClose = () => {
      if (!reply.raw.writableFinished) controller.abort("client-gone");
    };
    reply.raw.once("close", onClose);
    const release = await options.admission.enter(controller.signal);
    let streaming = false;
    const finish = () => {
      clearTimeout(deadline);
      reply.raw.off("close", onClose);
      release?.();
    };
    if (release === null) {
      finish();
      return controller.signal.aborted
        ? fail(503, `The export ran past its deadline of ${options.timeoutMs} ms waiting for its turn. Retry later.`, { code: "TIMEOUT" })
        : fail(503, "The hub is at capacity. Retry later.", { code: "SERVICE_UNAVAILABLE" });
    }
    try {
      const em = scopedSource(options.dataSource, {
        signal: controller.signal,
        deadlineAt: performance.now() + remaining,
        statements: 0,
      }).manager;
      const today = todayUtc(options.now?.());
      const uow: UnitOfWork = {
        em,
        loaders: new LoaderRegistry({ em, viewer: PUBLIC_VIEWER }),
        today,
        calendar: options.calendar(today),
        viewer: PUBLIC_VIEWER,
      };
      let rows: number;
      try {
        rows = await dataset.count(uow, params);
      } catch (error) {
        if (error instanceof InputError) return fail(400, error.message, { code: "BAD_USER_INPUT", ...error.extensions });
        throw error;
      }
      const keyed = request.viewer.keyId !== null;
      const limit = keyed ? options.rowLimits.keyed : options.rowLimits.public;
      if (rows > limit) {
        return fail(
          413,
          `${name}.csv would hold ${rows} rows, over the limit of ${limit} for ${keyed ? "an API key" : "a caller without a key"}: narrow it with its parameters${keyed ? "" : ", or ask with a key"}.`,
          {
            code: "OPERATION_LIMIT_EXCEEDED",
            limit: "exportRows",
            measured: rows,
            maximum: limit,
          },
        );
      }
      const csv = csvWriter(dataset.columns);
      Readable.from(dataset.rows(uow, params))
        .on("error", (error) => csv.destroy(error))
        .pipe(csv);
      // The turn is given back once the last row is out (or the client has gone).
      streaming = true;
      reply.raw.once("close", finish);
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${name}.csv"`)
        .header("cache-control", "no-store")
        .send(csv);
    } finally {
      if (!streaming) finish();
    }
  };
}

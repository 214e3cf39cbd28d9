import { expect } from "vitest";
import type { EntityManager } from "typeorm";
import { fromGlobalId } from "../../src/core/node";
import { seedsRecordedAt } from "../../src/seed/seed";
import type { Role } from "../../src/core/viewer";
import type { GraphQLResult, TestHub } from "../support/hub";

/** What every mutation's result union can say besides success. */
const PROBLEM_FIELDS = `__typename
  ... on MutationProblem { code message }
  ... on InvalidInput { field }
  ... on NotFound { field }
  ... on Conflict { currentVersion }
  ... on CharterRefusal { reasons { code article } }`;

export interface MutationAnswer {
  __typename: string;
  code?: string;
  message?: string;
  field?: string | null;
  currentVersion?: number | null;
  reasons?: { code: string }[];
  [key: string]: unknown;
}

/**
 * Runs `mutation` as `role` and returns its result union (or throws with the GraphQL
 * errors). After a success it checks that the audit log and the versions agree.
 */
export async function mutate(
  hub: TestHub,
  name: string,
  inputType: string,
  success: string,
  input: unknown,
  role: Role = "SECRETARIAT",
  now?: Date,
): Promise<MutationAnswer> {
  const result = await mutateRaw(hub, name, inputType, success, input, role, now);
  if (result.errors) throw new Error(`${name}: ${JSON.stringify(result.errors)}`);
  const answer = result.data![name];
  if (answer.__typename.endsWith("Success")) await expectVersionsToAgreeWithAudit(hub, name);
  return answer;
}

const snakeCase = (typename: string) => typename.replace(/[A-Z]/g, (letter, at: number) => `${at > 0 ? "_" : ""}${letter.toLowerCase()}`);

/**
 * The audit log and the versions agree (migrations/1795846000000-History.ts): every
 * instant at which a version of a fact began or ended since the shipped facts is an
 * audited write's, and the latest write (`operation`) recorded versions at its instant,
 * of every object it names: the object's own row, or a row under it (`<object>_id`).
 */
async function expectVersionsToAgreeWithAudit(hub: TestHub, operation: string): Promise<void> {
  await hub.withEntityManager(async (em) => {
    const tables: { name: string }[] = await em.query(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'history' ORDER BY 1`,
    );
    // The versions this test's transaction wrote (a shared PostgreSQL holds other files' committed writes too).
    const versions: { table: string; ours: boolean; row: Record<string, unknown> }[] = await em.query(
      tables
        .map(
          ({ name }) =>
            `SELECT '${name}' AS table, recorded_xid = txid_current() AS ours, to_jsonb(h) - 'recorded_xid' AS row FROM history."${name}" h
              WHERE recorded_from > $1 OR (recorded_until > $1 AND recorded_until < 'infinity')`,
        )
        .join(" UNION ALL "),
      [seedsRecordedAt()],
    );
    const audit: { at: Date; operation: string; target_ids: string[] }[] = await em.query(
      `SELECT at, operation, target_ids FROM audit_entry ORDER BY id`,
    );
    const audited = new Set(audit.map((entry) => entry.at.getTime()));
    const opened = versions.filter((v) => v.ours).map((v) => Date.parse(String(v.row["recorded_from"])));
    const first = Math.min(...opened);
    const closed = versions.map((v) => Date.parse(String(v.row["recorded_until"]))).filter((t) => Number.isFinite(t) && t >= first);
    const unaudited = [...opened, ...closed].filter((t) => !audited.has(t));
    expect({ operation, unaudited: [...new Set(unaudited)].map((t) => new Date(t).toISOString()) }).toEqual({ operation, unaudited: [] });

    const last = audit.at(-1)!;
    expect(last.operation).toBe(operation);
    const at = last.at.getTime();
    const atWrite = versions.filter(
      (v) => Date.parse(String(v.row["recorded_from"])) === at || Date.parse(String(v.row["recorded_until"])) === at,
    );
    const unversioned = last.target_ids.filter((target) => {
      if (target === "association") return !atWrite.some((v) => v.table === "association");
      const id = fromGlobalId(target);
      if (!id) return true;
      const table = snakeCase(id.typename);
      // Credentials (API keys) are not facts: they keep no versions.
      if (!tables.some(({ name }) => name === table)) return false;
      return !atWrite.some(
        (v) => (v.table === table && String(v.row["id"] ?? v.row["code"]) === id.key) || String(v.row[`${table}_id`]) === id.key,
      );
    });
    expect({ operation, unversioned }).toEqual({ operation, unversioned: [] });
  });
}

export function mutateRaw(
  hub: TestHub,
  name: string,
  inputType: string,
  success: string,
  input: unknown,
  role: Role = "SECRETARIAT",
  now?: Date,
): Promise<GraphQLResult<Record<string, MutationAnswer>>> {
  const document = `mutation ($input: ${inputType}!) { ${name}(input: $input) { ${PROBLEM_FIELDS} ${success} } }`;
  return hub.run<Record<string, MutationAnswer>>(document, { input }, { as: role, ...(now ? { now } : {}) });
}

/**
 * Every table of the graph, with its row count and a hash of its rows, so a test can
 * say "the database is exactly as before". API keys are left out: on the shared
 * PostgreSQL of CI's second pass other test files make some (createApiKey's refusals
 * are checked before it writes).
 */
export async function databaseState(em: EntityManager): Promise<Record<string, string>> {
  const tables = em.connection.entityMetadatas
    .map((m) => m.tableName)
    .filter((name) => name !== "api_key")
    .sort();
  const state: Record<string, string> = {};
  for (const tablename of tables) {
    const [row] = await em.query<{ n: number; h: string }[]>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM "${tablename}" t`,
    );
    state[tablename] = `${row.n}:${row.h}`;
  }
  return state;
}

/** Makes every audit insert fail, inside the test's transaction (rolled back with it): a fault in the middle of a write. */
export async function breakAuditLog(em: EntityManager): Promise<void> {
  await em.query(`CREATE FUNCTION test_audit_fault() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'injected fault: the audit log is unavailable'; END $$`);
  await em.query(`CREATE TRIGGER test_audit_fault BEFORE INSERT ON audit_entry FOR EACH ROW EXECUTE FUNCTION test_audit_fault()`);
}

/** A recorded General Assembly on `day` whose item (Art. 8 `charterItem`) the first `yes` members pass, of `present` attending. */
export async function recordAssembly(
  hub: TestHub,
  options: { day: string; title: string; charterItem: number; present: number; yes: number },
): Promise<{ meetingId: string; agendaItemId: string }> {
  const members = (
    await hub.run<{ governments: { nodes: { slug: string }[] } }>(
      `query ($d: Date!) { governments(first: 100, filter: { kinds: [MEMBER], asOf: $d }) { nodes { slug } } }`,
      { d: options.day },
    )
  ).data!.governments.nodes.map((n) => n.slug);
  const attendance = members.slice(0, options.present);
  const answer = await mutate(
    hub,
    "recordMeeting",
    "RecordMeetingInput",
    "... on MeetingWriteSuccess { meeting { id agendaItems { id } } }",
    {
      committee: "general-assembly",
      title: options.title,
      format: "SITTING",
      startsOn: options.day,
      endsOn: options.day,
      host: null,
      attendance,
      agendaItems: [
        {
          title: "Admission",
          charterItem: options.charterItem,
          votes: attendance.map((government, i) => ({ government, choice: i < options.yes ? "FOR" : "AGAINST" })),
        },
      ],
    },
  );
  const meeting = answer["meeting"] as { id: string; agendaItems: { id: string }[] };
  return { meetingId: meeting.id, agendaItemId: meeting.agendaItems[0].id };
}

import { join } from "node:path";
import type { EntityManager } from "typeorm";
import type { Government } from "../modules/government";
import { Appointment, AppointmentStatus, Department, Post, StaffMember } from "../modules/secretariat";
import { cell, readCsv } from "./csv";
import { DEPARTMENTS, POSTS } from "./curated";
import { upsertByKey } from "./upsert";
import type { TableReport } from "./upsert";
import { mustGet, oneOf, partial, required } from "./values";

export async function seedSecretariat(
  em: EntityManager,
  dir: string,
  governments: Map<string, Government>,
  reports: TableReport[],
): Promise<void> {
  const departments = await upsertByKey(
    em,
    Department,
    DEPARTMENTS.map(({ csv: _csv, ...department }) => department),
    (d) => d.slug!,
  );
  reports.push(departments.report);
  const posts = await upsertByKey(
    em,
    Post,
    POSTS.map((post) => ({
      slug: post.slug,
      titleEn: post.titleEn,
      titleZh: post.titleZh,
      departmentId: post.department === null ? null : mustGet(departments.byKey, post.department, "department").id,
    })),
    (p) => p.slug!,
  );
  reports.push(posts.report);

  const rows = readCsv(join(dir, "staff.csv"));
  const people = await upsertByKey(
    em,
    StaffMember,
    rows.map((row) => ({
      slug: required(row, "id"),
      nameZh: cell(row, "name_zh_as_in_report"),
      nameLatin: cell(row, "name_latin"),
      source: cell(row, "source"),
      notes: cell(row, "notes"),
    })),
    (s) => s.slug!,
  );
  reports.push(people.report);

  const postOf = new Map(POSTS.flatMap((post) => post.staff.map((slug, index) => [slug, { post: post.slug, seq: index + 1 }] as const)));
  const appointments = rows.map((row) => {
    const slug = required(row, "id");
    const { post, seq } = mustGet(postOf, slug, "staff member without a post");
    const start = partial(cell(row, "start_date"), "start");
    const end = partial(cell(row, "end_date"), "end");
    const dispatcher = cell(row, "sending_government_id");
    return {
      staffMemberId: mustGet(people.byKey, slug, "staff member").id,
      postId: mustGet(posts.byKey, post, "post").id,
      seq,
      dispatchedByGovernmentId: dispatcher === null ? null : mustGet(governments, dispatcher, "government").id,
      employment: cell(row, "employment"),
      dispatchedOfficial: cell(row, "employment") === "dispatched official",
      roleZh: cell(row, "role_zh"),
      startedOn: start.date,
      startPrecision: start.precision,
      endedOn: end.date,
      endPrecision: end.precision,
      status: oneOf(row, "status_end_2020", Object.values(AppointmentStatus)),
      source: cell(row, "source"),
    } satisfies Partial<Appointment>;
  });
  if (postOf.size !== rows.length) throw new Error(`curated POSTS name ${postOf.size} people, staff.csv holds ${rows.length}`);
  reports.push((await upsertByKey(em, Appointment, appointments, (a) => `${a.postId}/${a.seq}`)).report);
}

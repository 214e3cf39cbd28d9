import { describe, expect, it } from "vitest";
import { useTestHub } from "../support/hub";

/** The database itself refuses what the entities' constraints forbid, whatever code writes to it. */
describe("database constraints", () => {
  const hub = useTestHub();

  it.each([
    [
      "an unknown membership kind",
      `INSERT INTO membership (government_id, seq, kind, founding) SELECT id, 9, 'PATRON', 'NOT_FOUNDING' FROM government LIMIT 1`,
      "CHK_membership_kind",
    ],
    [
      "a membership ending before it starts",
      `INSERT INTO membership (government_id, seq, kind, founding, started_on, start_precision, ended_on, end_precision) SELECT id, 9, 'MEMBER', 'NOT_FOUNDING', '2020-01-01', 'DAY', '2019-01-01', 'DAY' FROM government LIMIT 1`,
      "CHK_membership_period",
    ],
    [
      "a membership end without its precision",
      `INSERT INTO membership (government_id, seq, kind, founding, started_on, start_precision, ended_on) SELECT id, 9, 'MEMBER', 'NOT_FOUNDING', '2020-01-01', 'DAY', '2021-01-01' FROM government LIMIT 1`,
      "CHK_membership_end_complete",
    ],
    [
      "an attestation of a membership whose start is known",
      `INSERT INTO membership (government_id, seq, kind, founding, started_on, start_precision, attested_on) SELECT id, 9, 'MEMBER', 'NOT_FOUNDING', '2020-01-01', 'DAY', '2020-06-01' FROM government LIMIT 1`,
      "CHK_membership_attested",
    ],
    [
      "a second government with an existing slug",
      `INSERT INTO government (slug, country_code, named_in_report) VALUES ('kr-gyeongbuk', 'KR', false)`,
      "UQ_government_slug",
    ],
    [
      "a government in an unknown country",
      `INSERT INTO government (slug, country_code, named_in_report) VALUES ('zz-nowhere', 'ZZ', false)`,
      "FK_government_country",
    ],
    [
      "a second vote by one government on one item",
      `INSERT INTO vote (agenda_item_id, government_id, choice) SELECT a.id, g.id, 'FOR' FROM agenda_item a, government g WHERE g.slug = 'kr-busan' UNION ALL SELECT a.id, g.id, 'AGAINST' FROM agenda_item a, government g WHERE g.slug = 'kr-busan'`,
      "UQ_vote_agenda_item_government",
    ],
    ["a recorded tally with more votes than present", `UPDATE agenda_item SET recorded_for = 70`, "CHK_agenda_item_recorded_tally"],
    [
      "a dues waiver above the dues",
      `INSERT INTO dues_waiver (government_id, fiscal_year, waived_usd_cents, reason, decided_on) SELECT id, 2020, 100001, 'typhoon', '2020-09-01' FROM government LIMIT 1`,
      "CHK_dues_waiver_amount",
    ],
    [
      "a specialised committee without a number",
      `INSERT INTO committee (slug, kind) VALUES ('sc-99', 'SPECIALISED')`,
      "CHK_committee_number",
    ],
  ])("refuses %s", async (_case, sql, constraint) => {
    const error = await hub.withEntityManager((em) => em.query(`SAVEPOINT probe; ${sql}`)).catch((e: unknown) => e);
    expect(String((error as { message?: string }).message ?? error)).toContain(constraint);
    await hub.withEntityManager((em) => em.query("ROLLBACK TO SAVEPOINT probe"));
  });
});

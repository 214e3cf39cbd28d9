import { describe, expect, it } from "vitest";
import { DuesLedgerEntry, DuesPayment } from "../../src/modules/dues";
import { Government } from "../../src/modules/government";
import { useTestHub } from "../support/hub";

/**
 * A ledger fixture inside the test's transaction: every member but Akita paid 2019 and
 * 2020 on time, and the ledger records Akita's 2019 to 2021 as unpaid. Akita
 * (admitted 2018, owing from 2019) is then in arrears for two years from 1 May 2020.
 */
describe("rights under a dues ledger", () => {
  const hub = useTestHub();

  it("restricts Akita alone, from 1 May 2020, and restores it for 2021 when it pays in March", async () => {
    await hub.withEntityManager(async (em) => {
      const governments = await em.getRepository(Government).find();
      const akitaId = governments.find((g) => g.slug === "jp-akita")!.id;
      await em.getRepository(DuesLedgerEntry).insert(
        [2019, 2020, 2021].map((fiscalYear) => ({
          governmentId: akitaId,
          fiscalYear,
          status: "UNPAID" as const,
          source: "test ledger book",
        })),
      );
      let reference = 0;
      const payments = governments
        .filter((g) => g.slug !== "jp-akita")
        .flatMap((g) =>
          [2019, 2020].map((fiscalYear) => ({
            governmentId: g.id,
            fiscalYear,
            amountMinor: "1200000",
            currency: "KRW",
            creditedUsdCents: 100_000,
            paidOn: `${fiscalYear}-03-15`,
            reference: `TEST-${++reference}`,
          })),
        );
      await em.getRepository(DuesPayment).insert(payments);
      const akita = governments.find((g) => g.slug === "jp-akita")!;
      await em.getRepository(DuesPayment).insert({
        governmentId: akita.id,
        fiscalYear: 2019,
        amountMinor: "1200000",
        currency: "KRW",
        creditedUsdCents: 100_000,
        paidOn: "2021-03-02",
        reference: "TEST-AKITA",
      });
    });

    const result = await hub.run(`{
      association {
        beforeDue: restrictedMembers(asOf: "2020-04-30") { government { slug } }
        restrictedMembers(asOf: "2020-05-01") { government { slug } standing { restrictedSince fiscalYearsInArrears reasons { code article message } } }
        votingMembers(asOf: "2020-05-01") { totalCount }
        in2021: restrictedMembers(asOf: "2021-06-01") { government { slug } }
      }
      akita: government(slug: "jp-akita") {
        votingRights(asOf: "2020-05-01") { eligible reasons { code article } }
        electionRights(asOf: "2020-05-01") { eligible reasons { code article } }
        restored: duesStanding(asOf: "2021-06-01") { restricted restoredInFiscalYear fiscalYearsInArrears }
        duesHistory(asOf: "2021-06-01") { fiscalYear status paidUsdCents outstandingUsdCents }
      }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      association: {
        beforeDue: [],
        restrictedMembers: [
          {
            government: { slug: "jp-akita" },
            standing: {
              restrictedSince: "2020-05-01",
              fiscalYearsInArrears: [2019, 2020],
              reasons: [
                {
                  code: "DUES_ARREARS",
                  article: "Dues Reg. Art. 6; Charter Art. 7(3), 9(1)",
                  message:
                    "Fiscal years 2019 and 2020 are unpaid past their due dates and no payment has been received in 2020: rights restricted since 2020-05-01 (rights are restricted when the two most recent assessed fiscal years past their due date are both unpaid).",
                },
              ],
            },
          },
        ],
        votingMembers: { totalCount: 77 },
        in2021: [],
      },
      akita: {
        votingRights: {
          eligible: false,
          reasons: [
            { code: "MEMBER", article: "Charter Art. 9(1)" },
            { code: "DUES_ARREARS", article: "Dues Reg. Art. 6; Charter Art. 9(1)" },
          ],
        },
        electionRights: {
          eligible: false,
          reasons: [
            { code: "MEMBER", article: "Charter Art. 7(1)-(2)" },
            { code: "DUES_ARREARS", article: "Dues Reg. Art. 6; Charter Art. 7(3)" },
          ],
        },
        restored: { restricted: false, restoredInFiscalYear: 2021, fiscalYearsInArrears: [2020, 2021] },
        duesHistory: [
          { fiscalYear: 2019, status: "PAID", paidUsdCents: 100000, outstandingUsdCents: 0 },
          { fiscalYear: 2020, status: "UNPAID", paidUsdCents: 0, outstandingUsdCents: 100000 },
          { fiscalYear: 2021, status: "UNPAID", paidUsdCents: 0, outstandingUsdCents: 100000 },
        ],
      },
    });
  });

  it("answers the voting rights of all 82 governments in a fixed number of SQL statements", async () => {
    const query = `query ($first: Int) { governments(first: $first) { nodes { slug votingRights(asOf: "2020-12-31") { eligible reasons { code } } electionRights { eligible } duesStanding { restricted } } } }`;
    const few = await hub.countStatements(query, { first: 3 });
    const all = await hub.countStatements<{ governments: { nodes: { votingRights: { eligible: boolean } }[] } }>(query, { first: 100 });
    expect(all.result.data!.governments.nodes.filter((n) => n.votingRights.eligible)).toHaveLength(78);
    // page, association row, memberships, payments, waivers
    expect([few.statements, all.statements]).toEqual([6, 6]);
  });
});

describe("derived meeting fields", () => {
  const hub = useTestHub();

  it("cost a fixed number of SQL statements however many meetings and items a page holds", async () => {
    const query = `query ($first: Int) { meetings(first: $first, orderBy: DATE_DESC) { nodes { title host { slug } quorum { votingMembers required }
      agendaItems { rule { majority } tally { present } outcome { outcome } } } } }`;
    const few = await hub.countStatements(query, { first: 2 });
    const all = await hub.countStatements(query, { first: 100 });
    expect(few.result.errors).toBeUndefined();
    expect(few.statements).toBe(all.statements);
    // page, hosts, committees, members on the meeting days, memberships, association, payments, waivers,
    // agenda items, attendance, the General Assembly and its sittings (Art. 9-2): one statement each.
    expect(all.statements).toBe(12);
  });
});

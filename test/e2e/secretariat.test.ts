import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { createApiKey } from "../../src/modules/access";
import { useBrowserHub } from "../support/browser";
import { TEST_TODAY } from "../support/hub";

/**
 * The secretariat's day in GraphiQL, as a person would work: a key in the Headers
 * pane, a vote recorded, a government admitted on it, the ledger opened, dues
 * booked, and voting rights that follow.
 */
describe("a secretariat key in GraphiQL, in Chromium", () => {
  const hub = useBrowserHub({ now: () => TEST_TODAY });
  let secret: string;
  beforeAll(async () => {
    secret = (await createApiKey(hub().db.dataSource.manager, { role: "SECRETARIAT", label: "Secretariat in GraphiQL" })).secret;
  });

  /** Types `query` and `headers` into GraphiQL's editors, runs it, and returns the result pane's text once it holds `expected`. */
  async function execute(page: Page, query: string, headers: string, expected: string | RegExp): Promise<string> {
    await page.evaluate(
      ([text, headerText]) => {
        type Editor = { setValue(value: string): void };
        const document = (globalThis as unknown as { document: { querySelector(selector: string): unknown } }).document;
        const editorOf = (selector: string) => (document.querySelector(selector) as { CodeMirror: Editor }).CodeMirror;
        editorOf(".graphiql-query-editor .CodeMirror").setValue(text);
        editorOf(".graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror").setValue(headerText);
      },
      [query, headers],
    );
    const name = /^(?:query|mutation) (\w+)/.exec(query)![1];
    await page.locator(".graphiql-tab-active", { hasText: name }).waitFor();
    await page.click(".graphiql-execute-button");
    const result = page.locator(".result-window");
    await expect.poll(async () => (await result.textContent()) ?? "", { timeout: 30_000 }).toMatch(expected);
    return (await result.textContent()) ?? "";
  }

  it("records a passing vote, admits a government on it, opens the ledger, books dues, and the voting rights change on the right days", async () => {
    const { browser, origin, app } = hub();
    const members = (
      await app.inject({
        method: "POST",
        url: "/graphql",
        headers: { "content-type": "application/json" },
        payload: JSON.stringify({
          query: `{ governments(first: 100, filter: { kinds: [MEMBER], asOf: "2018-10-30" }) { nodes { slug } } }`,
        }),
      })
    )
      .json<{ data: { governments: { nodes: { slug: string }[] } } }>()
      .data.governments.nodes.map((n) => n.slug)
      .slice(0, 60);
    const page = await browser.newPage();
    await page.goto(`${origin}/graphql`);
    await page.waitForSelector(".graphiql-execute-button", { timeout: 30_000 });
    await page.getByRole("button", { name: "Headers" }).click();
    const headers = JSON.stringify({ Authorization: `Bearer ${secret}` });

    // Without the key the same write is refused.
    await execute(
      page,
      `mutation Anonymous { recordEvent(input: { kind: SEMINAR, titleEn: "x", startsOn: "2020-12-01", source: "x" }) { __typename } }`,
      "{}",
      /UNAUTHENTICATED/,
    );

    const votes = members.map((slug) => `{ government: "${slug}", choice: FOR }`).join(", ");
    const recorded = await execute(
      page,
      `mutation RecordSitting { recordMeeting(input: { committee: "general-assembly", title: "Admission sitting (browser test)", format: SITTING,
        startsOn: "2018-10-30", endsOn: "2018-10-30", host: null, attendance: ${JSON.stringify(members)},
        agendaItems: [{ title: "Admission of Testville", charterItem: 1, votes: [${votes}] }] }) {
          __typename ... on MeetingWriteSuccess { meeting { agendaItems { id outcome { outcome } } } } } }`,
      headers,
      /"outcome": "PASSED"/,
    );
    const agendaItem = /"id": "([^"]+)"/.exec(recorded)![1];

    await execute(
      page,
      `mutation Admit { admitGovernment(input: { newGovernment: { slug: "kr-testville", countryCode: "KR", nameEn: "Testville", source: "browser test" },
        kind: MEMBER, startedOn: "2018-11-01", agendaItem: "${agendaItem}" }) { __typename ... on MembershipWriteSuccess { government { slug } } } }`,
      headers,
      /"slug": "kr-testville"/,
    );
    const association = await execute(page, "query LedgerVersion { association { version } }", headers, /"version": \d+/);
    const associationVersion = /"version": (\d+)/.exec(association)![1];
    await execute(
      page,
      `mutation OpenLedger { openDuesLedger(input: { entries: [{ government: "kr-testville", fiscalYear: 2019, status: UNPAID }, { government: "kr-testville", fiscalYear: 2020, status: UNPAID }],
        source: "browser test: the ledger book", version: ${associationVersion} }) {
          __typename ... on OpenDuesLedgerSuccess { entries { fiscalYear status } } } }`,
      headers,
      /"status": "UNPAID"/,
    );
    const before = await execute(
      page,
      `query RightsBefore { government(slug: "kr-testville") { version votingRights(asOf: "2020-06-15") { eligible reasons { code } } } }`,
      headers,
      /"eligible": false/,
    );
    expect(before).toContain("DUES_ARREARS");
    const governmentVersion = /"version": (\d+)/.exec(before)![1];
    await execute(
      page,
      `mutation PayDues { recordDuesPayment(input: { government: "kr-testville", version: ${governmentVersion}, fiscalYear: 2019, amountMinor: "1180000",
        creditedUsdCents: 100000, paidOn: "2020-06-15", reference: "BROWSER-2019" }) { __typename } }`,
      headers,
      /RecordDuesPaymentSuccess/,
    );
    const after = await execute(
      page,
      `query RightsAfter { government(slug: "kr-testville") { before: votingRights(asOf: "2020-06-14") { eligible } on: votingRights(asOf: "2020-06-15") { eligible } } }`,
      headers,
      /"on": \{\s*"eligible": true/,
    );
    expect(after).toMatch(/"before": \{\s*"eligible": false/);
    await page.screenshot({ path: "test-results/graphiql-secretariat.png" });
  });
});

import { describe, expect, it } from "vitest";
import { createApiKey } from "../../src/modules/access";
import { useBrowserHub } from "../support/browser";

/** The BI dashboard, offline in headless Chromium: the seeded numbers on its charts, a date change, a screenshot for docs/bi.md. */
describe("/dashboard in Chromium", () => {
  const hub = useBrowserHub();

  it("draws the seeded numbers from the hub alone, changes with the date and the language", async () => {
    const { browser, origin } = hub();
    const page = await browser.newPage({ viewport: { width: 1280, height: 1900 } });
    const foreign: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(origin) && !request.url().startsWith("data:")) foreign.push(request.url());
    });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/.test(message.text())) errors.push(message.text());
    });

    await page.goto(`${origin}/dashboard`);
    await page.locator('body[data-loaded="2020-12-31"]').waitFor({ timeout: 30_000 });
    const figure = (name: string) => page.locator(`[data-figure="${name}"] .value`).textContent();
    expect([
      await figure("members"),
      await figure("countries"),
      await figure("observers"),
      await figure("associates"),
      await figure("ambassadors"),
    ]).toEqual(["78", "6", "3", "1", "40"]);
    expect(await figure("population")).toBe("633,194,198");
    // The charts are SVG: the members chart names the countries it draws.
    await expect.poll(() => page.locator("#chart-members svg").textContent()).toContain("Japan");
    expect(await page.locator('#stated tr[data-key="member-population"]').textContent()).toContain("660,000,000");
    expect(await page.textContent("#dues-note")).toContain("No dues ledger covers 2017, 2018, 2019, 2020");
    await page.screenshot({ path: "docs/images/dashboard.png", fullPage: true });

    // 2010: before the 2014-2018 admissions, Jilin's among them; Japan still without Akita (2018).
    await page.fill("#as-of", "2010-12-31");
    await page.dispatchEvent("#as-of", "change");
    await expect.poll(() => page.textContent("#status"), { timeout: 30_000 }).toBe("As of 2010-12-31");
    // Members known that day, and apart from them those whose membership the sources leave unknown.
    const members = /^(\d+)(?: \(\+(\d+) unknown\))?$/.exec((await figure("members")) ?? "");
    expect(members).not.toBeNull();
    expect(Number(members![1])).toBeLessThan(78);

    await page.selectOption("#lang", "ko");
    await expect.poll(() => page.locator("#chart-members svg").textContent(), { timeout: 30_000 }).toContain("일본");
    await expect.poll(() => page.textContent("#status"), { timeout: 30_000 }).toBe("2010-12-31 기준");
    // The page's own words in Korean: headings, table heads, legends, notes.
    expect(await page.textContent("h1")).toBe("숫자로 보는 NEAR");
    expect(await page.textContent('h2[data-word="staffingChart"]')).toBe("사무국 부서별 인력");
    expect(await page.textContent('th[data-word="thComputed"]')).toBe("계산 값");
    expect(await page.textContent("#timeline-note")).toMatch(/^가입 \d+건 중 \d+건은 날짜를 알 수 없습니다/);
    const staffing = ((await page.locator("#chart-staffing svg").textContent()) ?? "").replace(/\s/g, "");
    for (const word of ["재직", "전임"]) expect(staffing).toContain(word);
    // Every group of the staffing chart labelled by its department's name (in Korean where the data has one), none hidden.
    const asked = await fetch(`${origin}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "accept-language": "ko" },
      body: JSON.stringify({
        query: `{ stats(asOf: "2010-12-31") { staffing(groupBy: DEPARTMENT) { key } } departments { slug name { text } } }`,
      }),
    });
    const { data } = (await asked.json()) as {
      data: { stats: { staffing: { key: string | null }[] }; departments: { slug: string; name: { text: string } }[] };
    };
    const labels = data.stats.staffing.map((g) =>
      g.key === null ? "소속 부서 없음" : data.departments.find((d) => d.slug === g.key)!.name.text,
    );
    expect(labels.length).toBeGreaterThan(2);
    for (const label of labels) expect(staffing).toContain(label.replace(/\s/g, ""));
    expect(staffing).not.toMatch(/planning-pr|international-cooperation/);
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
  });

  // Last: it ends a membership in the file's database.
  it("redraws when the secretariat records a change, without a reload", async () => {
    const { browser, origin, db } = hub();
    const { secret } = await createApiKey(db.dataSource.manager, { role: "SECRETARIAT", label: "dashboard live test" });
    const page = await browser.newPage();
    await page.goto(`${origin}/dashboard`);
    await page.locator('body[data-loaded="2020-12-31"][data-live="open"]').waitFor({ timeout: 30_000 });
    const members = () => page.locator('[data-figure="members"] .value').textContent();
    expect(await members()).toBe("78");

    const graphql = async (query: string, variables: Record<string, unknown> = {}) =>
      (await (
        await fetch(`${origin}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
          body: JSON.stringify({ query, variables }),
        })
      ).json()) as {
        data: Record<string, { memberships?: { id: string; version: number; endedOn: string | null }[]; __typename?: string }>;
      };
    const { memberships } = (await graphql(`{ government(slug: "jp-tottori") { memberships { id version endedOn } } }`)).data["government"];
    const open = memberships!.find((m) => m.endedOn === null)!;
    const ended = await graphql(`mutation ($input: EndMembershipInput!) { endMembership(input: $input) { __typename } }`, {
      input: { membership: open.id, version: open.version, endedOn: "2020-12-30", source: "test: the dashboard's live redraw" },
    });
    expect(ended.data["endMembership"].__typename).toBe("MembershipWriteSuccess");
    await expect.poll(members, { timeout: 30_000 }).toBe("77");
  });
});

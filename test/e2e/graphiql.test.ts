import { createServer as createHttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { createApiKey } from "../../src/modules/access";
import { useBrowserHub } from "../support/browser";
import { RECORD_PAYMENT, paymentInput } from "../support/payment";

describe("GraphiQL in a browser", () => {
  const hub = useBrowserHub();

  it("loads from the hub alone, runs the preloaded member-directory example, and shows the result", async () => {
    const { browser, origin } = hub();
    const page = await browser.newPage();
    const foreign: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(origin) && !request.url().startsWith("data:")) foreign.push(request.url());
    });
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));

    await page.goto(`${origin}/graphql`);
    await page.waitForSelector(".graphiql-execute-button", { timeout: 30_000 });
    await expect.poll(() => page.textContent("#near-facts-until")).toBe("2020-12-31");

    await page.click(".graphiql-execute-button");
    const result = page.locator(".result-window");
    await expect.poll(() => result.textContent(), { timeout: 30_000 }).toContain('"totalCount": 78');
    expect(await result.textContent()).toContain('"text": "아키타현"');
    await page.screenshot({ path: "test-results/graphiql.png" });

    expect(pageErrors).toEqual([]);
    expect(foreign).toEqual([]);
  });

  it("passes the Headers pane to the hub: Accept-Language: ko typed there gives Korean names", async () => {
    const { browser, origin } = hub();
    const page = await browser.newPage();
    await page.goto(`${origin}/graphql`);
    await page.waitForSelector(".graphiql-execute-button", { timeout: 30_000 });
    await page.getByRole("button", { name: "Headers" }).click();
    // GraphiQL 3's editors are CodeMirror 5 instances: set their text as a user's typing would end.
    await page.evaluate(() => {
      type Editor = { setValue(text: string): void };
      // The page's document (tests compile without the DOM library).
      const page = (globalThis as unknown as { document: { querySelector(selector: string): unknown } }).document;
      const editorOf = (selector: string) => (page.querySelector(selector) as { CodeMirror: Editor }).CodeMirror;
      editorOf(".graphiql-query-editor .CodeMirror").setValue(
        'query AkitaInKorean { government(slug: "jp-akita") { name { text lang } } }',
      );
      editorOf(".graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror").setValue('{ "Accept-Language": "ko" }');
    });
    // GraphiQL takes the operation's name from the editor a moment later: the tab's title shows it then.
    await page.locator(".graphiql-tab-active", { hasText: "AkitaInKorean" }).waitFor();
    await page.click(".graphiql-execute-button");
    const result = page.locator(".result-window");
    await expect.poll(() => result.textContent(), { timeout: 30_000 }).toContain('"lang": "KO"');
    expect(await result.textContent()).toContain('"text": "아키타현"');
  });

  it("runs a subscription: the result pane shows each change as the hub commits it", async () => {
    const { browser, origin, db, metrics } = hub();
    const { secret } = await createApiKey(db.dataSource.manager, { role: "SECRETARIAT", label: "GraphiQL subscription test" });
    const page = await browser.newPage();
    await page.goto(`${origin}/graphql`);
    await page.waitForSelector(".graphiql-execute-button", { timeout: 30_000 });
    await page.evaluate(() => {
      type Editor = { setValue(text: string): void };
      const page = (globalThis as unknown as { document: { querySelector(selector: string): unknown } }).document;
      (page.querySelector(".graphiql-query-editor .CodeMirror") as { CodeMirror: Editor }).CodeMirror.setValue(
        "subscription Dues { duesStandingChanged { operation government { slug } } }",
      );
    });
    await page.locator(".graphiql-tab-active", { hasText: "Dues" }).waitFor();
    await page.click(".graphiql-execute-button");
    const graphql = (query: string, variables: Record<string, unknown> = {}) =>
      fetch(`${origin}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
        body: JSON.stringify({ query, variables }),
      }).then((r) => r.json() as Promise<{ data: Record<string, Record<string, unknown>> }>);
    const version = (await graphql(`{ government(slug: "jp-akita") { version } }`)).data["government"]["version"] as number;
    // Held once the hub counts it: a write after that reaches it.
    await expect.poll(async () => (await metrics.subscriptions.get()).values[0]?.value ?? 0, { timeout: 30_000 }).toBe(1);
    const paid = await graphql(RECORD_PAYMENT, {
      input: paymentInput("jp-akita", version, "GRAPHIQL-LIVE"),
    });
    expect(paid.data["recordDuesPayment"]["__typename"]).toBe("RecordDuesPaymentSuccess");
    await expect.poll(() => page.locator(".result-window").textContent(), { timeout: 30_000 }).toContain('"slug": "jp-akita"');
    expect(await page.locator(".result-window").textContent()).toContain('"operation": "recordDuesPayment"');
  });

  it("runs under its strict Content-Security-Policy without a violation", async () => {
    const { browser, origin } = hub();
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto(`${origin}/graphql`);
    expect(response?.headers()["content-security-policy"]).toContain("default-src 'self'");
    await page.waitForSelector(".graphiql-execute-button", { timeout: 30_000 });
    await page.click(".graphiql-execute-button");
    await expect.poll(() => page.locator(".result-window").textContent(), { timeout: 30_000 }).toContain('"totalCount": 78');
    expect(violations).toEqual([]);
  });

  it("a partner page on another origin reads the hub with fetch: POST with JSON and a plain GET", async () => {
    const { browser, origin } = hub();
    // The partner's site: another port is another origin.
    const partner = createHttpServer((_request, response) => {
      response.setHeader("content-type", "text/html; charset=utf-8");
      response.end(`<!doctype html><html><body><pre id="post">…</pre><pre id="get">…</pre><script>
        const hub = ${JSON.stringify(origin)};
        fetch(hub + "/graphql", { method: "POST", headers: { "content-type": "application/json", "accept-language": "ja" },
          body: JSON.stringify({ query: '{ government(slug: "kr-gyeongbuk") { name { text } } }' }) })
          .then((r) => r.json()).then((j) => { document.getElementById("post").textContent = j.data.government.name.text; })
          .catch((e) => { document.getElementById("post").textContent = "failed: " + e; });
        fetch(hub + "/graphql?query=" + encodeURIComponent("{ about { factsCompleteUntil } }"))
          .then((r) => r.json()).then((j) => { document.getElementById("get").textContent = j.data.about.factsCompleteUntil; })
          .catch((e) => { document.getElementById("get").textContent = "failed: " + e; });
      </script></body></html>`);
    });
    const partnerOrigin = await new Promise<string>((resolve) =>
      partner.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(partner.address() as AddressInfo).port}`)),
    );
    try {
      expect(partnerOrigin).not.toBe(origin);
      const page = await browser.newPage();
      await page.goto(partnerOrigin);
      await expect.poll(() => page.textContent("#post"), { timeout: 30_000 }).toBe("慶尚北道");
      await expect.poll(() => page.textContent("#get"), { timeout: 30_000 }).toBe("2020-12-31");
    } finally {
      partner.close();
    }
  });
});

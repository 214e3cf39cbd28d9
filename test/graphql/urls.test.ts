import { describe, expect, it } from "vitest";
import { getNamedType, isObjectType } from "graphql";
import { buildHubSchema } from "../../src/graphql/schema";
import { join } from "node:path";
import { cell, readCsv } from "../../src/seed/csv";
import { useTestHub } from "../support/hub";
import { REPO_ROOT } from "../support/paths";

/**
 * Every URL the graph returns is absolute: a partner page can put it in an `href` as
 * it is. The form a source printed (often a bare host name) is kept apart, in the
 * field's `…AsPrinted` sibling.
 */
describe("URLs", () => {
  const hub = useTestHub();

  it("the schema's URL fields are the ones checked here", () => {
    const urlFields = Object.values(buildHubSchema().getTypeMap())
      .filter(isObjectType)
      .filter((type) => !type.name.startsWith("__"))
      .flatMap((type) =>
        Object.values(type.getFields())
          .filter((field) => /(website|url)$/i.test(field.name) && getNamedType(field.type).name === "String")
          .map((field) => `${type.name}.${field.name}`),
      )
      .sort();
    // A webhook's URL is absolute by its registration's check (test/support/webhook-cases.ts refuses the rest).
    expect(urlFields).toEqual(["Government.logoUrl", "Government.website", "PartnerOrganisation.website", "Webhook.url"]);
  });

  it("every government's and partner's website is absolute, the printed form kept apart", async () => {
    const { data } = await hub.run<{
      governments: { nodes: { website: string | null; websiteAsPrinted: string | null; logoUrl: string | null }[] };
      partners: { nodes: { slug: string; website: string | null; websiteAsPrinted: string | null }[] };
    }>(`{
      governments(first: 100) { nodes { website websiteAsPrinted logoUrl } }
      partners(first: 100) { nodes { slug website websiteAsPrinted } }
    }`);
    const urls = [...data!.governments.nodes.flatMap((g) => [g.website, g.logoUrl]), ...data!.partners.nodes.map((p) => p.website)];
    expect(urls.filter((url) => url !== null && !/^https?:\/\/[^/\s]+/.test(url))).toEqual([]);
    // Every partner the report prints a website for (partners.csv's website_in_report) has one.
    const printed = readCsv(join(REPO_ROOT, "seeds", "near-2020", "partners.csv")).filter((row) => cell(row, "website_in_report") !== null);
    expect(
      data!.partners.nodes
        .filter((p) => p.website !== null)
        .map((p) => p.slug)
        .sort(),
    ).toEqual(printed.map((row) => row["id"]).sort());
    // As the report prints it (partners.csv's website_in_report), and the URL made of it.
    expect(data!.partners.nodes.find((p) => p.slug === "iclei")).toEqual({
      slug: "iclei",
      website: "http://www.iclei.org",
      websiteAsPrinted: "www.iclei.org",
    });
  });
});

import { describe, expect, it } from "vitest";
import { Kind, parse } from "graphql";
import type { OperationDefinitionNode } from "graphql";
import { buildHubSchema } from "../../src/graphql/schema";
import { measureOperation } from "../../src/graphql/operation-limits";
import { testCalendar } from "../support/hub";

const schema = buildHubSchema();
const calendar = testCalendar();

function cost(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return measureOperation(schema, document, operation, variables, calendar).cost;
}

/** The cost model prices an operation as it will run (docs/security.md, "Honest cost"). */
describe("the cost of an operation", () => {
  it("prices a variable left out at its default, as sent", () => {
    const page = "{ governments(first: 100) { nodes { slug } } }";
    const withDefault = "query ($n: Int = 100) { governments(first: $n) { nodes { slug } } }";
    expect(cost(withDefault)).toBe(cost(page));
    expect(cost(withDefault, { n: 5 })).toBe(cost("{ governments(first: 5) { nodes { slug } } }"));
    // The probe: 19 aliases of a page left at its default of 100 were priced as 19 pages of 20.
    const aliases = (page: string) =>
      Array.from({ length: 19 }, (_, i) => `a${i}: governments(first: ${page}) { nodes { slug votingRights { eligible } } }`).join(" ");
    expect(cost(`query ($n: Int = 100) { ${aliases("$n")} }`)).toBe(cost(`{ ${aliases("100")} }`));
  });

  it("prices a list of years by the years it covers: the range asked, else the calendar's", () => {
    const dues = (range: string) => cost(`{ stats { dues${range} { fiscalYear } } }`);
    // 2017 (the default `from`) to the calendar's last year, against four years.
    expect(dues("(from: 2017, to: 2020)")).toBeLessThan(dues(""));
    expect(dues("(from: 2017, to: 2020)") - dues("(from: 2017, to: 2017)")).toBe(3);
    // A range the resolver refuses is priced as the whole calendar meanwhile.
    expect(dues("(from: 9990, to: 9999)")).toBe(dues("(from: 1996)"));
    // The range of the field above prices the list below it.
    const timeline = (range: string) => cost(`{ stats { membershipTimeline${range} { years { year } } } }`);
    expect(timeline("(from: 2000, to: 2009)") - timeline("(from: 2000, to: 2000)")).toBe(9);
    // Without a range, the calendar's years.
    const years = Number(calendar.last.slice(0, 4)) - Number(calendar.first.slice(0, 4)) + 1;
    const history = cost('{ government(slug: "jp-akita") { duesHistory { fiscalYear } } }');
    expect(history).toBeGreaterThanOrEqual(years);
  });

  it("charges each object of a list, even one whose fields are all numbers", () => {
    const groups = cost("{ stats { governments(groupBy: [COUNTRY, KIND]) { governments } } }");
    expect(groups).toBeGreaterThan(cost("{ stats { asOf } }") + 1);
  });
});

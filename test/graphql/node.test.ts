import { describe, expect, it } from "vitest";
import { toGlobalId } from "../../src/core/node";
import { useTestHub } from "../support/hub";

describe("global object identification", () => {
  const hub = useTestHub();

  it("gives every object an opaque id that node(id:) resolves back to the same object", async () => {
    const listed = await hub.run<Record<string, { nodes: { id: string; __typename: string }[] }>>(`{
      countries(first: 1) { nodes { id __typename } }
      governments(first: 1, filter: { search: "Sakha" }) { nodes { id __typename memberships { id __typename } coordinatorTerms { id __typename } } }
      committees(first: 1) { nodes { id __typename } }
      staff(first: 1, filter: { search: "赵仙华" }) { nodes { id __typename appointments { id __typename post { id __typename department { id __typename } } } } }
      ambassadors(first: 1) { nodes { id __typename } }
      partners(first: 1) { nodes { id __typename } }
      events(first: 1) { nodes { id __typename } }
    }`);
    const objects: { id: string; __typename: string }[] = [];
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === "object") {
        const record = value as Record<string, unknown>;
        if (typeof record["id"] === "string") objects.push({ id: record["id"], __typename: String(record["__typename"]) });
        Object.values(record).forEach(collect);
      }
    };
    collect(listed.data);
    expect(new Set(objects.map((o) => o.__typename))).toEqual(
      new Set([
        "Country",
        "Government",
        "Membership",
        "CoordinatorTerm",
        "Committee",
        "StaffMember",
        "Appointment",
        "Post",
        "Department",
        "AmbassadorAppointment",
        "PartnerOrganisation",
        "Event",
      ]),
    );
    for (const object of objects) expect(object.id).not.toMatch(/Government|Country|:/);

    const fetched = await hub.run<{ nodes: ({ id: string; __typename: string } | null)[] }>(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { id __typename } }`,
      {
        ids: objects.map((o) => o.id),
      },
    );
    expect(fetched.data!.nodes).toEqual(objects);
  });

  it("resolves a node to its full type with an inline fragment", async () => {
    const id = (await hub.run<{ government: { id: string } }>(`{ government(slug: "kr-gyeongbuk") { id } }`)).data!.government.id;
    const result = await hub.run(`query ($id: ID!) { node(id: $id) { id ... on Government { slug country { code } } } }`, { id });
    expect(result.data).toEqual({ node: { id, slug: "kr-gyeongbuk", country: { code: "KR" } } });
  });

  it("answers null for ids of objects that do not exist, and BAD_USER_INPUT for strings that are no id of ours", async () => {
    const missing = await hub.run(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ids: [toGlobalId("Government", 999999), toGlobalId("NoSuchType", 1), toGlobalId("Government", "abc")],
    });
    expect(missing.data).toEqual({ nodes: [null, null, null] });

    const malformed = await hub.run(`{ node(id: "kr-gyeongbuk") { id } }`);
    expect(malformed.errors?.map((e) => ({ message: e.message, extensions: e.extensions }))).toEqual([
      { message: 'Argument "id": "kr-gyeongbuk" is not an ID this hub issued', extensions: { code: "BAD_USER_INPUT", argumentName: "id" } },
    ]);
  });
});

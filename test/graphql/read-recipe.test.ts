import { describe, expect, it } from "vitest";
import { execute, parse } from "graphql";
import type { GraphQLSchema } from "graphql";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../src/core/context";
import { withChildRows } from "../../src/core/loaders";
import { childRows } from "../../src/core/reads/column-plan";
import { READ_DECLARATIONS, Reads } from "../../src/core/reads/read-plan";
import { createRequestContext } from "../../src/graphql/context";
import { buildHubSchemaWith } from "../../src/graphql/schema";
import { Government } from "../../src/modules/government";
import { Membership, membershipsByGovernment } from "../../src/modules/membership";
import { TEST_TODAY, testCalendar, testViewer, useTestHub } from "../support/hub";

/*
 * docs/architecture.md, "A module": a new field with a relation, followed step by step.
 * The field lives in a `@Resolver(() => Government)` class of the module that depends on
 * the other; it reads through the relation's loader; `@Reads` beside it says what it
 * reads of its root and which child list a parent's read may bring along; the class
 * joins the schema with the module's resolvers (here `buildHubSchemaWith`).
 */

@Resolver(() => Government)
class GovernmentFirstMembershipResolver {
  @Reads<Government>({ columns: [], children: [childRows(membershipsByGovernment, Membership)] })
  @FieldResolver(() => Membership, { nullable: true, description: "Its oldest membership period." })
  firstMembership(@Root() government: Government, @Ctx() ctx: RequestContext): Membership | null | Promise<Membership | null> {
    return withChildRows(ctx.loaders, government, membershipsByGovernment, government.id, (periods) => periods[0] ?? null);
  }
}

/** The same field with the recipe's `@Reads` step left out. */
@Resolver(() => Government)
class GovernmentUndeclaredResolver {
  @FieldResolver(() => Membership, { nullable: true })
  async firstMembershipUndeclared(@Root() government: Government, @Ctx() ctx: RequestContext): Promise<Membership | null> {
    const periods = await ctx.loaders.get(membershipsByGovernment).load(government.id);
    return periods[0] ?? null;
  }
}

/** A field whose `@Reads` leaves out a column it reads. */
@Resolver(() => Government)
class GovernmentUnderDeclaredResolver {
  @Reads<Government>([])
  @FieldResolver(() => Boolean)
  populationKnown(@Root() government: Government): boolean {
    return government.population !== null;
  }
}

describe("a new field with a relation, added as docs/architecture.md says", () => {
  const hub = useTestHub();
  let schema: GraphQLSchema | undefined;

  async function run(query: string) {
    schema ??= buildHubSchemaWith([GovernmentFirstMembershipResolver, GovernmentUndeclaredResolver, GovernmentUnderDeclaredResolver]);
    const built = schema;
    return hub.withEntityManager(async (em) => {
      const before = hub.db.counter.count;
      const contextValue = createRequestContext({
        em,
        requestId: "recipe",
        viewer: testViewer("PUBLIC"),
        now: TEST_TODAY,
        calendar: testCalendar(),
      });
      const result = await execute({ schema: built, document: parse(query), contextValue });
      return {
        result: JSON.parse(JSON.stringify(result)) as { data?: unknown; errors?: { message: string }[] },
        sql: hub.db.counter.statements.slice(before),
      };
    });
  }

  it("is read lean, its child list brought by the parent's statement, and answers as the relation does", async () => {
    const declared = await run(`{ government(slug: "kr-gyeongbuk") { slug firstMembership { kind startedOn } } }`);
    expect(declared.result.errors).toBeUndefined();
    expect(declared.sql).toHaveLength(1);
    expect(declared.sql[0]).not.toContain(`"notes"`);
    const all = await run(`{ government(slug: "kr-gyeongbuk") { memberships { kind startedOn } } }`);
    const memberships = (all.result.data as { government: { memberships: unknown[] } }).government.memberships;
    expect(memberships.length).toBeGreaterThan(0);
    expect(declared.result.data).toEqual({ government: { slug: "kr-gyeongbuk", firstMembership: memberships[0] } });
  });

  it("without `@Reads`, the parent's page reads every column and the answer is the same", async () => {
    const page = (field: string) => `{ governments(first: 5) { nodes { slug ${field} { kind startedOn } } } }`;
    const declared = await run(page("first: firstMembership"));
    const undeclared = await run(page("first: firstMembershipUndeclared"));
    expect(declared.sql[0]).not.toContain(`"g"."notes"`);
    expect(undeclared.sql[0]).toContain(`"g"."notes"`);
    expect(undeclared.result.errors).toBeUndefined();
    expect(undeclared.result.data).toEqual(declared.result.data);
  });

  it("a `@Reads` that leaves out a column the field reads fails under test, naming the column", async () => {
    const short = await run(`{ governments(first: 2) { nodes { slug populationKnown } } }`);
    expect(short.result.errors?.[0]?.message).toMatch(/Government\.population was not read/);
    // Asked together with the column, the row has it and the field answers.
    const withColumn = await run(`{ governments(first: 2) { nodes { slug population populationKnown } } }`);
    expect(withColumn.result.errors).toBeUndefined();
  });

  it("refuses a `@Reads` on a method that is not a field", async () => {
    class NotAResolver {
      @Reads([])
      helper(): void {}
    }
    try {
      expect(() => buildHubSchemaWith([])).toThrow(/@Reads on NotAResolver\.helper, which is not a field/);
    } finally {
      // Declarations are the process's: this one must not reach another schema.
      READ_DECLARATIONS.splice(
        READ_DECLARATIONS.findIndex((declaration) => declaration.target === NotAResolver),
        1,
      );
    }
  });
});

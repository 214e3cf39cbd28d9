import { graphql, isObjectType } from "graphql";
import type { GraphQLObjectType, GraphQLSchema } from "graphql";
import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  InterfaceType,
  ObjectType,
  Query,
  Resolver,
  Root,
  UseMiddleware,
  buildSchemaSync,
} from "type-graphql";
import type { MiddlewareFn } from "type-graphql";
import { describe, expect, it } from "vitest";
import { AsOf } from "../../src/core/as-of";
import type { IsoDate } from "../../src/core/dates";
import { directFieldResolvers, plainPropertyFields } from "../../src/graphql/direct-resolvers";

/**
 * Field resolvers with no middleware, no roles and plain parameters are called
 * directly (src/graphql/direct-resolvers.ts); every other keeps type-graphql's
 * resolver, so its middleware and authorisation still run. A small schema of its own,
 * so each kind is present once.
 */
@ObjectType("DirectThing")
class Thing {
  @Field(() => String)
  key: string;
}

const calls: string[] = [];
const Counted: MiddlewareFn = async (_data, next) => {
  calls.push("middleware");
  return next();
};

@Resolver(() => Thing)
class ThingResolver {
  @Query(() => [Thing])
  things(): Thing[] {
    // The second is a plain object, not a Thing: type-graphql converts such a root, so it keeps that call.
    const plain: Thing = { key: "plain" };
    return [Object.assign(new Thing(), { key: "a" }), plain];
  }

  @FieldResolver(() => String)
  shout(
    @Root() thing: Thing,
    @Arg("suffix", () => String, { nullable: true }) suffix: string | null,
    @Ctx() ctx: { mark: string },
  ): string {
    return `${thing.key.toUpperCase()}${suffix ?? ""}${ctx.mark}:${thing instanceof Thing ? "instance" : "plain"}`;
  }

  @FieldResolver(() => String)
  day(@Root() thing: Thing, @AsOf() asOf: IsoDate): string {
    return `${thing.key}@${asOf}`;
  }

  @FieldResolver(() => String)
  @UseMiddleware(Counted)
  counted(@Root() thing: Thing): string {
    return thing.key;
  }

  @FieldResolver(() => String, { nullable: true })
  @Authorized("ADMIN")
  secret(@Root() thing: Thing): string | null {
    return thing.key;
  }
}

function build(): GraphQLSchema {
  return buildSchemaSync({ resolvers: [ThingResolver], validate: false, authChecker: () => false, authMode: "null" });
}

describe("direct field resolvers", () => {
  it("refuse a schema built with global middlewares, which fields called directly would skip", () => {
    const built = { globalMiddlewares: [async (_: unknown, next: () => Promise<unknown>) => next()] };
    expect(() => directFieldResolvers(build(), built)).toThrow("global middlewares would be skipped");
    expect(() => plainPropertyFields(build(), built)).toThrow("global middlewares would be skipped");
  });

  it("replace only plain field resolvers, and answer as type-graphql's do", async () => {
    const query = `{ things { key shout(suffix: "!") counted secret day asked: day(asOf: "2020-01-02") } }`;
    const contextValue = { mark: "#", today: "2026-12-07" };
    const before = await graphql({ schema: build(), source: query, contextValue });
    const schema = build();
    const fields = (schema.getType("DirectThing") as GraphQLObjectType).getFields();
    const original = {
      shout: fields["shout"].resolve,
      day: fields["day"].resolve,
      counted: fields["counted"].resolve,
      secret: fields["secret"].resolve,
    };
    directFieldResolvers(schema, {});
    expect(fields["shout"].resolve).not.toBe(original.shout);
    // `asOf` with its default applied (core/as-of.ts) is a plain parameter too.
    expect(fields["day"].resolve).not.toBe(original.day);
    expect(fields["counted"].resolve).toBe(original.counted);
    expect(fields["secret"].resolve).toBe(original.secret);

    calls.length = 0;
    const after = await graphql({ schema, source: query, contextValue });
    expect(before.errors).toBeUndefined();
    expect(after).toEqual(before);
    // The middleware still runs for each row; the role check still hides the secret; a plain root is still converted.
    expect(calls).toEqual(["middleware", "middleware"]);
    expect(after.data).toEqual({
      things: [
        { key: "a", shout: "A!#:instance", counted: "a", secret: null, day: "a@2026-12-07", asked: "a@2020-01-02" },
        { key: "plain", shout: "PLAIN!#:instance", counted: "plain", secret: null, day: "plain@2026-12-07", asked: "plain@2020-01-02" },
      ],
    });
  });
});

/** Fields of every kind plain property fields can be confused with, one each. */
@InterfaceType("PlainLabelled")
abstract class Labelled {
  @Field(() => String)
  label: string;
}

@ObjectType("PlainBase")
class Base {
  @Field(() => String)
  inherited: string;
}

@ObjectType("PlainItem", { implements: Labelled })
class Item extends Base implements Labelled {
  @Field(() => String)
  plain: string;

  label: string;

  @Field(() => String, { name: "shown" })
  stored: string;

  @Field(() => String)
  @UseMiddleware(Counted)
  watched: string;

  @Field(() => String, { nullable: true })
  @Authorized("ADMIN")
  guarded: string;

  @Field(() => String)
  computed: string;
}

@Resolver(() => Item)
class ItemResolver {
  @Query(() => [Item])
  items(): Item[] {
    return [Object.assign(new Item(), { plain: "p", label: "l", stored: "s", watched: "w", guarded: "g", computed: "c", inherited: "i" })];
  }

  @FieldResolver(() => String)
  computed(@Root() item: Item): string {
    return `${item.computed}!`;
  }
}

function buildItems(): GraphQLSchema {
  return buildSchemaSync({ resolvers: [ItemResolver], validate: false, authChecker: () => false, authMode: "null" });
}

describe("plain property fields", () => {
  it("lose type-graphql's resolver only where it reads the property and nothing else, and answer the same", async () => {
    const query = "{ items { plain label shown watched guarded computed inherited } }";
    const before = await graphql({ schema: buildItems(), source: query });
    const schema = buildItems();
    const fields = (schema.getType("PlainItem") as GraphQLObjectType).getFields();
    const resolved = () => Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, field.resolve !== undefined]));
    const withResolver = () =>
      Object.values(schema.getTypeMap())
        .filter((type): type is GraphQLObjectType => isObjectType(type))
        .flatMap((type) => Object.values(type.getFields()))
        .filter((field) => field.resolve).length;
    // type-graphql gives every one of them a resolver.
    expect(Object.values(resolved()).every(Boolean)).toBe(true);
    const resolversBefore = withResolver();
    const left = plainPropertyFields(schema, {});
    expect(left).toBe(resolversBefore - withResolver());
    expect(left).toBeGreaterThanOrEqual(3);
    // A middleware, a role check, a resolver method and a field named apart from its property keep a resolver.
    expect(resolved()).toEqual({ plain: false, label: false, inherited: false, shown: true, watched: true, guarded: true, computed: true });

    calls.length = 0;
    const after = await graphql({ schema, source: query });
    expect(before.errors).toBeUndefined();
    expect(after).toEqual(before);
    expect(calls).toEqual(["middleware"]);
    expect(after.data).toEqual({
      items: [{ plain: "p", label: "l", shown: "s", watched: "w", guarded: null, computed: "c!", inherited: "i" }],
    });
  });
});

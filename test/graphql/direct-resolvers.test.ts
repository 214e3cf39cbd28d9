import { graphql } from "graphql";
import type { GraphQLObjectType, GraphQLSchema } from "graphql";
import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ObjectType,
  Query,
  Resolver,
  Root,
  UseMiddleware,
  buildSchemaSync,
} from "type-graphql";
import type { MiddlewareFn } from "type-graphql";
import { describe, expect, it } from "vitest";
import { directFieldResolvers } from "../../src/graphql/direct-resolvers";

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
  it("replace only plain field resolvers, and answer as type-graphql's do", async () => {
    const query = `{ things { key shout(suffix: "!") counted secret } }`;
    const before = await graphql({ schema: build(), source: query, contextValue: { mark: "#" } });
    const schema = build();
    const fields = (schema.getType("DirectThing") as GraphQLObjectType).getFields();
    const original = { shout: fields["shout"].resolve, counted: fields["counted"].resolve, secret: fields["secret"].resolve };
    directFieldResolvers(schema);
    expect(fields["shout"].resolve).not.toBe(original.shout);
    expect(fields["counted"].resolve).toBe(original.counted);
    expect(fields["secret"].resolve).toBe(original.secret);

    calls.length = 0;
    const after = await graphql({ schema, source: query, contextValue: { mark: "#" } });
    expect(before.errors).toBeUndefined();
    expect(after).toEqual(before);
    // The middleware still runs for each row; the role check still hides the secret; a plain root is still converted.
    expect(calls).toEqual(["middleware", "middleware"]);
    expect(after.data).toEqual({
      things: [
        { key: "a", shout: "A!#:instance", counted: "a", secret: null },
        { key: "plain", shout: "PLAIN!#:instance", counted: "plain", secret: null },
      ],
    });
  });
});

import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../core/context";
import { InputError } from "../core/errors";
import { Node, fromGlobalId } from "../core/node";
import type { NodeType } from "../core/node-registry";

const MAX_NODES = 100;

/** `node(id:)` and `nodes(ids:)` over every module's node types. */
export function nodeResolver(nodeTypes: readonly NodeType[]) {
  const byTypename = new Map(nodeTypes.map((type) => [type.typename, type]));

  async function load(id: string, ctx: RequestContext, argumentName: string): Promise<unknown> {
    const parsed = fromGlobalId(id);
    if (parsed === null) throw new InputError(`Argument "${argumentName}": "${id}" is not an ID this hub issued`, argumentName);
    const type = byTypename.get(parsed.typename);
    const key = type?.parseKey(parsed.key) ?? null;
    if (!type || key === null) return null;
    return ctx.loaders.get(type.loader).load(key);
  }

  @Resolver()
  class NodeResolver {
    @Query(() => Node, { nullable: true, description: "Any object by its global ID; null if it no longer exists." })
    node(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<unknown> {
      return load(id, ctx, "id");
    }

    @Query(() => [Node], {
      nullable: "items",
      description: `Objects by global ID, in the order asked, null for missing ones; at most ${MAX_NODES}.`,
    })
    nodes(@Arg("ids", () => [ID]) ids: string[], @Ctx() ctx: RequestContext): Promise<unknown[]> {
      if (ids.length > MAX_NODES) throw new InputError(`Argument "ids" holds ${ids.length} IDs; at most ${MAX_NODES} are allowed`, "ids");
      return Promise.all(ids.map((id) => load(id, ctx, "ids")));
    }
  }
  return NodeResolver;
}

import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../../core/context";
import { listApiKeys } from "./api-keys";
import { ApiKeyType, CreateApiKeyInput, CreateApiKeySuccess, RevokeApiKeyInput, RevokeApiKeySuccess } from "./api-keys.types";
import { createApiKeyWrite, revokeApiKeyWrite, shownKey } from "./api-keys.writes";
import { runMutation } from "./mutation";
import { mutationResult } from "./problems.types";

const CreateApiKeyResult = mutationResult("CreateApiKey", CreateApiKeySuccess);
const RevokeApiKeyResult = mutationResult("RevokeApiKey", RevokeApiKeySuccess);

/** API keys, for ADMIN: made and revoked while the hub runs, each write audited (the secret never is). */
@Resolver()
export class ApiKeyResolver {
  @Authorized("ADMIN")
  @Query(() => [ApiKeyType], { description: "Every API key, oldest first (ADMIN). Secrets are never shown again." })
  async apiKeys(@Ctx() ctx: RequestContext): Promise<ApiKeyType[]> {
    return (await listApiKeys(ctx.em)).map(shownKey);
  }

  @Authorized("ADMIN")
  @Mutation(() => CreateApiKeyResult, {
    description: "Makes an API key and shows its secret this once (ADMIN). It works at once, on every replica.",
  })
  createApiKey(
    @Arg("input", () => CreateApiKeyInput) input: CreateApiKeyInput,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof CreateApiKeyResult> {
    return runMutation(ctx, "createApiKey", input, (uow) => createApiKeyWrite(uow, input));
  }

  @Authorized("ADMIN")
  @Mutation(() => RevokeApiKeyResult, { description: "Revokes an API key (ADMIN): refused from its next request, on every replica." })
  revokeApiKey(
    @Arg("input", () => RevokeApiKeyInput) input: RevokeApiKeyInput,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof RevokeApiKeyResult> {
    return runMutation(ctx, "revokeApiKey", input, (uow) => revokeApiKeyWrite(uow, input));
  }
}

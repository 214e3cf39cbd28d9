import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from "type-graphql";
import { enumFrom } from "../../core/enums";
import { InstantScalar } from "../../core/scalars";
import { KEY_ROLES } from "./api-keys";
import type { KeyRole } from "./api-keys";

const ApiKeyRole = enumFrom(
  KEY_ROLES,
  "ApiKeyRole",
  "What a key may do: PARTNER reads (a higher rate), SECRETARIAT writes, ADMIN also manages keys and reads the audit log.",
);

@ObjectType("ApiKey", { description: "An API key as the hub keeps it: never its secret, only the secret's first characters." })
export class ApiKeyType {
  @Field(() => ID)
  id: number;

  @Field(() => String)
  label: string;

  @Field(() => ApiKeyRole)
  role: KeyRole;

  @Field(() => String, { description: "The secret's first characters, to tell keys apart." })
  prefix: string;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  lastUsedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  expiresAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  revokedAt: Date | null;
}

@InputType("CreateApiKeyInput")
export class CreateApiKeyInput {
  @Field(() => ApiKeyRole)
  role: KeyRole;

  @Field(() => String, { description: "Whose key it is, for the audit log and the key list (1 to 200 characters)." })
  label: string;

  @Field(() => InstantScalar, {
    nullable: true,
    description: "From when the key is refused (a day means its end, UTC); none: it lasts until revoked.",
  })
  expiresAt?: Date | null;
}

@ObjectType("CreateApiKeySuccess")
export class CreateApiKeySuccess {
  @Field(() => ApiKeyType)
  key: ApiKeyType;

  @Field(() => String, {
    description: "The secret, shown this once: the hub keeps only its SHA-256. Send it as `Authorization: Bearer …`.",
  })
  secret: string;
}

@InputType("RevokeApiKeyInput")
export class RevokeApiKeyInput {
  @Field(() => Int, { description: "The key's id (see apiKeys)." })
  id: number;
}

@ObjectType("RevokeApiKeySuccess")
export class RevokeApiKeySuccess {
  @Field(() => ApiKeyType, { description: "The key, refused by every replica from its next request." })
  key: ApiKeyType;
}

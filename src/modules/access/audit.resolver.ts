import { Args, Authorized, Ctx, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../../core/context";
import { connectionType } from "../../core/pagination";
import type { ConnectionValue } from "../../core/pagination";
import { AuditEntry } from "./audit-entry.entity";
import { AuditLogArgs } from "./audit.args";
import { listAuditEntries } from "./audit.service";

const AuditEntryConnection = connectionType(AuditEntry, "AuditEntry");

@Resolver()
export class AuditResolver {
  @Authorized("ADMIN")
  @Query(() => AuditEntryConnection, { description: "Every successful write, newest first (ADMIN). Entries never change." })
  auditLog(@Args(() => AuditLogArgs) args: AuditLogArgs, @Ctx() ctx: RequestContext): Promise<ConnectionValue<AuditEntry>> {
    return listAuditEntries(ctx, args);
  }
}

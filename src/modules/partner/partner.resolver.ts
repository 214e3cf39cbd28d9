import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../core/context";
import { LanguageTagScalar, LocalizedName, namesEnZh, pickName } from "../../core/i18n";
import type { Lang } from "../../core/i18n";
import type { ConnectionValue } from "../../core/pagination";
import { PartnerOrganisation } from "./partner-organisation.entity";
import { PartnersArgs } from "./partner.args";
import { partnerBySlug } from "./partner.loader";
import { listPartners } from "./partner.service";
import { PartnerConnection } from "./partner.types";

@Resolver(() => PartnerOrganisation)
export class PartnerResolver {
  @Query(() => PartnerOrganisation, { nullable: true, description: "A partner organisation by slug (r20, iclei, …); null if unknown." })
  partner(@Arg("slug", () => String) slug: string, @Ctx() ctx: RequestContext): Promise<PartnerOrganisation | null> {
    return ctx.loaders.get(partnerBySlug).load(slug);
  }

  @Query(() => PartnerConnection)
  partners(@Args(() => PartnersArgs) args: PartnersArgs, @Ctx() ctx: RequestContext): Promise<ConnectionValue<PartnerOrganisation>> {
    return listPartners(ctx, args);
  }

  @FieldResolver(() => LocalizedName)
  name(
    @Root() partner: PartnerOrganisation,
    @Arg("lang", () => LanguageTagScalar, { nullable: true }) lang: Lang | null,
    @Ctx() ctx: RequestContext,
  ): LocalizedName | null {
    return pickName(namesEnZh(partner.nameEn, partner.nameZh), lang ?? ctx.preferredLang);
  }
}

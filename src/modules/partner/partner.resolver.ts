import DataLoader from "dataloader";
import { In } from "typeorm";
import type { EntityManager } from "typeorm";
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../core/context";
import { nonEmptyList, searchText } from "../../core/filters";
import { LanguageTagScalar, LocalizedName, pickName } from "../../core/i18n";
import type { Lang } from "../../core/i18n";
import { loaderById, oneByKey } from "../../core/loaders";
import type { LoaderScope } from "../../core/loaders";
import { connectionType, likePattern, paginate } from "../../core/pagination";
import type { ConnectionValue, Ordering } from "../../core/pagination";
import { PartnerOrganisation } from "./partner-organisation.entity";
import { PartnerOrder, PartnersArgs } from "./partner.args";

export const partnerById = loaderById(PartnerOrganisation);

export function partnerBySlug({ em }: LoaderScope): DataLoader<string, PartnerOrganisation | null> {
  return new DataLoader(async (slugs) =>
    oneByKey(slugs, await em.getRepository(PartnerOrganisation).findBy({ slug: In([...slugs]) }), (row) => row.slug),
  );
}

const keys = [
  { sql: `p.name_en COLLATE "C"`, value: (p: PartnerOrganisation) => p.nameEn },
  { sql: `p.slug COLLATE "C"`, value: (p: PartnerOrganisation) => p.slug },
];
const ORDERINGS: Record<PartnerOrder, Ordering<PartnerOrganisation>> = {
  [PartnerOrder.NAME_ASC]: { name: "NAME", descending: false, keys },
  [PartnerOrder.NAME_DESC]: { name: "NAME", descending: true, keys },
};

function listPartners(em: EntityManager, args: PartnersArgs): Promise<ConnectionValue<PartnerOrganisation>> {
  const query = em.getRepository(PartnerOrganisation).createQueryBuilder("p");
  const relations = nonEmptyList(args.filter?.relations, "filter.relations");
  if (relations) query.andWhere("p.relation IN (:...relations)", { relations });
  const text = searchText(args.filter?.search, "filter.search");
  if (text !== null) query.andWhere("(p.name_en ILIKE :pattern OR p.name_zh ILIKE :pattern)", { pattern: likePattern(text) });
  return paginate(query, ORDERINGS[args.orderBy], args);
}

export const PartnerConnection = connectionType(PartnerOrganisation, "PartnerOrganisation");

@Resolver(() => PartnerOrganisation)
export class PartnerResolver {
  @Query(() => PartnerOrganisation, { nullable: true, description: "A partner organisation by slug (r20, iclei, …); null if unknown." })
  partner(@Arg("slug", () => String) slug: string, @Ctx() ctx: RequestContext): Promise<PartnerOrganisation | null> {
    return ctx.loaders.get(partnerBySlug).load(slug);
  }

  @Query(() => PartnerConnection)
  partners(@Args(() => PartnersArgs) args: PartnersArgs, @Ctx() ctx: RequestContext): Promise<ConnectionValue<PartnerOrganisation>> {
    return listPartners(ctx.em, args);
  }

  @FieldResolver(() => LocalizedName)
  name(
    @Root() partner: PartnerOrganisation,
    @Arg("lang", () => LanguageTagScalar, { nullable: true }) lang: Lang | null,
    @Ctx() ctx: RequestContext,
  ): LocalizedName | null {
    return pickName({ en: partner.nameEn, zh: partner.nameZh, ko: null, ja: null, ru: null, mn: null }, lang ?? ctx.preferredLang);
  }
}

import type { UnitOfWork } from "../../core/context";
import { nonEmptyList, searchText } from "../../core/filters";
import { likePattern, paginate } from "../../core/pagination";
import type { ConnectionValue, Ordering } from "../../core/pagination";
import { PartnerOrganisation } from "./partner-organisation.entity";
import { PartnerOrder } from "./partner.args";
import type { PartnersArgs } from "./partner.args";
import { wholeRows } from "../../core/reads/lean-many";

const keys = [
  { sql: `p.name_en COLLATE "C"`, value: (p: PartnerOrganisation) => p.nameEn },
  { sql: `p.slug COLLATE "C"`, value: (p: PartnerOrganisation) => p.slug },
];
const ORDERINGS: Record<PartnerOrder, Ordering<PartnerOrganisation>> = {
  [PartnerOrder.NAME_ASC]: { name: "NAME", descending: false, keys },
  [PartnerOrder.NAME_DESC]: { name: "NAME", descending: true, keys },
};

export function listPartners({ em }: UnitOfWork, args: PartnersArgs): Promise<ConnectionValue<PartnerOrganisation>> {
  const query = em.getRepository(PartnerOrganisation).createQueryBuilder("p");
  const relations = nonEmptyList(args.filter?.relations, "filter.relations");
  if (relations) query.andWhere("p.relation IN (:...relations)", { relations });
  const text = searchText(args.filter?.search, "filter.search");
  if (text !== null) query.andWhere("(p.name_en ILIKE :pattern OR p.name_zh ILIKE :pattern)", { pattern: likePattern(text) });
  return paginate(em, query, ORDERINGS[args.orderBy], args, wholeRows(em, PartnerOrganisation, "p"));
}

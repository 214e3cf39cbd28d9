import type { UnitOfWork } from "../../core/context";
import { countryCodes, nonEmptyList } from "../../core/filters";
import { paginate } from "../../core/pagination";
import type { ConnectionValue, Ordering } from "../../core/pagination";
import { knownCountries } from "../country";
import { AmbassadorAppointment } from "./ambassador-appointment.entity";
import { AmbassadorOrder } from "./ambassador.args";
import type { AmbassadorsArgs } from "./ambassador.args";
import { wholeRows } from "../../core/reads/lean-many";

const keys = [
  { sql: "a.term_start", value: (a: AmbassadorAppointment) => a.termStart },
  { sql: `a.natural_key COLLATE "C"`, value: (a: AmbassadorAppointment) => a.naturalKey },
];
const ORDERINGS: Record<AmbassadorOrder, Ordering<AmbassadorAppointment>> = {
  [AmbassadorOrder.TERM_START_ASC]: { name: "TERM_START", descending: false, keys },
  [AmbassadorOrder.TERM_START_DESC]: { name: "TERM_START", descending: true, keys },
};

export async function listAmbassadors({ em }: UnitOfWork, args: AmbassadorsArgs): Promise<ConnectionValue<AmbassadorAppointment>> {
  const filter = args.filter ?? {};
  const query = em.getRepository(AmbassadorAppointment).createQueryBuilder("a");
  const countries = await knownCountries(em, countryCodes(filter.countries, "filter.countries"), "filter.countries");
  if (countries) query.andWhere("a.country_code IN (:...countries)", { countries });
  const kinds = nonEmptyList(filter.kinds, "filter.kinds");
  if (kinds) query.andWhere("a.kind IN (:...kinds)", { kinds });
  if (filter.government) {
    query.andWhere("a.government_id IN (SELECT g.id FROM government g WHERE g.slug = :government)", { government: filter.government });
  }
  if (filter.round !== null && filter.round !== undefined) query.andWhere("a.round = :round", { round: filter.round });
  if (filter.activeOn) {
    query.andWhere("a.term_start <= :activeOn AND (a.term_end IS NULL OR a.term_end >= :activeOn)", { activeOn: filter.activeOn });
  }
  return paginate(em, query, ORDERINGS[args.orderBy], args, wholeRows(em, AmbassadorAppointment, "a"));
}

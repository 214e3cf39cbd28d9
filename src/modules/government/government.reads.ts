/**
 * Reads of governments that bring along what the operation selects on them: one
 * government by slug, or a country's governments, with their country and the child
 * lists their fields read in the same statement (`government.loader.ts`), handed to
 * the loaders those fields read. They exist for speed: the loaders alone answer the
 * same, a statement per relation.
 */
import type { UnitOfWork } from "../../core/context";
import { primeChildren, primeRelated } from "../../core/loaders";
import type { LoaderRegistry } from "../../core/loaders";
import { childRows } from "../../core/reads/column-plan";
import type { NestedRead, ReadPlan } from "../../core/reads/column-plan";
import { countryByCode } from "../country";
import type { Country } from "../country";
import { MEMBERSHIP_PERIOD_COLUMNS, Membership, membershipsByGovernment } from "../membership";
import type { Government } from "./government.entity";
import { governmentReadsByCountry, governmentReadsBySlug, nestedGovernmentsOfCountry } from "./government.loader";
import type { GovernmentRead, GovernmentReadShape } from "./government.loader";

/** Hands the countries a statement joined to the request's country loader, so `country` sends no statement of its own. */
export function primeCountries(loaders: LoaderRegistry, governments: readonly Government[]): void {
  const countries = loaders.get(countryByCode);
  for (const government of governments) {
    if (government.joinedCountry) countries.prime(government.countryCode, government.joinedCountry);
  }
}

/**
 * One government by slug in the read's shape (its country and the child lists the
 * operation selects in the same statement, batched across aliases of one shape),
 * handing what came along to the loaders the fields read.
 */
export async function governmentBySlugRead({ loaders }: UnitOfWork, slug: string, read: ReadPlan<Government>): Promise<Government | null> {
  const shape = readShapeOf(read);
  const reads = await loaders.get(governmentReadsBySlug(shape)).load(slug);
  primeReads(loaders, shape, reads);
  return reads[0]?.government ?? null;
}

/** What `governmentsOfCountryRead`'s caller filters a country's governments by: their periods' kinds and dates. */
const PERIODS = childRows(membershipsByGovernment, Membership, MEMBERSHIP_PERIOD_COLUMNS);

/** The read of one government or a page of them: its columns, its country when selected, the child lists its fields read. */
function readShapeOf(read: ReadPlan<Government>): GovernmentReadShape {
  return { columns: read.columns, withCountry: read.relation("country") !== null, children: read.children() };
}

/**
 * The read of a country's governments: their membership periods always (the caller
 * filters by them), first, with the columns the filter and the selected fields need;
 * the other child lists those fields read.
 */
function countryGovernmentsShape(read: ReadPlan<Government>): GovernmentReadShape {
  let shape = countryShapes.get(read);
  if (!shape) countryShapes.set(read, (shape = { columns: read.columns, withCountry: false, children: read.children([PERIODS]) }));
  return shape;
}

/** A plan is made once per field of an operation (`@ReadPlanOf()`): its shape serves every country of the page. */
const countryShapes = new WeakMap<ReadPlan<Government>, GovernmentReadShape>();

/** Every government of a country in the read's shape (`countryGovernmentsShape`), with its membership periods, the other child lists handed to their loaders. */
export async function governmentsOfCountryRead(
  { loaders }: UnitOfWork,
  countryCode: string,
  read: ReadPlan<Government>,
): Promise<{ government: Government; memberships: Membership[] }[]> {
  const shape = countryGovernmentsShape(read);
  const reads = await loaders.get(governmentReadsByCountry(shape)).load(countryCode);
  primeReads(loaders, shape, reads);
  return reads.map(({ government, children }) => ({ government, memberships: children[0] as Membership[] }));
}

/**
 * A page of countries brings each country's governments (`@Reads({ nested })` on
 * `Country.governments`): the rows `governmentsOfCountryRead` would read, primed into the
 * very loader it reads them from, so a country's `governments` sends no statement.
 */
export const GOVERNMENTS_OF_COUNTRY: NestedRead<Country> = {
  plan(em, parentAlias, read) {
    const shape = countryGovernmentsShape(read);
    const nested = nestedGovernmentsOfCountry(em, shape);
    const { driver } = em.connection;
    return {
      sql: nested.sql(`${driver.escape(parentAlias)}.${driver.escape("code")}`),
      prime(loaders, country, value) {
        const reads = nested.read(value);
        loaders.get(governmentReadsByCountry(shape)).prime(country.code, reads);
        primeReads(loaders, shape, reads);
      },
    };
  },
};

/** Reads already handed over: a country's governments, brought by its page's statement, are handed over there and read again by its field. */
const handedOver = new WeakSet<readonly GovernmentRead[]>();

/** Hands the countries and child rows a read brought to the request's loaders, so those fields send no statement of their own. */
function primeReads(loaders: LoaderRegistry, shape: GovernmentReadShape, reads: readonly GovernmentRead[]): void {
  if (handedOver.has(reads)) return;
  handedOver.add(reads);
  const governments = reads.map((read) => read.government);
  if (shape.withCountry) primeCountries(loaders, governments);
  primeChildren(
    loaders,
    shape.children,
    governments,
    (government) => government.id,
    shape.children.map((_, list) => reads.map((read) => read.children[list])),
  );
  // Every read of a batch holds the batch's to-one rows.
  if (reads.length > 0) primeRelated(loaders, reads[0].related);
}

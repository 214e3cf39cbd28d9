import { In } from "typeorm";
import { FIRST_FISCAL_YEAR, duesForYear, yearOf } from "../../charter";
import type { UnitOfWork } from "../../core/context";
import type { IsoDate } from "../../core/dates";
import { InputError, NotFoundError } from "../../core/errors";
import { toGlobalId } from "../../core/node";
import { requiredText } from "../../core/inputs";
import { bumpVersion, lockVersioned } from "../access";
import type { Written } from "../access";
import { Association, associationOf } from "../association";
import { DuesLedgerEntry, DuesPayment, DuesWaiver } from "../dues";
import { membershipPeriodOf, membershipsByGovernment } from "../membership";
import { Government, governmentBySlug } from "../government";
import { OpenDuesLedgerSuccess, RecordDuesPaymentSuccess, RecordDuesWaiverSuccess } from "./ledger.inputs";
import type { OpenDuesLedgerInput, RecordDuesPaymentInput, RecordDuesWaiverInput } from "./ledger.inputs";
import { governmentChanges } from "../../core/live-event";

const MAX_MINOR_UNITS = 10n ** 15n;

function checkFiscalYear(year: number, today: IsoDate, field: string): void {
  const thisYear = yearOf(today);
  if (year < FIRST_FISCAL_YEAR || year > thisYear + 1) {
    throw new InputError(
      `${field} must be a fiscal year from ${FIRST_FISCAL_YEAR} (the Dues Regulation's first) to ${thisYear + 1}, got ${year}`,
      field,
    );
  }
}

function checkDay(day: IsoDate, today: IsoDate, field: string): void {
  if (day > today) throw new InputError(`${field} (${day}) is in the future: record what has happened`, field);
}

async function governmentFor(uow: UnitOfWork, slug: string, version: number): Promise<Government> {
  const found = await uow.loaders.get(governmentBySlug).load(slug);
  if (!found) throw new NotFoundError(`input.government: no government "${slug}"`, "input.government");
  // A new ledger row changes what the government's dues standing means: its version moves.
  return bumpVersion(uow.em, Government, "government", { id: found.id }, version);
}

/** How many entries one write may record: every member for about 25 years. */
const MAX_ENTRIES = 2000;

/**
 * Records what the secretariat's dues records show, per member and fiscal year (Dues
 * Reg. Art. 6): PAID, UNPAID, or UNKNOWN to take an entry back. A year with no entry
 * and no booked payment stays unknown and restricts no one, so opening the ledger
 * restricts only the members it records as unpaid. Entries that say what is already
 * recorded change nothing; every change keeps the earlier version (`asKnownOn`). The
 * association's version is the ledger's lock; each member whose entries change moves
 * its version too, as a payment does.
 */
export async function openDuesLedger(uow: UnitOfWork, input: OpenDuesLedgerInput): Promise<Written<OpenDuesLedgerSuccess>> {
  const source = requiredText(input.source, "input.source");
  if (input.entries.length === 0) throw new InputError("input.entries is empty: give at least one member's fiscal year", "input.entries");
  if (input.entries.length > MAX_ENTRIES) {
    throw new InputError(
      `input.entries holds ${input.entries.length} entries, over the ${MAX_ENTRIES} one write may record`,
      "input.entries",
    );
  }
  const governments = await uow.loaders.get(governmentBySlug).loadMany(input.entries.map((e) => e.government));
  const seen = new Set<string>();
  const wanted = await Promise.all(
    input.entries.map(async (entry, index) => {
      const at = `input.entries[${index}]`;
      const government = governments[index];
      if (!(government instanceof Government))
        throw new NotFoundError(`${at}.government: no government "${entry.government}"`, `${at}.government`);
      checkFiscalYear(entry.fiscalYear, uow.today, `${at}.fiscalYear`);
      const key = `${government.id}/${entry.fiscalYear}`;
      if (seen.has(key)) throw new InputError(`${at}: ${entry.government}'s fiscal year ${entry.fiscalYear} is given twice`, at);
      seen.add(key);
      if (entry.status !== "UNKNOWN") {
        const periods = (await uow.loaders.get(membershipsByGovernment).load(government.id)).map(membershipPeriodOf);
        const dues = duesForYear(periods, { entries: [], payments: [], waivers: [] }, entry.fiscalYear, uow.today);
        if (!dues.assessed) {
          throw new InputError(
            `${at}: ${entry.government} owes no dues for ${entry.fiscalYear} (${dues.reasons[0]?.message ?? "not assessed"}), so the ledger records nothing of it`,
            at,
          );
        }
      }
      return { government, entry };
    }),
  );
  const before = await lockVersioned(uow.em, Association, "association", { id: 1 }, input.version);
  const repository = uow.em.getRepository(DuesLedgerEntry);
  const existing = new Map(
    (await repository.findBy({ governmentId: In([...new Set(wanted.map((w) => w.government.id))]) })).map((row) => [
      `${row.governmentId}/${row.fiscalYear}`,
      row,
    ]),
  );
  const changes: { before: DuesLedgerEntry | null; after: DuesLedgerEntry | null }[] = [];
  for (const { government, entry } of wanted) {
    const current = existing.get(`${government.id}/${entry.fiscalYear}`) ?? null;
    if (entry.status === "UNKNOWN") {
      if (!current) continue;
      await repository.delete({ id: current.id });
      changes.push({ before: current, after: null });
    } else if (!current) {
      const row = repository.create({ governmentId: government.id, fiscalYear: entry.fiscalYear, status: entry.status, source });
      changes.push({ before: null, after: await repository.save(row) });
    } else if (current.status !== entry.status || current.source !== source) {
      await repository.update({ id: current.id }, { status: entry.status, source });
      changes.push({ before: current, after: Object.assign(repository.create(current), { status: entry.status, source }) });
    }
  }
  const changed = [...new Set(changes.map((c) => (c.after ?? c.before)!.governmentId))];
  if (changed.length > 0) {
    await uow.em.getRepository(Association).update({ id: 1 }, { version: before.version + 1 });
    await uow.em.getRepository(Government).increment({ id: In(changed) }, "version", 1);
  }
  uow.loaders.clear();
  const after = await uow.em.getRepository(Government).findBy({ id: In(changed) });
  return {
    result: Object.assign(new OpenDuesLedgerSuccess(), {
      association: await associationOf(uow),
      entries: changes.flatMap((c) => (c.after ? [c.after] : [])),
      governments: after.sort((a, b) => a.slug.localeCompare(b.slug)),
    }),
    targets: ["association", ...changed.map((id) => toGlobalId("Government", id))],
    changes: after.flatMap((government) => governmentChanges(government, "duesStandingChanged")),
    before: { version: before.version, entries: changes.map((c) => c.before) },
    after: { version: changed.length > 0 ? before.version + 1 : before.version, entries: changes.map((c) => c.after) },
  };
}

export async function recordDuesPayment(uow: UnitOfWork, input: RecordDuesPaymentInput): Promise<Written<RecordDuesPaymentSuccess>> {
  checkFiscalYear(input.fiscalYear, uow.today, "input.fiscalYear");
  checkDay(input.paidOn, uow.today, "input.paidOn");
  if (!/^[1-9]\d*$/.test(input.amountMinor) || BigInt(input.amountMinor) >= MAX_MINOR_UNITS) {
    throw new InputError(
      'input.amountMinor must be a whole number of minor units above 0, as a decimal string (e.g. "1200000")',
      "input.amountMinor",
    );
  }
  const currency = input.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency))
    throw new InputError(`input.currency must be an ISO 4217 code such as KRW, got "${input.currency}"`, "input.currency");
  if (!Number.isInteger(input.creditedUsdCents) || input.creditedUsdCents < 0 || input.creditedUsdCents > 100_000) {
    throw new InputError("input.creditedUsdCents must be 0 to 100000 (USD 1,000.00, one year's dues)", "input.creditedUsdCents");
  }
  const reference = input.reference.trim();
  if (reference === "") throw new InputError("input.reference must not be empty: give the booking reference", "input.reference");
  const government = await governmentFor(uow, input.government, input.version);
  const repository = uow.em.getRepository(DuesPayment);
  const payment = await repository.save(
    repository.create({
      governmentId: government.id,
      fiscalYear: input.fiscalYear,
      amountMinor: input.amountMinor,
      currency,
      creditedUsdCents: input.creditedUsdCents,
      paidOn: input.paidOn,
      reference,
      notes: input.notes?.trim() || null,
    }),
  );
  const after = await uow.em.getRepository(Government).findOneByOrFail({ id: government.id });
  return {
    result: Object.assign(new RecordDuesPaymentSuccess(), { payment, government: after }),
    targets: [toGlobalId("DuesPayment", payment.id), toGlobalId("Government", government.id)],
    changes: governmentChanges(after, "duesStandingChanged"),
    before: null,
    after: { payment },
  };
}

export async function recordDuesWaiver(uow: UnitOfWork, input: RecordDuesWaiverInput): Promise<Written<RecordDuesWaiverSuccess>> {
  checkFiscalYear(input.fiscalYear, uow.today, "input.fiscalYear");
  checkDay(input.decidedOn, uow.today, "input.decidedOn");
  if (!Number.isInteger(input.waivedUsdCents) || input.waivedUsdCents < 1 || input.waivedUsdCents > 100_000) {
    throw new InputError("input.waivedUsdCents must be 1 to 100000 (at most one year's USD 1,000.00)", "input.waivedUsdCents");
  }
  const reason = input.reason.trim();
  if (reason === "") throw new InputError("input.reason must say why the waiver was granted", "input.reason");
  const government = await governmentFor(uow, input.government, input.version);
  const repository = uow.em.getRepository(DuesWaiver);
  const waiver = await repository.save(
    repository.create({
      governmentId: government.id,
      fiscalYear: input.fiscalYear,
      waivedUsdCents: input.waivedUsdCents,
      reason,
      decidedOn: input.decidedOn,
    }),
  );
  const after = await uow.em.getRepository(Government).findOneByOrFail({ id: government.id });
  return {
    result: Object.assign(new RecordDuesWaiverSuccess(), { waiver, government: after }),
    targets: [toGlobalId("DuesWaiver", waiver.id), toGlobalId("Government", government.id)],
    changes: governmentChanges(after, "duesStandingChanged"),
    before: null,
    after: { waiver },
  };
}

import { FIRST_FISCAL_YEAR } from "../../charter";
import type { UnitOfWork } from "../../core/context";
import type { IsoDate } from "../../core/dates";
import { InputError, NotFoundError } from "../../core/errors";
import { toGlobalId } from "../../core/node";
import { bumpVersion, updateVersioned } from "../access";
import type { Written } from "../access";
import { Association, associationOf } from "../association";
import { DuesPayment, DuesWaiver } from "../dues";
import { Government, governmentBySlug } from "../government";
import { OpenDuesLedgerSuccess, RecordDuesPaymentSuccess, RecordDuesWaiverSuccess } from "./ledger.inputs";
import type { OpenDuesLedgerInput, RecordDuesPaymentInput, RecordDuesWaiverInput } from "./ledger.inputs";

const MAX_MINOR_UNITS = 10n ** 15n;

function checkFiscalYear(year: number, today: IsoDate, field: string): void {
  const thisYear = Number(today.slice(0, 4));
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

/** Sets or extends back the first fiscal year the ledger is complete for; never moves it later (that would hide arrears). */
export async function openDuesLedger(uow: UnitOfWork, input: OpenDuesLedgerInput): Promise<Written<OpenDuesLedgerSuccess>> {
  checkFiscalYear(input.fromFiscalYear, uow.today, "input.fromFiscalYear");
  const current = await uow.em.getRepository(Association).findOneByOrFail({ id: 1 });
  if (current.duesLedgerFrom !== null && input.fromFiscalYear > current.duesLedgerFrom) {
    throw new InputError(
      `input.fromFiscalYear: the ledger already covers fiscal years from ${current.duesLedgerFrom}; it can be extended back, never shortened`,
      "input.fromFiscalYear",
    );
  }
  const { before, after } = await updateVersioned(uow.em, Association, "association", { id: 1 }, input.version, {
    duesLedgerFrom: input.fromFiscalYear,
  });
  uow.loaders.clear();
  return {
    result: Object.assign(new OpenDuesLedgerSuccess(), { association: await associationOf(uow) }),
    targets: ["association"],
    before: { duesLedgerFrom: before.duesLedgerFrom, version: before.version },
    after: { duesLedgerFrom: after.duesLedgerFrom, version: after.version },
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
    before: null,
    after: { waiver },
  };
}

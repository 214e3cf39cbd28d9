import type { UnitOfWork } from "../../core/context";

/** The earliest fiscal year the ledger records anything of: an entry, a booked payment or a waiver. */
export async function firstRecordedFiscalYear(uow: UnitOfWork): Promise<number | null> {
  return uow.loaders.memo("firstRecordedFiscalYear", async () => {
    const [row] = await uow.em.query<{ year: number | null }[]>(
      `SELECT min(fiscal_year)::int AS year FROM (
         SELECT fiscal_year FROM dues_ledger_entry UNION ALL SELECT fiscal_year FROM dues_payment UNION ALL SELECT fiscal_year FROM dues_waiver) years`,
    );
    return row?.year ?? null;
  });
}

/**
 * A dues payment the 2020 facts accept, for tests that need a committed write to
 * happen (subscriptions, webhooks): USD 1,000 for fiscal 2020, paid 2020-03-02.
 */
export const RECORD_PAYMENT = "mutation ($input: RecordDuesPaymentInput!) { recordDuesPayment(input: $input) { __typename } }";

export function paymentInput(government: string, version: number, reference: string) {
  return {
    government,
    version,
    fiscalYear: 2020,
    amountMinor: "100000",
    currency: "USD",
    creditedUsdCents: 100_000,
    paidOn: "2020-03-02",
    reference,
  };
}

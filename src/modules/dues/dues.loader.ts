import { loaderById, manyByColumn } from "../../core/loaders";
import { DuesPayment } from "./dues-payment.entity";
import { DuesLedgerEntry } from "./dues-ledger-entry.entity";
import { DuesWaiver } from "./dues-waiver.entity";

export const duesPaymentById = loaderById(DuesPayment);
export const duesWaiverById = loaderById(DuesWaiver);

export const duesPaymentsByGovernment = manyByColumn(DuesPayment, "governmentId", {
  order: [
    ["paidOn", "ASC"],
    ["id", "ASC"],
  ],
});

export const duesWaiversByGovernment = manyByColumn(DuesWaiver, "governmentId", { order: [["fiscalYear", "ASC"]] });

export const duesLedgerEntriesByGovernment = manyByColumn(DuesLedgerEntry, "governmentId", { order: [["fiscalYear", "ASC"]] });

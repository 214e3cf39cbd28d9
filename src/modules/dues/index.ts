import { defineNodeType, integerKey } from "../../core/node-registry";
import type { DuesPayment } from "./dues-payment.entity";
import type { DuesWaiver } from "./dues-waiver.entity";
import { duesPaymentById, duesWaiverById } from "./dues.loader";

export { DuesPayment } from "./dues-payment.entity";
export { DuesWaiver } from "./dues-waiver.entity";
export { DuesLedgerEntry } from "./dues-ledger-entry.entity";
export { duesLedgerEntriesByGovernment, duesPaymentsByGovernment, duesWaiversByGovernment } from "./dues.loader";

export const duesNodeTypes = [
  defineNodeType<DuesPayment, number>({ typename: "DuesPayment", keyOf: (r) => r.id, parseKey: integerKey, loader: duesPaymentById }),
  defineNodeType<DuesWaiver, number>({ typename: "DuesWaiver", keyOf: (r) => r.id, parseKey: integerKey, loader: duesWaiverById }),
];

import type DataLoader from "dataloader";
import { Any } from "typeorm";
import { createLoader, loaderById, manyByKey } from "../../core/loaders";
import type { LoaderScope } from "../../core/loaders";
import { DuesPayment } from "./dues-payment.entity";
import { DuesWaiver } from "./dues-waiver.entity";

export const duesPaymentById = loaderById(DuesPayment);
export const duesWaiverById = loaderById(DuesWaiver);

export function duesPaymentsByGovernment({ em }: LoaderScope): DataLoader<number, DuesPayment[]> {
  return createLoader(async (ids) => {
    const rows = await em.getRepository(DuesPayment).find({ where: { governmentId: Any([...ids]) }, order: { paidOn: "ASC", id: "ASC" } });
    return manyByKey(ids, rows, (row) => row.governmentId);
  });
}

export function duesWaiversByGovernment({ em }: LoaderScope): DataLoader<number, DuesWaiver[]> {
  return createLoader(async (ids) => {
    const rows = await em.getRepository(DuesWaiver).find({ where: { governmentId: Any([...ids]) }, order: { fiscalYear: "ASC" } });
    return manyByKey(ids, rows, (row) => row.governmentId);
  });
}

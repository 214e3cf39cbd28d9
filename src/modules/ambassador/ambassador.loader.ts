import type DataLoader from "dataloader";
import { Any } from "typeorm";
import { createLoader, loaderById, manyByKey } from "../../core/loaders";
import type { LoaderScope } from "../../core/loaders";
import { AmbassadorAppointment } from "./ambassador-appointment.entity";

export const ambassadorAppointmentById = loaderById(AmbassadorAppointment);

export function ambassadorAppointmentsByGovernment({ em }: LoaderScope): DataLoader<number, AmbassadorAppointment[]> {
  return createLoader(async (ids) => {
    const rows = await em.getRepository(AmbassadorAppointment).find({
      where: { governmentId: Any([...ids]) },
      order: { termStart: "ASC", id: "ASC" },
    });
    return manyByKey(ids, rows, (row) => row.governmentId!);
  });
}

import { defineNodeType, integerKey } from "../../core/node-registry";
import type { AmbassadorAppointment } from "./ambassador-appointment.entity";
import { ambassadorAppointmentById } from "./ambassador.loader";
import { AmbassadorResolver, GovernmentAmbassadorsResolver } from "./ambassador.resolver";

export { AmbassadorAppointment, AmbassadorKind } from "./ambassador-appointment.entity";

export const ambassadorResolvers = [AmbassadorResolver, GovernmentAmbassadorsResolver] as const;
export const ambassadorNodeTypes = [
  defineNodeType<AmbassadorAppointment, number>({
    typename: "AmbassadorAppointment",
    keyOf: (row) => row.id,
    parseKey: integerKey,
    loader: ambassadorAppointmentById,
  }),
];

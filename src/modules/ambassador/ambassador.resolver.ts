import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Reads } from "../../core/reads/read-plan";
import type { RequestContext } from "../../core/context";
import type { ConnectionValue } from "../../core/pagination";
import { Country, countryByCode } from "../country";
import { Government, governmentById } from "../government";
import { AmbassadorAppointment } from "./ambassador-appointment.entity";
import { AmbassadorsArgs } from "./ambassador.args";
import { ambassadorAppointmentsByGovernment } from "./ambassador.loader";
import { listAmbassadors } from "./ambassador.service";
import { AmbassadorAppointmentConnection } from "./ambassador.types";

@Resolver(() => AmbassadorAppointment)
export class AmbassadorResolver {
  @Query(() => AmbassadorAppointmentConnection, { description: "Honorary PR ambassador appointments; `people` counts persons." })
  ambassadors(
    @Args(() => AmbassadorsArgs) args: AmbassadorsArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionValue<AmbassadorAppointment>> {
    return listAmbassadors(ctx, args);
  }

  @FieldResolver(() => Country)
  country(@Root() row: AmbassadorAppointment, @Ctx() ctx: RequestContext): Promise<Country | null> {
    return ctx.loaders.get(countryByCode).load(row.countryCode);
  }

  @FieldResolver(() => Government, { nullable: true, description: "The nominating government; null for the secretariat's own ambassador." })
  government(@Root() row: AmbassadorAppointment, @Ctx() ctx: RequestContext): Promise<Government | null> | null {
    return row.governmentId === null ? null : ctx.loaders.get(governmentById).load(row.governmentId);
  }
}

@Resolver(() => Government)
export class GovernmentAmbassadorsResolver {
  @Reads([])
  @FieldResolver(() => [AmbassadorAppointment], { description: "Honorary PR ambassadors this government nominated, by term." })
  ambassadorAppointments(@Root() government: Pick<Government, "id">, @Ctx() ctx: RequestContext): Promise<AmbassadorAppointment[]> {
    return ctx.loaders.get(ambassadorAppointmentsByGovernment).load(government.id);
  }
}

import type { MixedList } from "typeorm";
import { Initial1795612051140 } from "./1795612051140-Initial";

/** Every migration, oldest first. TypeORM runs the pending ones in this order. */
export const MIGRATIONS: MixedList<Function> = [Initial1795612051140];

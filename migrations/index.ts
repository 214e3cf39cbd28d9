import type { MixedList } from "typeorm";
import { Initial1795609591293 } from "./1795609591293-Initial";

/** Every migration, oldest first. TypeORM runs the pending ones in this order. */
export const MIGRATIONS: MixedList<Function> = [Initial1795609591293];

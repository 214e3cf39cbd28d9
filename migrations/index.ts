import type { MixedList } from "typeorm";
import { Initial1795611374828 } from "./1795611374828-Initial";

/** Every migration, oldest first. TypeORM runs the pending ones in this order. */
export const MIGRATIONS: MixedList<Function> = [Initial1795611374828];

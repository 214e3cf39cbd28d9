import type { MixedList } from "typeorm";
import { Initial1795612051140 } from "./1795612051140-Initial";
import { Writes1795841103328 } from "./1795841103328-Writes";
import { RuntimeRole1795841200000 } from "./1795841200000-RuntimeRole";

/** Every migration, oldest first. TypeORM runs the pending ones in this order. */
export const MIGRATIONS: MixedList<Function> = [Initial1795612051140, Writes1795841103328, RuntimeRole1795841200000];

import { loaderById } from "../../core/loaders";
import { Event } from "./event.entity";

export const eventById = loaderById(Event);

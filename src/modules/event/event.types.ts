import { connectionType } from "../../core/pagination";
import { Event } from "./event.entity";

export const EventConnection = connectionType(Event, "Event");

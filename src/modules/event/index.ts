import { defineNodeType, integerKey } from "../../core/node-registry";
import type { Event } from "./event.entity";
import { eventById } from "./event.loader";
import { EventResolver } from "./event.resolver";

export { Event, EventKind } from "./event.entity";
export { eventsByCommittee } from "./event.loader";

export const eventResolvers = [EventResolver] as const;
export const eventNodeTypes = [
  defineNodeType<Event, number>({ typename: "Event", keyOf: (row) => row.id, parseKey: integerKey, loader: eventById }),
];

import { defineNodeType, integerKey } from "../../core/node-registry";
import type { Event } from "./event.entity";
import { eventById } from "./event.loader";
import { EventMutations } from "./event.mutations";
import { EventResolver } from "./event.resolver";

export { Event, EventKind } from "./event.entity";
export { EventFigure } from "./event-figure.entity";
export { eventsByCommittee } from "./event.loader";
export { EventInput, EventWriteSuccess } from "./event.inputs";
export { EventWriteResult } from "./event.mutations";
export { createEvent } from "./event.writes";
export { EventOrder } from "./event.args";
export { listEvents } from "./event.service";

export const eventResolvers = [EventResolver, EventMutations] as const;
export const eventNodeTypes = [
  defineNodeType<Event, number>({ typename: "Event", keyOf: (row) => row.id, parseKey: integerKey, loader: eventById }),
];

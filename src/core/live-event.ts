import { randomUUID } from "node:crypto";
import type { IsoDate } from "./dates";

/** What subscribers and webhooks hear about: each is a subscription field of the same name. */
export const LIVE_EVENT_KINDS = [
  "membershipChanged",
  "duesStandingChanged",
  "meetingRecorded",
  "appointmentChanged",
  "factsHorizonMoved",
] as const;
export type LiveEventKind = (typeof LIVE_EVENT_KINDS)[number];

/**
 * What a committed write changed, as subscribers filter it: the ids of the rows it is
 * about. A write declares these beside its audit entry (`Written.changes`).
 */
export interface LiveChange {
  kind: LiveEventKind;
  governmentId?: number;
  /** The government's country (ISO 3166-1 alpha-2), so a filter by country needs no lookup per event. */
  countryCode?: string;
  committeeId?: number;
  meetingId?: number;
  appointmentId?: number;
  factsCompleteUntil?: IsoDate;
}

/** A change once committed: its id (a receiver drops one it has seen), the write that made it, and when. */
export interface LiveEvent extends LiveChange {
  id: string;
  operation: string;
  recordedAt: string;
}

export function liveEventsOf(operation: string, changes: readonly LiveChange[], at = new Date()): LiveEvent[] {
  return changes.map((change) => ({ ...change, id: randomUUID(), operation, recordedAt: at.toISOString() }));
}

/** The channel every replica hears committed changes on (SharedState.broadcast). */
export const LIVE_CHANNEL = "live-events";

const isKind = (value: unknown): value is LiveEventKind => LIVE_EVENT_KINDS.includes(value as LiveEventKind);

/** An event as another replica sent it; null for a message that is not one (another version's, or garbled). */
export function parseLiveEvent(message: string): LiveEvent | null {
  try {
    const event = JSON.parse(message) as Partial<LiveEvent>;
    return isKind(event.kind) && typeof event.id === "string" && typeof event.recordedAt === "string" ? (event as LiveEvent) : null;
  } catch {
    return null;
  }
}

/** The changes a write to `government`'s records makes: one per kind, each naming the government and its country. */
export function governmentChanges(government: { id: number; countryCode: string }, ...kinds: LiveEventKind[]): LiveChange[] {
  return kinds.map((kind) => ({ kind, governmentId: government.id, countryCode: government.countryCode }));
}

/** Which changes a subscriber or a webhook asks for: each list that is set narrows them; null takes any. */
export interface LiveFilter {
  readonly countries: readonly string[] | null;
  readonly governmentIds: readonly number[] | null;
  readonly committeeIds: readonly number[] | null;
}

/**
 * Whether a change passes a filter: its government among `governmentIds`, its committee
 * among `committeeIds`, its country (its own, else its government's from `countryOf`)
 * among `countries`. A change that names nothing a set list asks about does not pass.
 */
export async function passesFilter(
  filter: LiveFilter,
  change: Omit<LiveChange, "kind">,
  countryOf: (governmentId: number) => string | undefined | Promise<string | undefined>,
): Promise<boolean> {
  const { governmentId, committeeId } = change;
  if (filter.governmentIds && (governmentId === undefined || !filter.governmentIds.includes(governmentId))) return false;
  if (filter.committeeIds && (committeeId === undefined || !filter.committeeIds.includes(committeeId))) return false;
  if (!filter.countries) return true;
  const country = change.countryCode ?? (governmentId === undefined ? undefined : await countryOf(governmentId));
  return country !== undefined && filter.countries.includes(country);
}

/**
 * The committed changes one subscription hears, as the transport (WebSocket or
 * Server-Sent Events) feeds them: each event comes with the subscriber's key checked
 * again and fresh loaders, so it is resolved as a new request would be.
 */
export interface LiveFeed {
  events(kinds: readonly LiveEventKind[]): AsyncIterable<LiveEvent>;
}

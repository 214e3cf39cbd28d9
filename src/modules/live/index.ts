import { LiveSubscriptions } from "./live.resolver";

export type { LiveContext } from "./live.resolver";
export { LiveEventKindType } from "./live.types";

/** Subscriptions to committed changes (docs/live.md). */
export const liveResolvers = [LiveSubscriptions] as const;

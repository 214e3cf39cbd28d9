import { describe, expect, it } from "vitest";
import { Admission } from "../../src/http/admission";

describe("admission: a few operations at a time, the rest in arrival order", () => {
  it("admits up to the limit, queues the rest first come first served, and sheds past the queue's size", async () => {
    const admission = new Admission(2, 2);
    const signal = new AbortController().signal;
    const order: string[] = [];
    const a = await admission.enter(signal);
    const b = await admission.enter(signal);
    const c = admission.enter(signal).then((release) => (order.push("c"), release));
    const d = admission.enter(signal).then((release) => (order.push("d"), release));
    expect(await admission.enter(signal)).toBeNull();
    expect(admission.queued).toBe(2);
    a!();
    a!(); // a second release of the same turn gives nothing back twice
    const releaseC = await c;
    expect(order).toEqual(["c"]);
    b!();
    const releaseD = await d;
    expect(order).toEqual(["c", "d"]);
    releaseC!();
    releaseD!();
    // All turns returned: two at once again, immediately.
    expect([await admission.enter(signal), await admission.enter(signal)].every((release) => release !== null)).toBe(true);
  });

  it("a request whose deadline passes while it waits leaves the queue without taking a turn", async () => {
    const admission = new Admission(1, 10);
    const holder = await admission.enter(new AbortController().signal);
    const controller = new AbortController();
    const waiting = admission.enter(controller.signal);
    controller.abort("deadline");
    expect(await waiting).toBeNull();
    expect(admission.queued).toBe(0);
    holder!();
    expect(await admission.enter(new AbortController().signal)).not.toBeNull();
  });
});

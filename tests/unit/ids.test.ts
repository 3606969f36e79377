import { describe, expect, it } from "vitest";
import { timeOrderedId } from "~/lib/ids.server";

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("timeOrderedId", () => {
  it("is a version 7 UUID whose first 48 bits are the time in milliseconds", () => {
    const now = Date.UTC(2026, 10, 23, 19, 55, 0, 123);
    const id = timeOrderedId(now + 10_000_000); // later than any id made before in this file
    expect(id).toMatch(UUID_V7);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(now + 10_000_000);
  });

  it("sorts in the order the ids were made, thousands per millisecond included, and never repeats", () => {
    const ids = Array.from({ length: 20_000 }, () => timeOrderedId());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(UUID_V7);
  });

  it("keeps counting up when the clock stands still or goes back", () => {
    const fixed = Date.now() + 20_000_000;
    const first = timeOrderedId(fixed);
    const same = Array.from({ length: 5_000 }, () => timeOrderedId(fixed)); // more than the 4,096 a millisecond holds
    const earlier = timeOrderedId(fixed - 60_000);
    const all = [first, ...same, earlier];
    expect([...all].sort()).toEqual(all);
    expect(new Set(all).size).toBe(all.length);
  });

  it("does not repeat its random part from one id to the next", () => {
    const tails = new Set(Array.from({ length: 5_000 }, () => timeOrderedId().slice(19)));
    expect(tails.size).toBe(5_000);
  });
});

import { describe, expect, it } from "vitest";
import { decideRateLimit, describeRetryAfter } from "~/domain/rate-limit";

const policy = { limit: 3, windowSeconds: 60 };
const start = new Date("2026-01-01T00:00:00Z");
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);

describe("decideRateLimit", () => {
  it("starts a window on the first hit", () => {
    expect(decideRateLimit(null, policy, start)).toEqual({ allowed: true, next: { windowStart: start, count: 1 } });
  });
  it("allows exactly `limit` hits per window, then says when to retry", () => {
    expect(decideRateLimit({ windowStart: start, count: 2 }, policy, at(10))).toEqual({
      allowed: true,
      next: { windowStart: start, count: 3 },
    });
    expect(decideRateLimit({ windowStart: start, count: 3 }, policy, at(10))).toEqual({
      allowed: false,
      retryAfterSeconds: 50,
    });
  });
  it("opens a new window exactly when the old one ends", () => {
    expect(decideRateLimit({ windowStart: start, count: 3 }, policy, at(59.5))).toMatchObject({ allowed: false });
    expect(decideRateLimit({ windowStart: start, count: 3 }, policy, at(60))).toEqual({
      allowed: true,
      next: { windowStart: at(60), count: 1 },
    });
  });
  it("describes the wait in minutes", () => {
    expect(describeRetryAfter(30)).toBe("in a minute");
    expect(describeRetryAfter(61)).toBe("in 2 minutes");
  });
});

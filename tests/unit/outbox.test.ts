import { describe, expect, it } from "vitest";
import { nextAttemptAt, OUTBOX_MAX_DELAY_MS, retryDelayMs } from "~/domain/outbox";

describe("outbox retry schedule", () => {
  it("doubles from one second", () => {
    expect([1, 2, 3, 4, 5].map(retryDelayMs)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
  });
  it("caps at ten minutes however often it fails", () => {
    expect(retryDelayMs(10)).toBe(512_000);
    expect(retryDelayMs(11)).toBe(OUTBOX_MAX_DELAY_MS);
    expect(retryDelayMs(1_000)).toBe(OUTBOX_MAX_DELAY_MS);
  });
  it("refuses nonsense attempt counts", () => {
    expect(() => retryDelayMs(0)).toThrow();
    expect(() => retryDelayMs(1.5)).toThrow();
  });
  it("schedules from now", () => {
    expect(nextAttemptAt(3, new Date("2026-01-01T00:00:00Z")).toISOString()).toBe("2026-01-01T00:00:04.000Z");
  });
});

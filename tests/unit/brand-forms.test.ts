import { describe, expect, it } from "vitest";
import { brandSchema, contrastRatio, MIN_CONTRAST } from "~/domain/brand-forms";

const form = (colours: { primaryColor: string; accentColor: string }) => ({
  name: "Common Harvest",
  story: "A shared mark of producer co-operatives that sell on fair terms.",
  quorumPercent: "50",
  majorityPercent: "50",
  ...colours,
});

describe("brand colours", () => {
  it("computes WCAG contrast ratios", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
    // Order does not matter.
    expect(contrastRatio("#1f6f4a", "#ffffff")).toBeCloseTo(contrastRatio("#ffffff", "#1f6f4a"), 10);
  });

  it("accepts colours white text and the home banner stay readable on", () => {
    expect(brandSchema.safeParse(form({ primaryColor: "#7a3e1d", accentColor: "#f3d9a4" })).success).toBe(true);
  });

  it("refuses a main colour too pale for white text, and an accent too close to the main colour", () => {
    const pale = brandSchema.safeParse(form({ primaryColor: "#f0f0a0", accentColor: "#000000" }));
    expect(pale.success).toBe(false);
    expect(pale.error?.flatten().fieldErrors.primaryColor).toEqual(["Choose a darker main colour: white text on it must stay readable"]);
    expect(contrastRatio("#1f6f4a", "#e8b04b")).toBeLessThan(MIN_CONTRAST);
    const close = brandSchema.safeParse(form({ primaryColor: "#1f6f4a", accentColor: "#e8b04b" }));
    expect(close.error?.flatten().fieldErrors.accentColor?.[0]).toMatch(/contrasts more with the main colour/);
  });
});

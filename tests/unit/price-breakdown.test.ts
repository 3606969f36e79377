import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  PRICE_COMPONENT_KINDS,
  PRICE_COMPONENT_LABELS,
  checkBreakdown,
  formatPermille,
  producerSharePercent,
  shareSegments,
  type PriceShare,
} from "~/domain/price-breakdown";

const coffee: PriceShare[] = [
  { kind: "PRODUCER", amountCents: 548 },
  { kind: "PROCESSING", amountCents: 120 },
  { kind: "TRANSPORT", amountCents: 90 },
  { kind: "RETAILER", amountCents: 412 },
  { kind: "SOLIDARITY_FUND", amountCents: 120 },
];
const retail = 1290;

describe("labels", () => {
  it("has a label for every kind", () => {
    for (const kind of PRICE_COMPONENT_KINDS) expect(PRICE_COMPONENT_LABELS[kind]).toBeTruthy();
    expect(PRICE_COMPONENT_LABELS.DISTRIBUTOR).toBe("Distribution");
    expect(PRICE_COMPONENT_LABELS.RETAILER).toBe("Shop / retailer");
  });
});

describe("checkBreakdown", () => {
  it("accepts shares that add up exactly to the retail price", () => {
    expect(checkBreakdown(coffee, retail)).toEqual({ ok: true });
    expect(checkBreakdown([{ kind: "PRODUCER", amountCents: 1290 }], retail)).toEqual({ ok: true });
  });

  it("says how much is missing", () => {
    expect(checkBreakdown(coffee.slice(0, 4), retail)).toEqual({
      ok: false,
      differenceCents: -120,
      message: "The shares add up to €11.70: €1.20 less than the retail price of €12.90.",
    });
    expect(checkBreakdown([...coffee.slice(0, 4), { kind: "OTHER", amountCents: 70 }], retail)).toEqual({
      ok: false,
      differenceCents: -50,
      message: "The shares add up to €12.40: €0.50 less than the retail price of €12.90.",
    });
  });

  it("says how much is too much", () => {
    expect(checkBreakdown([...coffee, { kind: "TAX", amountCents: 50 }], retail)).toEqual({
      ok: false,
      differenceCents: 50,
      message: "The shares add up to €13.40: €0.50 more than the retail price of €12.90.",
    });
  });

  it("is off by a single cent", () => {
    const oneShort = [{ kind: "PRODUCER", amountCents: 1289 } as const];
    expect(checkBreakdown(oneShort, retail)).toMatchObject({ ok: false, differenceCents: -1 });
  });

  it("needs at least one share", () => {
    const result = checkBreakdown([], retail);
    expect(result).toMatchObject({ ok: false, differenceCents: -1290 });
    if (!result.ok) expect(result.message).toMatch(/^Add at least one share/);
  });

  it.each([0, -10, 12.5, Number.NaN])("rejects an amount of %d and names the component", (amountCents) => {
    const result = checkBreakdown([{ kind: "PRODUCER", amountCents: 1290 }, { kind: "TRANSPORT", amountCents }], retail);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain("Transport");
      expect(result.message).toMatch(/above €0\.00/);
    }
  });

  it("uses the shopper-facing label in the message", () => {
    const result = checkBreakdown([{ kind: "PRODUCER", amountCents: 1290 }, { kind: "RETAILER", amountCents: 0 }], retail);
    expect(result.ok === false && result.message).toContain("Shop / retailer");
  });

  it("insists on a producer share, even when the sum is right", () => {
    const result = checkBreakdown([{ kind: "DISTRIBUTOR", amountCents: 1290 }], retail);
    expect(result).toMatchObject({ ok: false, differenceCents: 0 });
    if (!result.ok) expect(result.message).toMatch(/^Say what the producer receives/);
  });

  it("allows several shares of the same kind", () => {
    const result = checkBreakdown(
      [
        { kind: "PRODUCER", amountCents: 600 },
        { kind: "PRODUCER", amountCents: 90 },
        { kind: "TRANSPORT", amountCents: 300 },
        { kind: "TRANSPORT", amountCents: 300 },
      ],
      retail,
    );
    expect(result).toEqual({ ok: true });
  });

  it("throws for an impossible retail price", () => {
    expect(() => checkBreakdown(coffee, 0)).toThrow();
    expect(() => checkBreakdown(coffee, 12.9)).toThrow();
  });
});

describe("producerSharePercent", () => {
  it("rounds to one decimal", () => {
    expect(producerSharePercent(coffee, retail)).toBe(42.5); // 548 / 1290 = 42.48%
    expect(producerSharePercent([{ kind: "PRODUCER", amountCents: 1 }], 3)).toBe(33.3);
    expect(producerSharePercent([{ kind: "PRODUCER", amountCents: 2 }], 3)).toBe(66.7);
    expect(producerSharePercent([{ kind: "PRODUCER", amountCents: 1290 }], retail)).toBe(100);
  });
  it("rounds halves up", () => {
    expect(producerSharePercent([{ kind: "PRODUCER", amountCents: 1 }], 2000)).toBe(0.1); // 0.05%
    expect(producerSharePercent([{ kind: "PRODUCER", amountCents: 85 }], 200)).toBe(42.5);
  });
  it("adds up every producer share and ignores the rest", () => {
    const shares: PriceShare[] = [
      { kind: "PRODUCER", amountCents: 300 },
      { kind: "TRANSPORT", amountCents: 500 },
      { kind: "PRODUCER", amountCents: 200 },
    ];
    expect(producerSharePercent(shares, 1000)).toBe(50);
  });
  it("is 0 without a producer share", () => {
    expect(producerSharePercent([{ kind: "TAX", amountCents: 1290 }], retail)).toBe(0);
    expect(producerSharePercent([], retail)).toBe(0);
  });
});

describe("shareSegments", () => {
  it("keeps the shares in order with any extra fields and adds permilles summing to 1000", () => {
    const withIds = coffee.map((share, index) => ({ ...share, id: `c${index}` }));
    const segments = shareSegments(withIds, retail);
    expect(segments.map((segment) => segment.id)).toEqual(["c0", "c1", "c2", "c3", "c4"]);
    // exact: 424.8, 93.02, 69.77, 319.38, 93.02 → floors 424+93+69+319+93 = 998; the two largest remainders win
    expect(segments.map((segment) => segment.permille)).toEqual([425, 93, 70, 319, 93]);
    expect(segments.reduce((total, segment) => total + segment.permille, 0)).toBe(1000);
  });

  it("breaks ties in favour of the earlier share", () => {
    const thirds: PriceShare[] = [
      { kind: "PRODUCER", amountCents: 1 },
      { kind: "TRANSPORT", amountCents: 1 },
      { kind: "TAX", amountCents: 1 },
    ];
    expect(shareSegments(thirds, 3).map((segment) => segment.permille)).toEqual([334, 333, 333]);
    const sixths: PriceShare[] = [
      { kind: "PRODUCER", amountCents: 1 },
      { kind: "OTHER", amountCents: 1 },
      { kind: "TAX", amountCents: 1 },
      { kind: "PLATFORM", amountCents: 3 },
    ];
    // exact 166.67 ×3 and 500: floors sum to 998, two extra go to the first two tied shares
    expect(shareSegments(sixths, 6).map((segment) => segment.permille)).toEqual([167, 167, 166, 500]);
  });

  it("is relative to the retail price when the shares do not add up", () => {
    const half = shareSegments([{ kind: "PRODUCER", amountCents: 500 }], 1000);
    expect(half[0].permille).toBe(500);
  });

  it("does not mutate its input", () => {
    const input = [{ kind: "PRODUCER", amountCents: 1290 } as const];
    shareSegments(input, retail);
    expect(input[0]).toEqual({ kind: "PRODUCER", amountCents: 1290 });
  });
});

describe("formatPermille", () => {
  it.each([
    [425, "42.5%"],
    [1000, "100.0%"],
    [0, "0.0%"],
    [7, "0.7%"],
    [333, "33.3%"],
  ])("%d → %s", (permille, text) => {
    expect(formatPermille(permille)).toBe(text);
  });
});

/** Random positive-integer shares, the first one the producer's, and their exact sum as the retail price. */
const balancedShares = fc
  .array(
    fc.record({ kind: fc.constantFrom(...PRICE_COMPONENT_KINDS), amountCents: fc.integer({ min: 1, max: 1_000_000 }) }),
    { minLength: 0, maxLength: 9 },
  )
  .chain((rest) =>
    fc.integer({ min: 1, max: 1_000_000 }).map((producer) => {
      const shares: PriceShare[] = [{ kind: "PRODUCER", amountCents: producer }, ...rest];
      return { shares, retailPriceCents: shares.reduce((total, share) => total + share.amountCents, 0) };
    }),
  );

describe("breakdown properties", () => {
  it("accepts any positive shares that sum to the retail price", () => {
    fc.assert(
      fc.property(balancedShares, ({ shares, retailPriceCents }) => {
        expect(checkBreakdown(shares, retailPriceCents)).toEqual({ ok: true });
      }),
    );
  });

  it("gives permilles that sum to exactly 1000, each within 1 of the exact value", () => {
    fc.assert(
      fc.property(balancedShares, ({ shares, retailPriceCents }) => {
        const segments = shareSegments(shares, retailPriceCents);
        expect(segments.reduce((total, segment) => total + segment.permille, 0)).toBe(1000);
        segments.forEach((segment, index) => {
          expect(Number.isInteger(segment.permille)).toBe(true);
          const exact = (shares[index].amountCents * 1000) / retailPriceCents;
          expect(Math.abs(segment.permille - exact)).toBeLessThan(1);
        });
      }),
      { numRuns: 500 },
    );
  });

  it("reports the exact difference and its direction when the sum is not the retail price", () => {
    fc.assert(
      fc.property(
        balancedShares,
        fc.integer({ min: -500_000, max: 500_000 }).filter((offset) => offset !== 0),
        ({ shares, retailPriceCents }, offset) => {
          const otherRetail = retailPriceCents + offset;
          fc.pre(otherRetail > 0);
          const result = checkBreakdown(shares, otherRetail);
          expect(result.ok).toBe(false);
          if (result.ok) return;
          expect(result.differenceCents).toBe(retailPriceCents - otherRetail);
          const direction = result.differenceCents < 0 ? "less" : "more";
          const opposite = direction === "less" ? "more" : "less";
          expect(result.message).toContain(` ${direction} than the retail price`);
          expect(result.message).not.toContain(` ${opposite} than`);
        },
      ),
    );
  });

  it("rounds the producer share to within 0.05 of the exact percentage", () => {
    fc.assert(
      fc.property(balancedShares, ({ shares, retailPriceCents }) => {
        const percent = producerSharePercent(shares, retailPriceCents);
        const producerTotal = shares.filter((s) => s.kind === "PRODUCER").reduce((t, s) => t + s.amountCents, 0);
        expect(Math.abs(percent - (producerTotal * 100) / retailPriceCents)).toBeLessThanOrEqual(0.05 + 1e-9);
      }),
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkPriceBreaks,
  lineTotalCents,
  sortPriceBreaks,
  unitPriceFor,
  type PriceBreak,
} from "~/domain/price-breaks";

const retail = 1290;
const breaks: PriceBreak[] = [
  { minQuantity: 10, unitPriceCents: 1150 },
  { minQuantity: 24, unitPriceCents: 1050 },
  { minQuantity: 48, unitPriceCents: 990 },
];

describe("unitPriceFor", () => {
  it.each([
    [1, 1290],
    [9, 1290], // minQuantity − 1 of the first tier
    [10, 1150], // exactly minQuantity
    [11, 1150],
    [17, 1150], // between tiers
    [23, 1150],
    [24, 1050],
    [47, 1050],
    [48, 990],
    [49, 990],
    [10_000, 990], // far above the top tier
  ])("%d units cost %d cents each", (quantity, price) => {
    expect(unitPriceFor(quantity, retail, breaks)).toBe(price);
  });

  it("does not depend on the order the breaks are given in", () => {
    const shuffled = [breaks[2], breaks[0], breaks[1]];
    for (const quantity of [1, 9, 10, 23, 24, 47, 48, 100]) {
      expect(unitPriceFor(quantity, retail, shuffled)).toBe(unitPriceFor(quantity, retail, breaks));
    }
    expect(unitPriceFor(30, retail, shuffled)).toBe(1050);
  });

  it("uses the retail price when there are no breaks", () => {
    expect(unitPriceFor(1, retail, [])).toBe(retail);
    expect(unitPriceFor(500, retail, [])).toBe(retail);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])("throws for a quantity of %d", (quantity) => {
    expect(() => unitPriceFor(quantity, retail, breaks)).toThrow(/whole number of at least 1/);
  });
});

describe("lineTotalCents", () => {
  it("multiplies the quantity by the unit price for that quantity", () => {
    expect(lineTotalCents(9, retail, breaks)).toBe(9 * 1290);
    expect(lineTotalCents(10, retail, breaks)).toBe(10 * 1150);
    expect(lineTotalCents(48, retail, breaks)).toBe(48 * 990);
    expect(lineTotalCents(1, retail, [])).toBe(1290);
  });
  it("throws for impossible quantities", () => {
    expect(() => lineTotalCents(0, retail, breaks)).toThrow();
  });
});

describe("checkPriceBreaks", () => {
  it("accepts no breaks, one break, and well-formed tiers in any order", () => {
    expect(checkPriceBreaks([], retail)).toEqual({ ok: true });
    expect(checkPriceBreaks([{ minQuantity: 2, unitPriceCents: 1289 }], retail)).toEqual({ ok: true });
    expect(checkPriceBreaks(breaks, retail)).toEqual({ ok: true });
    expect(checkPriceBreaks([breaks[1], breaks[2], breaks[0]], retail)).toEqual({ ok: true });
  });

  it.each([
    [[{ minQuantity: 1, unitPriceCents: 1000 }], /^From 1 unit: .*2 units or more/],
    [[{ minQuantity: 0, unitPriceCents: 1000 }], /^From 0 units: .*2 units or more/],
    [[{ minQuantity: -5, unitPriceCents: 1000 }], /^From -5 units: /],
    [[{ minQuantity: 2.5, unitPriceCents: 1000 }], /^From 2.5 units: .*whole number/],
  ])("rejects a tier that does not start at a whole number of 2 or more: %j", (input, reason) => {
    const result = checkPriceBreaks(input, retail);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it("rejects two prices for the same quantity", () => {
    const result = checkPriceBreaks(
      [
        { minQuantity: 10, unitPriceCents: 1150 },
        { minQuantity: 10, unitPriceCents: 1100 },
      ],
      retail,
    );
    expect(result).toEqual({
      ok: false,
      reason: "From 10 units: there is already a price for this quantity. Each quantity can have only one price.",
    });
  });

  it.each([0, -100, 10.5, Number.NaN])("rejects a unit price of %d cents", (unitPriceCents) => {
    const result = checkPriceBreaks([{ minQuantity: 10, unitPriceCents }], retail);
    expect(result).toEqual({ ok: false, reason: "From 10 units: the unit price must be more than €0.00." });
  });

  it("rejects a unit price equal to or above the retail price", () => {
    expect(checkPriceBreaks([{ minQuantity: 10, unitPriceCents: 1290 }], retail)).toEqual({
      ok: false,
      reason: "From 10 units: the unit price (€12.90) must be lower than the retail price of €12.90.",
    });
    expect(checkPriceBreaks([{ minQuantity: 10, unitPriceCents: 1500 }], retail)).toMatchObject({ ok: false });
    expect(checkPriceBreaks([{ minQuantity: 10, unitPriceCents: 1289 }], retail)).toEqual({ ok: true });
  });

  it("rejects a larger quantity that costs the same or more per unit, naming that tier", () => {
    expect(
      checkPriceBreaks(
        [
          { minQuantity: 24, unitPriceCents: 1150 },
          { minQuantity: 10, unitPriceCents: 1150 },
        ],
        retail,
      ),
    ).toEqual({
      ok: false,
      reason: "From 24 units: the unit price (€11.50) must be lower than the €11.50 charged from 10 units.",
    });
    const result = checkPriceBreaks(
      [
        { minQuantity: 10, unitPriceCents: 1000 },
        { minQuantity: 24, unitPriceCents: 900 },
        { minQuantity: 48, unitPriceCents: 950 },
      ],
      retail,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^From 48 units: .*€9\.00 charged from 24 units\.$/);
  });

  it("reports the smallest offending tier first", () => {
    const result = checkPriceBreaks(
      [
        { minQuantity: 50, unitPriceCents: 0 },
        { minQuantity: 5, unitPriceCents: 2000 },
      ],
      retail,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^From 5 units: /);
  });
});

describe("sortPriceBreaks", () => {
  it("sorts a copy by quantity", () => {
    const input = [breaks[2], breaks[0], breaks[1]];
    expect(sortPriceBreaks(input)).toEqual(breaks);
    expect(input[0]).toBe(breaks[2]);
  });
});

/** Valid tiers: unique quantities ≥ 2 with strictly decreasing prices below retail, in random order. */
const validTiers = fc.integer({ min: 2, max: 100_000 }).chain((retailPriceCents) =>
  fc.integer({ min: 0, max: Math.min(8, retailPriceCents - 1) }).chain((count) =>
    fc
      .tuple(
        fc.uniqueArray(fc.integer({ min: 2, max: 1000 }), { minLength: count, maxLength: count }),
        fc.uniqueArray(fc.integer({ min: 1, max: retailPriceCents - 1 }), { minLength: count, maxLength: count }),
      )
      .chain(([quantities, prices]) => {
        const ascending = [...quantities].sort((a, b) => a - b);
        const descending = [...prices].sort((a, b) => b - a);
        const tiers = ascending.map((minQuantity, index) => ({ minQuantity, unitPriceCents: descending[index] }));
        return fc.shuffledSubarray(tiers, { minLength: tiers.length, maxLength: tiers.length }).map((shuffled) => ({
          retailPriceCents,
          breaks: shuffled,
        }));
      }),
  ),
);

describe("price break properties", () => {
  it("accepts generated valid tiers", () => {
    fc.assert(
      fc.property(validTiers, ({ retailPriceCents, breaks }) => {
        expect(checkPriceBreaks(breaks, retailPriceCents)).toEqual({ ok: true });
      }),
    );
  });

  it("never charges more per unit for a larger quantity when the breaks are valid", () => {
    fc.assert(
      fc.property(validTiers, fc.integer({ min: 1, max: 1100 }), ({ retailPriceCents, breaks }, quantity) => {
        const here = unitPriceFor(quantity, retailPriceCents, breaks);
        expect(unitPriceFor(quantity + 1, retailPriceCents, breaks)).toBeLessThanOrEqual(here);
        expect(here).toBeLessThanOrEqual(retailPriceCents);
      }),
    );
  });

  it("whenever checkPriceBreaks accepts arbitrary tiers, the unit price is non-increasing in quantity", () => {
    const tier = fc.record({ minQuantity: fc.integer({ min: -2, max: 60 }), unitPriceCents: fc.integer({ min: -10, max: 300 }) });
    fc.assert(
      fc.property(fc.array(tier, { maxLength: 5 }), fc.integer({ min: 1, max: 300 }), (tiers, retailPriceCents) => {
        if (!checkPriceBreaks(tiers, retailPriceCents).ok) return;
        let previous = Number.POSITIVE_INFINITY;
        for (let quantity = 1; quantity <= 62; quantity++) {
          const price = unitPriceFor(quantity, retailPriceCents, tiers);
          expect(price).toBeLessThanOrEqual(previous);
          expect(price).toBeGreaterThan(0);
          previous = price;
        }
      }),
      { numRuns: 500 },
    );
  });

  it("applies a break from exactly its minimum quantity and not one unit below", () => {
    fc.assert(
      fc.property(validTiers, ({ retailPriceCents, breaks }) => {
        for (const tier of breaks) {
          expect(unitPriceFor(tier.minQuantity, retailPriceCents, breaks)).toBe(tier.unitPriceCents);
          expect(unitPriceFor(tier.minQuantity - 1, retailPriceCents, breaks)).toBeGreaterThan(tier.unitPriceCents);
        }
      }),
    );
  });
});

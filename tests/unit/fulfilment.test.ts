import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { actionLabel, nextDeliveryDate, nextStatus, parseWeekdays, shortShipmentRefund, type FulfillmentStatus, type ShortLine } from "~/domain/fulfilment";
import { splitSellerGoods } from "~/domain/order-split";

const RATES = { platformFeeBps: 200, solidarityFundBps: 100, distributorFeeBps: 500 };
const THU = 4;
const SAT = 6;

describe("parseWeekdays", () => {
  it("reads ISO weekdays, sorted and without duplicates", () => {
    expect(parseWeekdays("6,4")).toEqual([4, 6]);
    expect(parseWeekdays(" 2 , 5 ,2")).toEqual([2, 5]);
    expect(parseWeekdays("7,1")).toEqual([1, 7]);
  });

  it("ignores parts that are not weekdays", () => {
    expect(parseWeekdays("")).toEqual([]);
    expect(parseWeekdays("0,8,-1,2.5,mon,3")).toEqual([3]);
  });
});

describe("nextDeliveryDate", () => {
  // 2025-03-05 is a Wednesday.
  it("is the first delivery weekday at least the lead days after the order, at UTC midnight", () => {
    expect(nextDeliveryDate(new Date("2025-03-04T10:00:00Z"), [THU, SAT])).toEqual(new Date("2025-03-06T00:00:00.000Z")); // Tue + 2 = Thu exactly
    expect(nextDeliveryDate(new Date("2025-03-05T10:00:00Z"), [THU, SAT])).toEqual(new Date("2025-03-08T00:00:00.000Z")); // Wed + 2 = Fri → Sat
  });

  it("crosses into next week when this week's days are too soon", () => {
    // Fri + 2 = Sun → next Thursday.
    expect(nextDeliveryDate(new Date("2025-03-07T09:00:00Z"), [THU, SAT])).toEqual(new Date("2025-03-13T00:00:00.000Z"));
    // Sat + 2 = Mon, only Mondays → that Monday; only Sundays → the Sunday after.
    expect(nextDeliveryDate(new Date("2025-03-08T09:00:00Z"), [1])).toEqual(new Date("2025-03-10T00:00:00.000Z"));
    expect(nextDeliveryDate(new Date("2025-03-08T09:00:00Z"), [7])).toEqual(new Date("2025-03-16T00:00:00.000Z"));
  });

  it("honours the lead days", () => {
    expect(nextDeliveryDate(new Date("2025-03-04T10:00:00Z"), [THU, SAT], 0)).toEqual(new Date("2025-03-06T00:00:00.000Z"));
    expect(nextDeliveryDate(new Date("2025-03-04T10:00:00Z"), [THU, SAT], 3)).toEqual(new Date("2025-03-08T00:00:00.000Z"));
    expect(nextDeliveryDate(new Date("2025-03-04T10:00:00Z"), [THU], 3)).toEqual(new Date("2025-03-13T00:00:00.000Z"));
  });

  it("counts days in UTC whatever the clock time", () => {
    // 23:59 UTC on Tuesday is still Tuesday; 00:00 on Wednesday is Wednesday.
    expect(nextDeliveryDate(new Date("2025-03-04T23:59:59Z"), [THU, SAT])).toEqual(new Date("2025-03-06T00:00:00.000Z"));
    expect(nextDeliveryDate(new Date("2025-03-05T00:00:00Z"), [THU, SAT])).toEqual(new Date("2025-03-08T00:00:00.000Z"));
    const result = nextDeliveryDate(new Date("2025-03-05T17:45:12.345Z"), [SAT]);
    expect(result.toISOString()).toBe("2025-03-08T00:00:00.000Z");
  });

  it("without delivery weekdays hands over the lead days later", () => {
    expect(nextDeliveryDate(new Date("2025-03-05T10:00:00Z"), [])).toEqual(new Date("2025-03-07T00:00:00.000Z"));
    expect(nextDeliveryDate(new Date("2025-03-05T10:00:00Z"), [], 5)).toEqual(new Date("2025-03-10T00:00:00.000Z"));
  });

  it("always lands on a chosen weekday within a week of the lead date (property)", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2035-01-01T00:00:00Z"), noInvalidDate: true }),
        fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 0, max: 10 }),
        (placedAt, weekdays, leadDays) => {
          const result = nextDeliveryDate(placedAt, weekdays, leadDays);
          const startOfDay = Date.UTC(placedAt.getUTCFullYear(), placedAt.getUTCMonth(), placedAt.getUTCDate());
          const earliest = startOfDay + leadDays * 86_400_000;
          expect(result.getTime() % 86_400_000).toBe(0);
          expect(result.getTime()).toBeGreaterThanOrEqual(earliest);
          expect(result.getTime()).toBeLessThan(earliest + 7 * 86_400_000);
          const iso = result.getUTCDay() === 0 ? 7 : result.getUTCDay();
          expect(weekdays).toContain(iso);
          // No earlier day qualifies.
          for (let day = earliest; day < result.getTime(); day += 86_400_000) {
            const weekday = new Date(day).getUTCDay() || 7;
            expect(weekdays).not.toContain(weekday);
          }
        },
      ),
    );
  });
});

describe("nextStatus and actionLabel", () => {
  it("walks a pickup fulfilment to collection", () => {
    const path: (FulfillmentStatus | null)[] = [];
    let status: FulfillmentStatus | null = "AWAITING_GOODS";
    while (status) {
      path.push(status);
      status = nextStatus(status, "PICKUP");
    }
    expect(path).toEqual(["AWAITING_GOODS", "RECEIVED", "PACKED", "READY_FOR_PICKUP", "DELIVERED"]);
    expect(path.map((step) => actionLabel(step!, "PICKUP"))).toEqual(["Mark received", "Mark packed", "Ready for pickup", "Mark collected", null]);
  });

  it("walks a delivery fulfilment out for delivery instead", () => {
    const path: FulfillmentStatus[] = [];
    let status: FulfillmentStatus | null = "AWAITING_GOODS";
    while (status) {
      path.push(status);
      status = nextStatus(status, "DELIVERY");
    }
    expect(path).toEqual(["AWAITING_GOODS", "RECEIVED", "PACKED", "OUT_FOR_DELIVERY", "DELIVERED"]);
    expect(path.map((step) => actionLabel(step, "DELIVERY"))).toEqual(["Mark received", "Mark packed", "Out for delivery", "Mark delivered", null]);
  });

  it("has no step after delivered or cancelled", () => {
    for (const handover of ["PICKUP", "DELIVERY"] as const) {
      expect(nextStatus("DELIVERED", handover)).toBeNull();
      expect(nextStatus("CANCELLED", handover)).toBeNull();
      expect(actionLabel("CANCELLED", handover)).toBeNull();
    }
  });
});

describe("shortShipmentRefund", () => {
  // 3 × 12.90 coffee + 2 × 6.50 cacao: goods 5170 → seller 5016, platform 103, solidarity 51, handling 258.
  const split = splitSellerGoods(5170, RATES);
  const coffee = (shortUnits: number): ShortLine => ({ lineId: "coffee", units: 3, lineTotalCents: 3870, shortUnits });
  const cacao = (shortUnits: number): ShortLine => ({ lineId: "cacao", units: 2, lineTotalCents: 1300, shortUnits });

  it("refunds nothing when everything arrived", () => {
    expect(shortShipmentRefund([coffee(0), cacao(0)], split)).toEqual({
      goodsCents: 0, sellerCents: 0, platformCents: 0, solidarityCents: 0, handlingCents: 0, buyerRefundCents: 0,
    });
  });

  it("refunds one short unit with each party giving back its share", () => {
    // 1290 of 5170: seller 1290×5016/5170 = 1251.59, platform 25.70, solidarity 12.72 → 1251+26+13? largest remainder:
    // floors 1251 + 25 + 12 = 1288, two cents left go to the largest remainders (.72 and .70) → 1251, 26, 13.
    expect(shortShipmentRefund([coffee(1), cacao(0)], split)).toEqual({
      goodsCents: 1290, sellerCents: 1251, platformCents: 26, solidarityCents: 13, handlingCents: 64, buyerRefundCents: 1354,
    });
  });

  it("rounds each line's refund up so the buyer never pays for what did not arrive", () => {
    // 1000 cents for 3 units: one short → 333.33 → 334.
    const refund = shortShipmentRefund([{ lineId: "a", units: 3, lineTotalCents: 1000, shortUnits: 1 }], splitSellerGoods(1000, RATES));
    expect(refund.goodsCents).toBe(334);
    expect(refund.sellerCents + refund.platformCents + refund.solidarityCents).toBe(334);
  });

  it("refunds the whole fulfilment, handling included, when nothing arrived", () => {
    expect(shortShipmentRefund([coffee(3), cacao(2)], split)).toEqual({
      goodsCents: 5170, sellerCents: 5016, platformCents: 103, solidarityCents: 51, handlingCents: 258, buyerRefundCents: 5428,
    });
  });

  it("throws on short units that are negative, fractional or more than were ordered", () => {
    expect(() => shortShipmentRefund([coffee(-1)], split)).toThrow(/whole number from 0 to 3/);
    expect(() => shortShipmentRefund([coffee(1.5)], split)).toThrow(/whole number/);
    expect(() => shortShipmentRefund([coffee(4)], split)).toThrow(/whole number from 0 to 3/);
    expect(() => shortShipmentRefund([coffee(Number.NaN)], split)).toThrow(/whole number/);
  });

  it("refuses to refund more goods than the fulfilment recorded", () => {
    expect(() => shortShipmentRefund([{ lineId: "x", units: 1, lineTotalCents: 6000, shortUnits: 1 }], split)).toThrow(/more goods/);
  });

  const scenario = fc
    .array(
      fc.record({ units: fc.integer({ min: 1, max: 60 }), unitPriceCents: fc.integer({ min: 0, max: 50_000 }), shortFraction: fc.double({ min: 0, max: 1, noNaN: true }) }),
      { minLength: 1, maxLength: 6 },
    )
    .chain((lines) =>
      fc.record({
        lines: fc.constant(lines),
        platformFeeBps: fc.integer({ min: 0, max: 2000 }),
        solidarityFundBps: fc.integer({ min: 0, max: 1000 }),
        distributorFeeBps: fc.integer({ min: 0, max: 3000 }),
      }),
    );

  it("splits any refund exactly, within each party's recorded share (property)", () => {
    fc.assert(
      fc.property(scenario, ({ lines, ...rates }) => {
        const shortLines: ShortLine[] = lines.map((line, index) => ({
          lineId: `line-${index}`,
          units: line.units,
          lineTotalCents: line.units * line.unitPriceCents,
          shortUnits: Math.round(line.shortFraction * line.units),
        }));
        const recorded = splitSellerGoods(shortLines.reduce((sum, line) => sum + line.lineTotalCents, 0), rates);
        const refund = shortShipmentRefund(shortLines, recorded);
        const parts = [refund.goodsCents, refund.sellerCents, refund.platformCents, refund.solidarityCents, refund.handlingCents, refund.buyerRefundCents];
        for (const part of parts) {
          expect(Number.isInteger(part)).toBe(true);
          expect(part).toBeGreaterThanOrEqual(0);
        }
        expect(refund.sellerCents + refund.platformCents + refund.solidarityCents).toBe(refund.goodsCents);
        expect(refund.goodsCents).toBeLessThanOrEqual(recorded.goodsCents);
        expect(refund.sellerCents).toBeLessThanOrEqual(recorded.sellerPayoutCents);
        expect(refund.platformCents).toBeLessThanOrEqual(recorded.platformFeeCents);
        expect(refund.solidarityCents).toBeLessThanOrEqual(recorded.solidarityFundCents);
        expect(refund.handlingCents).toBeLessThanOrEqual(recorded.distributionFeeCents);
        expect(refund.buyerRefundCents).toBe(refund.goodsCents + refund.handlingCents);
        // Never less than the exact value of what did not arrive.
        const exactGoods = shortLines.reduce((sum, line) => sum + (line.lineTotalCents * line.shortUnits) / line.units, 0);
        expect(refund.goodsCents).toBeGreaterThanOrEqual(exactGoods - 1e-6);
        // A line fully short refunds exactly its total.
        for (const line of shortLines) {
          const alone = shortShipmentRefund([{ ...line, shortUnits: line.units }], recorded);
          expect(alone.goodsCents).toBe(line.lineTotalCents);
        }
        // Everything short: everyone gives back everything.
        const all = shortShipmentRefund(shortLines.map((line) => ({ ...line, shortUnits: line.units })), recorded);
        expect(all).toEqual({
          goodsCents: recorded.goodsCents,
          sellerCents: recorded.sellerPayoutCents,
          platformCents: recorded.platformFeeCents,
          solidarityCents: recorded.solidarityFundCents,
          handlingCents: recorded.distributionFeeCents,
          buyerRefundCents: recorded.goodsCents + recorded.distributionFeeCents,
        });
      }),
      { numRuns: 300 },
    );
  });

  it("throws for any invalid short units (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.oneof(fc.integer({ min: -100, max: -1 }), fc.integer({ min: 51, max: 500 }), fc.double({ min: 0.01, max: 49.99, noNaN: true }).filter((value) => !Number.isInteger(value))),
        (units, shortUnits) => {
          const line = { lineId: "l", units, lineTotalCents: units * 100, shortUnits };
          expect(() => shortShipmentRefund([line], splitSellerGoods(units * 100, RATES))).toThrow(/whole number/);
        },
      ),
    );
  });
});

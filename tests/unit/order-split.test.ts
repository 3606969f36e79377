import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ledgerLinesFor, orderTotals, splitSellerGoods, type FeeRates, type LedgerOrder, type SellerSplit } from "~/domain/order-split";

const rates = (platformFeeBps: number, solidarityFundBps: number, distributorFeeBps = 0): FeeRates => ({
  platformFeeBps,
  solidarityFundBps,
  distributorFeeBps,
});

function ledgerOrder(
  splits: readonly SellerSplit[],
  options: { distributor: { id: string; name: string } | null; deliveryFeeCents: number },
): LedgerOrder {
  return {
    number: "ORD-1001",
    buyerOrganizationId: "buyer-org",
    distributor: options.distributor,
    deliveryFeeCents: options.deliveryFeeCents,
    totalCents: orderTotals(splits, options.deliveryFeeCents).totalCents,
    fulfillments: splits.map((split, index) => ({ ...split, id: `fulfillment-${index}`, seller: { id: `seller-${index}`, name: `Seller ${index}` } })),
  };
}

const hub = { id: "distributor-hub", name: "Food Hub" };

describe("splitSellerGoods: examples", () => {
  it("takes 2% platform fee and 1% solidarity share from 100.00, leaving 97.00 for the seller", () => {
    expect(splitSellerGoods(10_000, rates(200, 100))).toEqual({
      goodsCents: 10_000,
      sellerPayoutCents: 9_700,
      platformFeeCents: 200,
      solidarityFundCents: 100,
      distributionFeeCents: 0,
    });
  });

  it("rounds each fee down, so the rounding cents stay with the seller", () => {
    // 999 × 2.5% = 24.975 → 24; 999 × 0.99% = 9.8901 → 9
    expect(splitSellerGoods(999, rates(250, 99))).toEqual({
      goodsCents: 999,
      sellerPayoutCents: 966,
      platformFeeCents: 24,
      solidarityFundCents: 9,
      distributionFeeCents: 0,
    });
    // 1 cent is too small to carry any fee
    expect(splitSellerGoods(1, rates(5000, 4999, 5000))).toMatchObject({ sellerPayoutCents: 1, platformFeeCents: 0, solidarityFundCents: 0, distributionFeeCents: 0 });
  });

  it("computes the distributor's handling fee on the goods, paid on top by the buyer, not taken from the seller", () => {
    expect(splitSellerGoods(10_000, rates(200, 100, 500))).toEqual({
      goodsCents: 10_000,
      sellerPayoutCents: 9_700,
      platformFeeCents: 200,
      solidarityFundCents: 100,
      distributionFeeCents: 500,
    });
    expect(splitSellerGoods(1_999, rates(0, 0, 750)).distributionFeeCents).toBe(149); // 149.925 → 149
  });

  it("splits nothing from zero goods", () => {
    expect(splitSellerGoods(0, rates(200, 100, 500))).toEqual({
      goodsCents: 0,
      sellerPayoutCents: 0,
      platformFeeCents: 0,
      solidarityFundCents: 0,
      distributionFeeCents: 0,
    });
  });

  it("allows fees that together take all the goods", () => {
    expect(splitSellerGoods(1_000, rates(6_000, 4_000))).toMatchObject({ sellerPayoutCents: 0, platformFeeCents: 600, solidarityFundCents: 400 });
  });
});

describe("splitSellerGoods and orderTotals: invalid input", () => {
  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])("refuses goods of %s cents", (goods) => {
    expect(() => splitSellerGoods(goods, rates(200, 100))).toThrow(/non-negative integer cents/);
  });

  it.each([
    ["a negative platform fee", rates(-1, 100)],
    ["a fractional solidarity share", rates(200, 0.5)],
    ["a platform fee above 100%", rates(10_001, 0)],
    ["a distributor fee above 100%", rates(0, 0, 10_001)],
    ["a negative distributor fee", rates(0, 0, -5)],
  ])("refuses %s", (_label, badRates) => {
    expect(() => splitSellerGoods(10_000, badRates)).toThrow(/whole basis points/);
  });

  it("refuses fees that together exceed the goods", () => {
    expect(() => splitSellerGoods(10_000, rates(6_000, 6_000))).toThrow("Fees cannot exceed the goods they are taken from");
  });

  it.each([-1, 2.5, Number.NaN])("refuses a delivery fee of %s", (fee) => {
    expect(() => orderTotals([splitSellerGoods(1_000, rates(0, 0))], fee)).toThrow("The delivery fee must be non-negative integer cents");
  });
});

describe("orderTotals and ledgerLinesFor: example", () => {
  const splits = [splitSellerGoods(10_000, rates(200, 100, 500)), splitSellerGoods(2_500, rates(200, 100, 500))];

  it("adds the goods, the distributor's fees and the delivery fee", () => {
    expect(orderTotals(splits, 495)).toEqual({ goodsCents: 12_500, distributionFeeCents: 625, deliveryFeeCents: 495, totalCents: 13_620 });
  });

  it("writes the buyer's payment against each seller's payout and one entry per other party", () => {
    const lines = ledgerLinesFor(ledgerOrder(splits, { distributor: hub, deliveryFeeCents: 495 }));
    expect(lines.map(({ account, organizationId, fulfillmentId, amountCents }) => [account, organizationId, fulfillmentId, amountCents])).toEqual([
      ["BUYER", "buyer-org", null, -13_620],
      ["SELLER", "seller-0", "fulfillment-0", 9_700],
      ["SELLER", "seller-1", "fulfillment-1", 2_425],
      ["PLATFORM", null, null, 250],
      ["SOLIDARITY_FUND", null, null, 125],
      // Handling of both sellers' goods (500 + 125) plus the delivery fee.
      ["DISTRIBUTOR", "distributor-hub", null, 1_120],
    ]);
    expect(lines[0].description).toBe("Payment for order ORD-1001");
    expect(lines[1].description).toBe("Payout for Seller 0 goods in order ORD-1001");
    expect(lines.at(-1)?.description).toBe("Handling €6.25 and delivery €4.95 for order ORD-1001");
  });

  it("leaves out zero amounts (a 0% fee writes nothing; pickup has no delivery entry)", () => {
    const lines = ledgerLinesFor(ledgerOrder([splitSellerGoods(10_000, rates(200, 0, 0))], { distributor: hub, deliveryFeeCents: 0 }));
    expect(lines.map((line) => [line.account, line.amountCents])).toEqual([
      ["BUYER", -10_000],
      ["SELLER", 9_800],
      ["PLATFORM", 200],
    ]);
  });

  it("refuses to write a ledger that does not balance", () => {
    const order = ledgerOrder(splits, { distributor: hub, deliveryFeeCents: 495 });
    expect(() => ledgerLinesFor({ ...order, totalCents: order.totalCents + 1 })).toThrow("Ledger for ORD-1001 does not balance (off by -1 cents)");
    // Fees the buyer pays but no distributor to receive them: refused rather than written unbalanced.
    expect(() => ledgerLinesFor(ledgerOrder(splits, { distributor: null, deliveryFeeCents: 495 }))).toThrow(/does not balance/);
  });
});

describe("order split properties", () => {
  const scenario = fc.record({
    goods: fc.array(fc.integer({ min: 0, max: 100_000_000 }), { minLength: 1, maxLength: 6 }),
    platformFeeBps: fc.integer({ min: 0, max: 5_000 }),
    solidarityFundBps: fc.integer({ min: 0, max: 5_000 }),
    // null: no distributor, so no handling or delivery fee; otherwise pickup (no delivery fee) or delivery.
    distributor: fc.option(
      fc.record({
        feeBps: fc.integer({ min: 0, max: 5_000 }),
        deliveryFeeCents: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100_000 })),
      }),
      { nil: null },
    ),
  });

  type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

  function run(s: Scenario) {
    const feeRates = rates(s.platformFeeBps, s.solidarityFundBps, s.distributor?.feeBps ?? 0);
    const splits = s.goods.map((goods) => splitSellerGoods(goods, feeRates));
    const deliveryFeeCents = s.distributor?.deliveryFeeCents ?? 0;
    const totals = orderTotals(splits, deliveryFeeCents);
    const lines = ledgerLinesFor(ledgerOrder(splits, { distributor: s.distributor ? hub : null, deliveryFeeCents }));
    return { feeRates, splits, totals, lines };
  }

  const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

  it("splits every seller's goods into non-negative whole cents that add up to the goods, rounding in the seller's favour", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { feeRates, splits } = run(s);
        splits.forEach((split, index) => {
          for (const cents of Object.values(split)) {
            expect(Number.isInteger(cents)).toBe(true);
            expect(cents).toBeGreaterThanOrEqual(0);
          }
          expect(split.goodsCents).toBe(s.goods[index]);
          expect(split.sellerPayoutCents + split.platformFeeCents + split.solidarityFundCents).toBe(split.goodsCents);
          // Each fee is the exact share rounded down: never more, less by under one cent.
          const exactPlatform = (split.goodsCents * feeRates.platformFeeBps) / 10_000;
          const exactSolidarity = (split.goodsCents * feeRates.solidarityFundBps) / 10_000;
          expect(split.platformFeeCents).toBeLessThanOrEqual(exactPlatform);
          expect(split.platformFeeCents).toBeGreaterThan(exactPlatform - 1);
          expect(split.solidarityFundCents).toBeLessThanOrEqual(exactSolidarity);
          expect(split.solidarityFundCents).toBeGreaterThan(exactSolidarity - 1);
        });
      }),
    );
  });

  it("totals the goods, the handling fees and the delivery fee", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { splits, totals } = run(s);
        const deliveryFeeCents = s.distributor?.deliveryFeeCents ?? 0;
        expect(totals.goodsCents).toBe(sum(s.goods));
        expect(totals.distributionFeeCents).toBe(sum(splits.map((split) => split.distributionFeeCents)));
        expect(totals.deliveryFeeCents).toBe(deliveryFeeCents);
        expect(totals.totalCents).toBe(sum(s.goods) + totals.distributionFeeCents + deliveryFeeCents);
      }),
    );
  });

  it("writes a ledger that sums to zero, whose shares sum to what the buyer paid, without zero entries", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { totals, lines } = run(s);
        expect(sum(lines.map((line) => line.amountCents))).toBe(0);
        expect(sum(lines.filter((line) => line.amountCents > 0).map((line) => line.amountCents))).toBe(totals.totalCents);
        for (const line of lines) {
          expect(Number.isInteger(line.amountCents)).toBe(true);
          expect(line.amountCents).not.toBe(0);
        }
        const buyer = lines.filter((line) => line.account === "BUYER");
        if (totals.totalCents > 0) {
          expect(buyer).toHaveLength(1);
          expect(buyer[0].amountCents).toBe(-totals.totalCents);
          expect(buyer[0].organizationId).toBe("buyer-org");
        } else {
          expect(lines).toEqual([]); // nothing paid, nothing to record
        }
        // Only the buyer's entry is negative.
        expect(lines.filter((line) => line.amountCents < 0)).toEqual(buyer);
      }),
    );
  });

  it("gives each party exactly its share", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { splits, totals, lines } = run(s);
        const total = (account: string) => sum(lines.filter((line) => line.account === account).map((line) => line.amountCents));
        expect(total("SELLER")).toBe(sum(splits.map((split) => split.sellerPayoutCents)));
        expect(total("PLATFORM")).toBe(sum(splits.map((split) => split.platformFeeCents)));
        expect(total("SOLIDARITY_FUND")).toBe(sum(splits.map((split) => split.solidarityFundCents)));
        expect(total("DISTRIBUTOR")).toBe(totals.distributionFeeCents + totals.deliveryFeeCents);
        for (const line of lines.filter((entry) => entry.account === "SELLER")) {
          const index = Number(line.fulfillmentId?.replace("fulfillment-", ""));
          expect(line.organizationId).toBe(`seller-${index}`);
          expect(line.amountCents).toBe(splits[index].sellerPayoutCents);
        }
      }),
    );
  });

  it("writes no distributor entries when no distributor is involved", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { lines } = run({ ...s, distributor: null });
        expect(lines.some((line) => line.account === "DISTRIBUTOR")).toBe(false);
      }),
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        expect(run(s)).toEqual(run(s));
      }),
    );
  });
});

describe("the distributor's flat fee per order", () => {
  const rates = { platformFeeBps: 200, solidarityFundBps: 100, distributorFeeBps: 500 };
  it("adds it to the order's handling and to the distributor's one ledger entry, keeping the ledger balanced", () => {
    const splits = [splitSellerGoods(10_000, rates), splitSellerGoods(2_500, rates)];
    const totals = orderTotals(splits, 0, 150);
    expect(totals).toEqual({ goodsCents: 12_500, distributionFeeCents: 500 + 125 + 150, deliveryFeeCents: 0, totalCents: 13_275 });
    const lines = ledgerLinesFor({
      number: "ORD-7",
      buyerOrganizationId: null,
      distributor: { id: "hub", name: "Hub" },
      deliveryFeeCents: 0,
      orderFeeCents: 150,
      totalCents: totals.totalCents,
      fulfillments: splits.map((split, index) => ({ ...split, id: `f${index}`, seller: { id: `s${index}`, name: `S${index}` } })),
    });
    expect(lines.find((line) => line.account === "DISTRIBUTOR")?.amountCents).toBe(775);
    expect(lines.reduce((sum, line) => sum + line.amountCents, 0)).toBe(0);
  });

  it("refuses a negative or fractional fee", () => {
    expect(() => orderTotals([], 0, -1)).toThrow("per-order fee");
    expect(() => orderTotals([], 0, 1.5)).toThrow("per-order fee");
  });

  it("balances for any goods, rates and fees (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 2_000 }),
        fc.integer({ min: 0, max: 5_000 }),
        fc.integer({ min: 0, max: 5_000 }),
        (goods, bps, orderFee, deliveryFee) => {
          const splits = goods.map((cents) => splitSellerGoods(cents, { platformFeeBps: 200, solidarityFundBps: 100, distributorFeeBps: bps }));
          const totals = orderTotals(splits, deliveryFee, orderFee);
          const lines = ledgerLinesFor({
            number: "P",
            buyerOrganizationId: null,
            distributor: { id: "hub", name: "Hub" },
            deliveryFeeCents: deliveryFee,
            orderFeeCents: orderFee,
            totalCents: totals.totalCents,
            fulfillments: splits.map((split, index) => ({ ...split, id: `f${index}`, seller: { id: `s${index}`, name: `S${index}` } })),
          });
          expect(lines.reduce((sum, line) => sum + line.amountCents, 0)).toBe(0);
          expect(totals.totalCents).toBe(totals.goodsCents + totals.distributionFeeCents + totals.deliveryFeeCents);
        },
      ),
      { numRuns: 200 },
    );
  });
});

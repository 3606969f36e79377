import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allocate,
  caseFill,
  splitProportionally,
  type AllocationInput,
  type AllocationLine,
  type AllocationResult,
  type AllocationVariant,
  type LineAllocation,
} from "~/domain/allocation";

// ---------------------------------------------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------------------------------------------

function variant(overrides: Partial<AllocationVariant> = {}): AllocationVariant {
  return { variantId: "v1", producerId: "p1", caseSize: 12, casePriceCents: 1200, stock: null, ...overrides };
}

let lineCounter = 0;
function line(quantity: number, tolerance: number, overrides: Partial<AllocationLine> = {}): AllocationLine {
  lineCounter += 1;
  return {
    lineId: `line-${lineCounter}`,
    memberId: `member-${lineCounter}`,
    variantId: "v1",
    quantity,
    tolerance,
    sequence: lineCounter,
    ...overrides,
  };
}

function input(overrides: Partial<AllocationInput>): AllocationInput {
  return { variants: [variant()], lines: [], producerMinimums: {}, sharedFeesCents: 0, ...overrides };
}

function lineById(result: AllocationResult, lineId: string): LineAllocation {
  const found = result.lines.find((entry) => entry.lineId === lineId);
  if (!found) throw new Error(`no allocation for ${lineId}`);
  return found;
}

/** units / fromTolerance / cut of each line, in the order the lines are given. */
function summary(result: AllocationResult, lines: readonly AllocationLine[]) {
  return lines.map((entry) => {
    const allocated = lineById(result, entry.lineId);
    return { units: allocated.units, fromTolerance: allocated.fromTolerance, cut: allocated.cut };
  });
}

const sum = (values: readonly number[]) => values.reduce((acc, value) => acc + value, 0);

// ---------------------------------------------------------------------------------------------------------------
// Worked examples
// ---------------------------------------------------------------------------------------------------------------

describe("allocate: worked examples", () => {
  it("fills the last case from tolerances proportionally (largest remainder)", () => {
    // C = 12; D = 5 + 4 + 1 = 10; T = 0 + 2 + 3 = 5; D + T = 15 → k = 1 case = 12 units; E = 12 − 10 = 2.
    // Exact shares of E over tolerances 0/2/3: 0, 2·2/5 = 0.8, 2·3/5 = 1.2 → floors 0, 0, 1 (1 unit placed);
    // the one unit left goes to the largest remainder: 0.8 (line b) beats 0.2 (line c) → extras 0, 1, 1.
    const a = line(5, 0);
    const b = line(4, 2);
    const c = line(1, 3);
    const result = allocate(input({ lines: [a, b, c] }));

    expect(summary(result, [a, b, c])).toEqual([
      { units: 5, fromTolerance: 0, cut: null },
      { units: 5, fromTolerance: 1, cut: null },
      { units: 2, fromTolerance: 1, cut: null },
    ]);
    expect(result.variants).toEqual([
      { variantId: "v1", producerId: "p1", demand: 10, tolerance: 5, cases: 1, units: 12, costCents: 1200 },
    ]);
    // 1200 cents over 12 units = 100 per unit, exactly.
    expect([a, b, c].map((entry) => lineById(result, entry.lineId).costCents)).toEqual([500, 500, 200]);
  });

  it("gives a tied extra unit to the earliest line by sequence, not by array position", () => {
    // C = 12; D = 6 + 5 = 11; T = 1 + 1 = 2 → k = 1, E = 1. Shares 0.5 / 0.5 tie; the earlier placed line wins.
    const later = line(6, 1, { sequence: 20 });
    const earlier = line(5, 1, { sequence: 10 });
    const result = allocate(input({ lines: [later, earlier] }));

    expect(summary(result, [earlier, later])).toEqual([
      { units: 6, fromTolerance: 1, cut: null },
      { units: 6, fromTolerance: 0, cut: null },
    ]);
  });

  it("orders the extra case only while tolerance reaches it: D = 10, T = 1, C = 12 → no case, everyone cut", () => {
    // D + T = 11 < 12 → k = 0; the demand fills no case, so every line is cut.
    const a = line(6, 1);
    const b = line(4, 0);
    const result = allocate(input({ lines: [a, b] }));

    expect(summary(result, [a, b])).toEqual([
      { units: 0, fromTolerance: 0, cut: "NO_FULL_CASE" },
      { units: 0, fromTolerance: 0, cut: "NO_FULL_CASE" },
    ]);
    expect(result.totalCents).toBe(0);
  });

  it("cuts the latest line when demand overshoots a case: D = 13, T = 0, C = 12", () => {
    // k = floor(13 / 12) = 1 → 12 units; lines fill in placement order, so the last line loses 1 unit.
    const first = line(6, 0);
    const second = line(7, 0);
    const result = allocate(input({ lines: [second, first] })); // array order must not matter

    expect(summary(result, [first, second])).toEqual([
      { units: 6, fromTolerance: 0, cut: null },
      { units: 6, fromTolerance: 0, cut: "NO_FULL_CASE" },
    ]);
    expect(result.variants[0]).toMatchObject({ demand: 13, cases: 1, units: 12 });
  });

  it("cuts whole lines from the end when the overshoot spans several of them", () => {
    // C = 10; lines 4, 4, 3, 2 → D = 13 → k = 1: 4 + 4 + 2 of 3 + 0 of 2.
    const lines = [line(4, 0), line(4, 0), line(3, 0), line(2, 0)];
    const result = allocate(input({ variants: [variant({ caseSize: 10 })], lines }));

    expect(summary(result, lines).map((entry) => [entry.units, entry.cut])).toEqual([
      [4, null],
      [4, null],
      [2, "NO_FULL_CASE"],
      [0, "NO_FULL_CASE"],
    ]);
  });

  it("limits cases by stock and tells the cut members OUT_OF_STOCK", () => {
    // C = 12; D = 30, T = 0 → 2 cases by demand, but stock 20 allows only floor(20 / 12) = 1 case = 12 units.
    const lines = [line(10, 0), line(10, 0), line(10, 0)];
    const result = allocate(input({ variants: [variant({ stock: 20 })], lines }));

    expect(summary(result, lines).map((entry) => [entry.units, entry.cut])).toEqual([
      [10, null],
      [2, "OUT_OF_STOCK"],
      [0, "OUT_OF_STOCK"],
    ]);
    expect(result.variants[0]).toMatchObject({ cases: 1, units: 12, costCents: 1200 });
  });

  it("still fills from tolerance when stock caps the cases above demand", () => {
    // C = 12; D = 10, T = 14 → 2 cases by demand; stock 12 → 1 case. 12 ≥ D, so nobody is cut: E = 2 over 7/7 → 1/1.
    const a = line(5, 7);
    const b = line(5, 7);
    const result = allocate(input({ variants: [variant({ stock: 12 })], lines: [a, b] }));

    expect(summary(result, [a, b])).toEqual([
      { units: 6, fromTolerance: 1, cut: null },
      { units: 6, fromTolerance: 1, cut: null },
    ]);
  });

  it("orders nothing when stock is below one case", () => {
    const a = line(12, 0);
    const result = allocate(input({ variants: [variant({ stock: 11 })], lines: [a] }));

    expect(summary(result, [a])).toEqual([{ units: 0, fromTolerance: 0, cut: "OUT_OF_STOCK" }]);
    expect(result.variants[0]).toMatchObject({ cases: 0, units: 0, costCents: 0 });
  });

  it("drops every line of a producer below its minimum, leaving other producers alone", () => {
    // p1: 1 case × 1000 = 1000 < minimum 1500 → dropped. p2: 1 case × 2400 = 2400 ≥ minimum 2400 → kept.
    const variants = [
      variant({ variantId: "apples", producerId: "p1", caseSize: 10, casePriceCents: 1000 }),
      variant({ variantId: "pears", producerId: "p1", caseSize: 6, casePriceCents: 900 }), // fills no case
      variant({ variantId: "oil", producerId: "p2", caseSize: 6, casePriceCents: 2400 }),
    ];
    const apples = line(10, 0, { variantId: "apples", memberId: "ana" });
    const pears = line(3, 0, { variantId: "pears", memberId: "ana" });
    const oil = line(6, 0, { variantId: "oil", memberId: "ben" });
    const result = allocate(
      input({ variants, lines: [apples, pears, oil], producerMinimums: { p1: 1500, p2: 2400 }, sharedFeesCents: 300 }),
    );

    expect(result.producersBelowMinimum).toEqual(["p1"]);
    expect(summary(result, [apples, pears, oil])).toEqual([
      { units: 0, fromTolerance: 0, cut: "PRODUCER_MINIMUM" },
      { units: 0, fromTolerance: 0, cut: "PRODUCER_MINIMUM" },
      { units: 6, fromTolerance: 0, cut: null },
    ]);
    expect(result.variants.map((entry) => [entry.variantId, entry.cases, entry.costCents])).toEqual([
      ["apples", 0, 0],
      ["pears", 0, 0],
      ["oil", 1, 2400],
    ]);
    // Ana gets nothing, so she pays neither goods nor a share of the fees.
    expect(result.members).toEqual([
      { memberId: "ana", goodsCents: 0, feesCents: 0, totalCents: 0 },
      { memberId: "ben", goodsCents: 2400, feesCents: 300, totalCents: 2700 },
    ]);
    expect(result.totalCents).toBe(2700);
  });

  it("splits a case price exactly over units: 1000 cents over 5 / 7 units", () => {
    // 1000 · 5/12 = 416.67, 1000 · 7/12 = 583.33 → floors 416 + 583 = 999; the last cent goes to .67 → 417 / 583.
    const a = line(5, 0, { memberId: "ana" });
    const b = line(7, 0, { memberId: "ben" });
    const result = allocate(input({ variants: [variant({ casePriceCents: 1000 })], lines: [a, b] }));

    expect([lineById(result, a.lineId).costCents, lineById(result, b.lineId).costCents]).toEqual([417, 583]);
    expect(result.variants[0].costCents).toBe(1000);
  });

  it("splits shared fees by the value of each member's goods", () => {
    // Goods 417 / 583 (see above); fees 100 → 41.7 / 58.3 → floors 41 + 58 = 99; the last cent goes to .7 → 42 / 58.
    const a = line(5, 0, { memberId: "ana" });
    const b = line(7, 0, { memberId: "ben" });
    const result = allocate(input({ variants: [variant({ casePriceCents: 1000 })], lines: [a, b], sharedFeesCents: 100 }));

    expect(result.members).toEqual([
      { memberId: "ana", goodsCents: 417, feesCents: 42, totalCents: 459 },
      { memberId: "ben", goodsCents: 583, feesCents: 58, totalCents: 641 },
    ]);
    expect(result.totalCents).toBe(1100);
  });

  it("sums a member's lines across variants before splitting fees", () => {
    const variants = [variant({ variantId: "a", caseSize: 2, casePriceCents: 300 }), variant({ variantId: "b", caseSize: 1, casePriceCents: 100 })];
    const lines = [
      line(2, 0, { variantId: "a", memberId: "ana" }), // 300
      line(1, 0, { variantId: "b", memberId: "ana" }), // 100
      line(4, 0, { variantId: "b", memberId: "ben" }), // 400
    ];
    const result = allocate(input({ variants, lines, sharedFeesCents: 80 }));

    // Goods 400 / 400 → fees 40 / 40.
    expect(result.members).toEqual([
      { memberId: "ana", goodsCents: 400, feesCents: 40, totalCents: 440 },
      { memberId: "ben", goodsCents: 400, feesCents: 40, totalCents: 440 },
    ]);
  });

  it("charges no fees when nothing is ordered", () => {
    const a = line(3, 0);
    const result = allocate(input({ lines: [a], sharedFeesCents: 500 }));

    expect(result.members).toEqual([{ memberId: a.memberId, goodsCents: 0, feesCents: 0, totalCents: 0 }]);
    expect(result.totalCents).toBe(0);
  });

  it("returns an empty result without lines", () => {
    expect(allocate(input({ lines: [], sharedFeesCents: 500 }))).toEqual({
      lines: [],
      variants: [{ variantId: "v1", producerId: "p1", demand: 0, tolerance: 0, cases: 0, units: 0, costCents: 0 }],
      members: [],
      producersBelowMinimum: [],
      totalCents: 0,
    });
    expect(allocate(input({ variants: [], lines: [] }))).toEqual({
      lines: [],
      variants: [],
      members: [],
      producersBelowMinimum: [],
      totalCents: 0,
    });
  });

  it("rejects a tolerance without a quantity", () => {
    expect(() => allocate(input({ lines: [line(0, 2)] }))).toThrow(/tolerance without a quantity/);
  });

  it("accepts a line with neither quantity nor tolerance and gives it nothing, uncut", () => {
    const empty = line(0, 0);
    const full = line(12, 0);
    const result = allocate(input({ lines: [empty, full] }));
    expect(summary(result, [empty, full])).toEqual([
      { units: 0, fromTolerance: 0, cut: null },
      { units: 12, fromTolerance: 0, cut: null },
    ]);
  });

  it.each<[string, Partial<AllocationInput>]>([
    ["case size 0", { variants: [variant({ caseSize: 0 })] }],
    ["fractional case size", { variants: [variant({ caseSize: 1.5 })] }],
    ["negative case price", { variants: [variant({ casePriceCents: -1 })] }],
    ["fractional case price", { variants: [variant({ casePriceCents: 10.5 })] }],
    ["negative stock", { variants: [variant({ stock: -1 })] }],
    ["NaN stock", { variants: [variant({ stock: Number.NaN })] }],
    ["negative shared fees", { sharedFeesCents: -1 }],
    ["infinite shared fees", { sharedFeesCents: Number.POSITIVE_INFINITY }],
    ["fractional quantity", { lines: [line(1.5, 0)] }],
    ["negative quantity", { lines: [line(-1, 0)] }],
    ["negative tolerance", { lines: [line(3, -1)] }],
    ["NaN tolerance", { lines: [line(3, Number.NaN)] }],
    ["line for a variant not on offer", { lines: [line(3, 0, { variantId: "ghost" })] }],
  ])("rejects %s", (_label, overrides) => {
    expect(() => allocate(input(overrides))).toThrow();
  });
});

describe("splitProportionally: examples", () => {
  it("sums to the total exactly, giving leftover units to the largest remainders", () => {
    // 10 over 1/1/1: 3.33 each → 3/3/3, one left → lowest index among equal remainders.
    expect(splitProportionally(10, [1, 1, 1])).toEqual([4, 3, 3]);
    // 7 over 1/2/4: exact 1/2/4.
    expect(splitProportionally(7, [1, 2, 4])).toEqual([1, 2, 4]);
    // 5 over 1/3: 1.25 / 3.75 → 1/3, left 1 → .75 wins → 1/4.
    expect(splitProportionally(5, [1, 3])).toEqual([1, 4]);
  });

  it("breaks ties towards the lower index", () => {
    expect(splitProportionally(1, [1, 1])).toEqual([1, 0]);
    expect(splitProportionally(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(splitProportionally(1, [0, 2, 2])).toEqual([0, 1, 0]);
  });

  it("gives nothing to zero weights", () => {
    expect(splitProportionally(5, [0, 1, 0])).toEqual([0, 5, 0]);
    expect(splitProportionally(3, [0, 2, 0, 1])).toEqual([0, 2, 0, 1]);
  });

  it("splits zero over all-zero weights and refuses a non-zero total over them", () => {
    expect(splitProportionally(0, [0, 0])).toEqual([0, 0]);
    expect(splitProportionally(0, [])).toEqual([]);
    expect(() => splitProportionally(5, [0, 0])).toThrow();
    expect(() => splitProportionally(5, [])).toThrow();
  });

  it("stays exact when total × weight passes 2^53", () => {
    // Σ weights = 10^13; total · weight ≈ 10^24. Exact shares:
    //   99,999,999,999.9999999999999 → 99,999,999,999 (remainder .9999999999999)
    //  200,000,000,000.0999999999997 → 200,000,000,000 (remainder .0999999999997)
    //  699,999,999,998.9000000000004 → 699,999,999,998 (remainder .9000000000004)
    // floors sum to 999,999,999,997 → 2 left → indexes 0 and 2. Float division would round index 0 up to 10^11 and
    // could not tell these remainders apart.
    expect(splitProportionally(999_999_999_999, [1_000_000_000_001, 2_000_000_000_003, 6_999_999_999_996])).toEqual([
      100_000_000_000, 200_000_000_000, 699_999_999_999,
    ]);
  });

  it.each<[string, number, number[]]>([
    ["negative total", -1, [1]],
    ["fractional total", 1.5, [1]],
    ["negative weight", 3, [-1, 4]],
    ["fractional weight", 3, [0.5, 1]],
  ])("rejects a %s", (_label, total, weights) => {
    expect(() => splitProportionally(total, weights)).toThrow();
  });
});

describe("caseFill: examples", () => {
  it("shows 9 of 12 — 3 to go", () => {
    expect(caseFill(9, 0, 12)).toEqual({ fullCases: 0, inOpenCase: 9, toGo: 3, toleranceCovers: false, casesIfClosedNow: 0 });
  });

  it("counts tolerance that would complete the open case", () => {
    expect(caseFill(21, 3, 12)).toEqual({ fullCases: 1, inOpenCase: 9, toGo: 3, toleranceCovers: true, casesIfClosedNow: 2 });
  });

  it("has nothing to go on a full case", () => {
    expect(caseFill(24, 5, 12)).toEqual({ fullCases: 2, inOpenCase: 0, toGo: 0, toleranceCovers: false, casesIfClosedNow: 2 });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Property tests
// ---------------------------------------------------------------------------------------------------------------

const RUNS = { numRuns: 300 };

const variantSpecArb = fc.record({
  producerIndex: fc.nat({ max: 2 }),
  caseSize: fc.integer({ min: 1, max: 24 }),
  casePriceCents: fc.integer({ min: 0, max: 50_000 }),
  stock: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
});

const lineSpecArb = fc
  .record({
    variantIndex: fc.nat({ max: 4 }),
    memberIndex: fc.nat({ max: 7 }),
    quantity: fc.integer({ min: 0, max: 30 }),
    tolerance: fc.integer({ min: 0, max: 10 }),
    sequence: fc.integer({ min: 0, max: 1_000_000 }),
  })
  .map((spec) => (spec.quantity === 0 ? { ...spec, tolerance: 0 } : spec));

/** Random group orders: 1–5 variants, 1–3 producers, 0–40 lines with distinct placement sequences. */
const allocationInputArb: fc.Arbitrary<AllocationInput> = fc
  .record({
    producerCount: fc.integer({ min: 1, max: 3 }),
    variants: fc.array(variantSpecArb, { minLength: 1, maxLength: 5 }),
    lines: fc.uniqueArray(lineSpecArb, { maxLength: 40, selector: (spec) => spec.sequence }),
    // Either no minimum or one somewhere around a few cases' value, so producers are both kept and dropped.
    minimums: fc.tuple(...[0, 1, 2].map(() => fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 150_000 })))),
    sharedFeesCents: fc.integer({ min: 0, max: 10_000 }),
  })
  .map((spec) => {
    const variants = spec.variants.map((entry, index) => ({
      variantId: `v${index}`,
      producerId: `p${entry.producerIndex % spec.producerCount}`,
      caseSize: entry.caseSize,
      casePriceCents: entry.casePriceCents,
      stock: entry.stock,
    }));
    const producerMinimums: Record<string, number> = {};
    for (let index = 0; index < spec.producerCount; index += 1) producerMinimums[`p${index}`] = spec.minimums[index];
    const lines = spec.lines.map((entry, index) => ({
      lineId: `line-${index}`,
      memberId: `m${entry.memberIndex}`,
      variantId: `v${entry.variantIndex % variants.length}`,
      quantity: entry.quantity,
      tolerance: entry.tolerance,
      sequence: entry.sequence,
    }));
    return { variants, lines, producerMinimums, sharedFeesCents: spec.sharedFeesCents };
  });

/** Independent model of what each variant should order, straight from the rules. */
function expectedPlan(allocationInput: AllocationInput) {
  const perVariant = allocationInput.variants.map((entry) => {
    const lines = allocationInput.lines.filter((candidate) => candidate.variantId === entry.variantId);
    const demand = sum(lines.map((candidate) => candidate.quantity));
    const tolerance = sum(lines.map((candidate) => candidate.tolerance));
    const byDemand = Math.floor((demand + tolerance) / entry.caseSize);
    const byStock = entry.stock === null ? Number.POSITIVE_INFINITY : Math.floor(entry.stock / entry.caseSize);
    return { variant: entry, lines, demand, tolerance, casesBeforeMinimum: Math.min(byDemand, byStock), stockLimited: byStock < byDemand };
  });
  const valueByProducer = new Map<string, number>();
  for (const entry of perVariant) {
    const producerId = entry.variant.producerId;
    valueByProducer.set(producerId, (valueByProducer.get(producerId) ?? 0) + entry.casesBeforeMinimum * entry.variant.casePriceCents);
  }
  const dropped = [...valueByProducer]
    .filter(([producerId, value]) => value > 0 && value < (allocationInput.producerMinimums[producerId] ?? 0))
    .map(([producerId]) => producerId)
    .sort();
  return {
    dropped,
    variants: perVariant.map((entry) => ({
      ...entry,
      isDropped: dropped.includes(entry.variant.producerId),
      cases: dropped.includes(entry.variant.producerId) ? 0 : entry.casesBeforeMinimum,
    })),
  };
}

describe("allocate: properties", () => {
  it("orders the most whole cases that demand + tolerance and stock allow, unless the producer is dropped", () => {
    fc.assert(
      fc.property(allocationInputArb, (allocationInput) => {
        const result = allocate(allocationInput);
        const plan = expectedPlan(allocationInput);

        expect(result.producersBelowMinimum).toEqual(plan.dropped);
        expect(result.variants.map((entry) => entry.variantId)).toEqual(allocationInput.variants.map((entry) => entry.variantId));
        for (const expected of plan.variants) {
          const actual = result.variants.find((entry) => entry.variantId === expected.variant.variantId)!;
          expect(actual).toMatchObject({ demand: expected.demand, tolerance: expected.tolerance, cases: expected.cases });
          expect(actual.units).toBe(expected.cases * expected.variant.caseSize);
          const lineUnits = result.lines.filter((entry) => entry.variantId === expected.variant.variantId).map((entry) => entry.units);
          expect(sum(lineUnits)).toBe(actual.units);
        }
        // Every input line appears exactly once.
        expect(result.lines.map((entry) => entry.lineId).sort()).toEqual(allocationInput.lines.map((entry) => entry.lineId).sort());
      }),
      RUNS,
    );
  });

  it("keeps every line within quantity + tolerance and only short when cut", () => {
    fc.assert(
      fc.property(allocationInputArb, (allocationInput) => {
        const result = allocate(allocationInput);
        for (const source of allocationInput.lines) {
          const allocated = lineById(result, source.lineId);
          expect(allocated).toMatchObject({ memberId: source.memberId, variantId: source.variantId, requested: source.quantity, tolerance: source.tolerance });
          expect(allocated.units).toBeGreaterThanOrEqual(0);
          expect(allocated.units).toBeLessThanOrEqual(source.quantity + source.tolerance);
          expect(allocated.fromTolerance).toBeGreaterThanOrEqual(0);
          expect(allocated.fromTolerance).toBeLessThanOrEqual(source.tolerance);
          expect(allocated.fromTolerance).toBe(Math.max(0, allocated.units - source.quantity));
          // cut ⇔ short
          expect(allocated.cut !== null).toBe(allocated.units < source.quantity);
        }
      }),
      RUNS,
    );
  });

  it("names the right reason for every cut", () => {
    fc.assert(
      fc.property(allocationInputArb, (allocationInput) => {
        const result = allocate(allocationInput);
        for (const expected of expectedPlan(allocationInput).variants) {
          const reason = expected.isDropped ? "PRODUCER_MINIMUM" : expected.stockLimited ? "OUT_OF_STOCK" : "NO_FULL_CASE";
          for (const source of expected.lines) {
            const allocated = lineById(result, source.lineId);
            if (allocated.cut !== null) expect(allocated.cut).toBe(reason);
            if (expected.isDropped) expect(allocated.units).toBe(0);
          }
        }
      }),
      RUNS,
    );
  });

  it("when the cases cover demand, gives everyone their quantity and splits the extra units in proportion to tolerance", () => {
    fc.assert(
      fc.property(allocationInputArb, (allocationInput) => {
        const result = allocate(allocationInput);
        for (const expected of expectedPlan(allocationInput).variants) {
          const units = expected.cases * expected.variant.caseSize;
          if (expected.isDropped || units < expected.demand) continue;
          const extra = units - expected.demand; // E
          const bySequence = [...expected.lines].sort((a, b) => a.sequence - b.sequence);
          // Equal tolerances: the earlier line gets the same or one more extra unit (ties go to the earliest line).
          bySequence.forEach((earlier, index) => {
            for (const later of bySequence.slice(index + 1)) {
              if (earlier.tolerance !== later.tolerance) continue;
              expect(lineById(result, earlier.lineId).fromTolerance - lineById(result, later.lineId).fromTolerance).toBeOneOf([0, 1]);
            }
          });
          for (const source of expected.lines) {
            const allocated = lineById(result, source.lineId);
            expect(allocated.units).toBeGreaterThanOrEqual(source.quantity);
            expect(allocated.cut).toBeNull();
            // |fromTolerance − E·t/T| < 1, in integers: |fromTolerance·T − E·t| < T.
            if (expected.tolerance > 0) {
              expect(Math.abs(allocated.fromTolerance * expected.tolerance - extra * source.tolerance)).toBeLessThan(expected.tolerance);
            } else {
              expect(allocated.fromTolerance).toBe(0);
            }
          }
        }
      }),
      RUNS,
    );
  });

  it("when the cases fall short of demand, fills lines in placement order and takes nothing from tolerance", () => {
    fc.assert(
      fc.property(allocationInputArb, (allocationInput) => {
        const result = allocate(allocationInput);
        for (const expected of expectedPlan(allocationInput).variants) {
          const units = expected.cases * expected.variant.caseSize;
          if (expected.isDropped || units >= expected.demand) continue;
          const bySequence = [...expected.lines].sort((a, b) => a.sequence - b.sequence).map((source) => ({ source, allocated: lineById(result, source.lineId) }));
          let earlierLineShort = false;
          for (const { source, allocated } of bySequence) {
            expect(allocated.fromTolerance).toBe(0);
            expect(allocated.units).toBeLessThanOrEqual(source.quantity);
            if (earlierLineShort) expect(allocated.units).toBe(0);
            if (allocated.units < source.quantity) earlierLineShort = true;
          }
        }
      }),
      RUNS,
    );
  });

  it("adds up the money exactly: line costs, member goods, fees and the grand total", () => {
    fc.assert(
      fc.property(allocationInputArb, (allocationInput) => {
        const result = allocate(allocationInput);
        for (const actual of result.variants) {
          const offered = allocationInput.variants.find((entry) => entry.variantId === actual.variantId)!;
          expect(actual.costCents).toBe(actual.cases * offered.casePriceCents);
          const variantLines = result.lines.filter((entry) => entry.variantId === actual.variantId);
          expect(sum(variantLines.map((entry) => entry.costCents))).toBe(actual.costCents);
          // Case price split by units: |cost·U − price·u| < U.
          for (const allocated of variantLines) {
            expect(allocated.costCents).toBeGreaterThanOrEqual(0);
            if (actual.units > 0) {
              expect(Math.abs(allocated.costCents * actual.units - actual.costCents * allocated.units)).toBeLessThan(actual.units);
            } else {
              expect(allocated.costCents).toBe(0);
            }
          }
        }

        const memberIds = [...new Set(allocationInput.lines.map((entry) => entry.memberId))].sort();
        expect(result.members.map((member) => member.memberId).sort()).toEqual(memberIds);
        const goodsTotal = sum(result.members.map((member) => member.goodsCents));
        for (const member of result.members) {
          const memberLines = result.lines.filter((entry) => entry.memberId === member.memberId);
          expect(member.goodsCents).toBe(sum(memberLines.map((entry) => entry.costCents)));
          expect(member.totalCents).toBe(member.goodsCents + member.feesCents);
          expect(member.feesCents).toBeGreaterThanOrEqual(0);
          // Fees split by goods value: |fee·G − F·g| < G.
          if (goodsTotal > 0) {
            expect(Math.abs(member.feesCents * goodsTotal - allocationInput.sharedFeesCents * member.goodsCents)).toBeLessThan(goodsTotal);
          }
        }
        const fees = sum(result.members.map((member) => member.feesCents));
        expect(fees).toBe(goodsTotal > 0 ? allocationInput.sharedFeesCents : 0);

        const variantCosts = sum(result.variants.map((entry) => entry.costCents));
        expect(goodsTotal).toBe(variantCosts);
        expect(result.totalCents).toBe(sum(result.members.map((member) => member.totalCents)));
        expect(result.totalCents).toBe(variantCosts + fees);
        expect(Number.isSafeInteger(result.totalCents)).toBe(true);
      }),
      RUNS,
    );
  });

  it("is deterministic: the same input gives the same output", () => {
    fc.assert(
      fc.property(allocationInputArb, (allocationInput) => {
        expect(allocate(structuredClone(allocationInput))).toEqual(allocate(allocationInput));
      }),
      RUNS,
    );
  });

  it("does not depend on the array order of lines (sequence decides)", () => {
    const withShuffledLines = allocationInputArb.chain((allocationInput) =>
      fc
        .shuffledSubarray([...allocationInput.lines], { minLength: allocationInput.lines.length, maxLength: allocationInput.lines.length })
        .map((shuffled) => [allocationInput, { ...allocationInput, lines: shuffled }] as const),
    );
    fc.assert(
      fc.property(withShuffledLines, ([original, shuffled]) => {
        expect(allocate(shuffled)).toEqual(allocate(original));
      }),
      RUNS,
    );
  });

  it("does not mutate its input", () => {
    fc.assert(
      fc.property(allocationInputArb, (allocationInput) => {
        const snapshot = structuredClone(allocationInput);
        allocate(allocationInput);
        expect(allocationInput).toEqual(snapshot);
      }),
      { numRuns: 200 },
    );
  });
});

describe("splitProportionally: properties", () => {
  it("sums to the total, stays within 1 of the exact share and favours the lower index on ties", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        // Small weights mixed in so equal weights (ties) are common.
        fc
          .array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 1_000_000 })), { minLength: 1, maxLength: 12 })
          .filter((weights) => sum(weights) > 0),
        (total, weights) => {
          const parts = splitProportionally(total, weights);
          const weightSum = sum(weights);
          expect(parts).toHaveLength(weights.length);
          expect(sum(parts)).toBe(total);
          parts.forEach((part, index) => {
            // exact share = total·w/W; part ∈ {floor, ceil}. Products stay < 2^53 here (10^6 · 10^6).
            const exact = total * weights[index];
            expect(part * weightSum).toBeGreaterThan(exact - weightSum);
            expect(part * weightSum).toBeLessThan(exact + weightSum);
            if (weights[index] === 0) expect(part).toBe(0);
          });
          // Equal weights never get parts further apart than 1, and the earlier one never gets less.
          for (let i = 0; i < weights.length; i += 1) {
            for (let j = i + 1; j < weights.length; j += 1) {
              if (weights[i] === weights[j]) expect(parts[i] - parts[j]).toBeOneOf([0, 1]);
            }
          }
        },
      ),
      RUNS,
    );
  });
});

describe("caseFill: properties", () => {
  it("is consistent with the case size and with what closing now would order", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 24 }), (demand, tolerance, caseSize) => {
        const fill = caseFill(demand, tolerance, caseSize);
        expect(fill.fullCases * caseSize + fill.inOpenCase).toBe(demand);
        expect(fill.inOpenCase).toBeGreaterThanOrEqual(0);
        expect(fill.inOpenCase).toBeLessThan(caseSize);
        if (fill.inOpenCase > 0) expect(fill.toGo + fill.inOpenCase).toBe(caseSize);
        else expect(fill.toGo).toBe(0);
        expect(fill.casesIfClosedNow).toBe(Math.floor((demand + tolerance) / caseSize));
        expect(fill.toleranceCovers).toBe(fill.toGo > 0 && tolerance >= fill.toGo);
        if (fill.toleranceCovers) expect(fill.casesIfClosedNow).toBeGreaterThan(fill.fullCases);
        // Matches what allocate would order for one unlimited variant with this demand and tolerance.
        const lines = demand > 0 ? [line(demand, tolerance)] : [];
        const cases = allocate(input({ variants: [variant({ caseSize })], lines })).variants[0].cases;
        expect(cases).toBe(demand > 0 ? fill.casesIfClosedNow : 0);
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Known bugs (fail until app/domain/allocation.ts is fixed; see the report)
// ---------------------------------------------------------------------------------------------------------------

describe("ties and exact arithmetic (once bugs, now fixed)", () => {
  it("BUG: lines with the same sequence are allocated by array order, so a reordered query changes who is cut", () => {
    // `sequence` comes from GroupOrderLine.createdAt, which can tie (same millisecond, seeded data). D = 13, C = 12:
    // one of the two lines must lose a unit, and which one must not depend on the order the database returned them.
    const ana = line(6, 0, { lineId: "line-ana", memberId: "ana", sequence: 100 });
    const ben = line(7, 0, { lineId: "line-ben", memberId: "ben", sequence: 100 });
    const forward = allocate(input({ lines: [ana, ben] }));
    const backward = allocate(input({ lines: [ben, ana] }));

    expect(summary(backward, [ana, ben])).toEqual(summary(forward, [ana, ben]));
    expect(backward).toEqual(forward);
  });

  it("BUG: with tied sequences, permuting the input lines changes the result", () => {
    // Same as the property above, but with sequences folded onto 0–3 so ties are common.
    const withTiesShuffled = allocationInputArb
      .map((allocationInput) => ({ ...allocationInput, lines: allocationInput.lines.map((entry) => ({ ...entry, sequence: entry.sequence % 4 })) }))
      .chain((allocationInput) =>
        fc
          .shuffledSubarray([...allocationInput.lines], { minLength: allocationInput.lines.length, maxLength: allocationInput.lines.length })
          .map((shuffled) => [allocationInput, { ...allocationInput, lines: shuffled }] as const),
      );
    fc.assert(
      fc.property(withTiesShuffled, ([original, shuffled]) => {
        expect(allocate(shuffled)).toEqual(allocate(original));
      }),
      RUNS,
    );
  });

  it("BUG: splitProportionally accepts negative weights when they cancel out", () => {
    expect(() => splitProportionally(0, [-1, 1])).toThrow(/non-negative/);
  });

  it("BUG: splitProportionally sums weights as floats, so a sum past 2^53 skews the split", () => {
    // Weights 2 and M = 2^53 − 1 sum to 2^53 + 1, which a float rounds to 2^53. Exactly, total M splits as
    // M·2/(M+2) = 2 − 4/(M+2) and M·M/(M+2) = (M − 2) + 4/(M+2) → floors 1 and M − 2; the leftover unit goes to index 0.
    const M = Number.MAX_SAFE_INTEGER;
    expect(splitProportionally(M, [2, M])).toEqual([2, M - 2]);
  });
});

/**
 * Group-order allocation: turns pooled demand into whole cases and tells each member exactly what they get and pay.
 * Pure and deterministic (same input → same output); property-tested in tests/unit/allocation.test.ts.
 *
 * Per variant, with demand D = Σ quantity, tolerance T = Σ tolerance and case size C:
 *  1. Cases k = the most whole cases with k·C ≤ D + T, and no more than the stock allows.
 *  2. If k·C ≥ D, every member gets their full quantity, and the E = k·C − D extra units that fill the last case
 *     come from tolerances in proportion to each member's tolerance (largest remainder; ties go to the earliest
 *     line), never more than a member's tolerance.
 *  3. If k·C < D (demand that fills no further case, or too little stock), the units go to lines in the order they
 *     were placed; the latest lines are cut, and their members are told why.
 * Then per producer: if the allocated value is below the producer's minimum order, nothing is ordered from that
 * producer and every member is told. Finally costs: a variant's k cases cost k × case price, split over its units
 * exactly (largest remainder), and the group's shared fees are split over members by the value of their goods.
 */

export type AllocationLine = {
  lineId: string;
  memberId: string;
  variantId: string;
  quantity: number;
  tolerance: number;
  /** Placement order: earlier lines win ties and are cut last. */
  sequence: number;
};

export type AllocationVariant = {
  variantId: string;
  producerId: string;
  caseSize: number;
  casePriceCents: number;
  /** Units in stock; null = no limit. */
  stock: number | null;
};

export type AllocationInput = {
  variants: readonly AllocationVariant[];
  lines: readonly AllocationLine[];
  /** Minimum order value per producer, in cents (0 or missing = none). */
  producerMinimums: Readonly<Record<string, number>>;
  /** Shared fees (shipping, handling) split across members by the value of their goods. */
  sharedFeesCents: number;
};

export type CutReason = "NO_FULL_CASE" | "OUT_OF_STOCK" | "PRODUCER_MINIMUM";

export type LineAllocation = {
  lineId: string;
  memberId: string;
  variantId: string;
  requested: number;
  tolerance: number;
  units: number;
  /** Units beyond `requested`, taken from tolerance to fill a case. */
  fromTolerance: number;
  costCents: number;
  /** Why the member got fewer units than they asked for; null when they got at least their quantity. */
  cut: CutReason | null;
};

export type VariantAllocation = {
  variantId: string;
  producerId: string;
  demand: number;
  tolerance: number;
  cases: number;
  units: number;
  costCents: number;
};

export type MemberTotal = { memberId: string; goodsCents: number; feesCents: number; totalCents: number };

export type AllocationResult = {
  lines: LineAllocation[];
  variants: VariantAllocation[];
  members: MemberTotal[];
  /** Producers dropped because the group's order from them stayed below their minimum. */
  producersBelowMinimum: string[];
  totalCents: number;
};

/**
 * Splits `total` into integer parts proportional to `weights` (largest remainder); ties go to the lower index.
 * Σ parts = total exactly. All weights 0 → everything 0 (total must then be 0).
 */
export function splitProportionally(total: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(total) || total < 0) throw new Error(`total must be a non-negative integer, got ${total}`);
  for (const weight of weights) {
    if (!Number.isInteger(weight) || weight < 0) throw new Error(`weights must be non-negative integers, got ${weight}`);
  }
  // Exact integer arithmetic: BigInt, since total × weight (and the sum of weights) can pass 2^53.
  const bigSum = weights.reduce((acc, weight) => acc + BigInt(weight), 0n);
  if (bigSum === 0n) {
    if (total !== 0) throw new Error("Cannot split a non-zero total over zero weights");
    return weights.map(() => 0);
  }
  const bigTotal = BigInt(total);
  const parts = weights.map((weight, index) => {
    const numerator = bigTotal * BigInt(weight);
    return { index, floor: Number(numerator / bigSum), remainder: numerator % bigSum };
  });
  let left = total - parts.reduce((acc, part) => acc + part.floor, 0);
  const byRemainder = [...parts].sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  const result = parts.map((part) => part.floor);
  for (const part of byRemainder) {
    if (left === 0) break;
    result[part.index] += 1;
    left -= 1;
  }
  return result;
}

function assertWhole(value: number, what: string, min = 0) {
  if (!Number.isInteger(value) || value < min) throw new Error(`${what} must be a whole number ≥ ${min}, got ${value}`);
}

/** Placement order; equal sequences fall back to the line id, so the input's array order never decides anything. */
function byPlacement(a: AllocationLine, b: AllocationLine): number {
  return a.sequence - b.sequence || (a.lineId < b.lineId ? -1 : a.lineId > b.lineId ? 1 : 0);
}

function allocateVariant(variant: AllocationVariant, lines: readonly AllocationLine[]) {
  const ordered = [...lines].sort(byPlacement);
  const demand = ordered.reduce((sum, line) => sum + line.quantity, 0);
  const tolerance = ordered.reduce((sum, line) => sum + line.tolerance, 0);
  const byDemand = Math.floor((demand + tolerance) / variant.caseSize);
  const byStock = variant.stock === null ? byDemand : Math.floor(variant.stock / variant.caseSize);
  const cases = Math.min(byDemand, byStock);
  const units = cases * variant.caseSize;
  const stockLimited = byStock < byDemand;
  const allocated = new Map<string, { units: number; fromTolerance: number; cut: CutReason | null }>();
  if (units >= demand) {
    const extras = splitProportionally(units - demand, ordered.map((line) => line.tolerance));
    ordered.forEach((line, index) => allocated.set(line.lineId, { units: line.quantity + extras[index], fromTolerance: extras[index], cut: null }));
  } else {
    let left = units;
    for (const line of ordered) {
      const given = Math.min(line.quantity, left);
      left -= given;
      allocated.set(line.lineId, { units: given, fromTolerance: 0, cut: given < line.quantity ? (stockLimited ? "OUT_OF_STOCK" : "NO_FULL_CASE") : null });
    }
  }
  return { demand, tolerance, cases, units, allocated };
}

export function allocate(input: AllocationInput): AllocationResult {
  assertWhole(input.sharedFeesCents, "sharedFeesCents");
  const variants = new Map(input.variants.map((variant) => [variant.variantId, variant]));
  for (const variant of input.variants) {
    assertWhole(variant.caseSize, `caseSize of ${variant.variantId}`, 1);
    assertWhole(variant.casePriceCents, `casePriceCents of ${variant.variantId}`);
    if (variant.stock !== null) assertWhole(variant.stock, `stock of ${variant.variantId}`);
  }
  const linesByVariant = new Map<string, AllocationLine[]>();
  for (const line of input.lines) {
    if (!variants.has(line.variantId)) throw new Error(`Line ${line.lineId} orders ${line.variantId}, which is not on offer`);
    assertWhole(line.quantity, `quantity of ${line.lineId}`);
    assertWhole(line.tolerance, `tolerance of ${line.lineId}`);
    if (line.quantity === 0 && line.tolerance > 0) throw new Error(`Line ${line.lineId} has a tolerance without a quantity`);
    linesByVariant.set(line.variantId, [...(linesByVariant.get(line.variantId) ?? []), line]);
  }

  // Steps 1–3 per variant.
  const perVariant = input.variants.map((variant) => ({ variant, ...allocateVariant(variant, linesByVariant.get(variant.variantId) ?? []) }));

  // Producer minimums: value at case prices of what would be ordered from each producer.
  const valueByProducer = new Map<string, number>();
  for (const entry of perVariant) {
    valueByProducer.set(entry.variant.producerId, (valueByProducer.get(entry.variant.producerId) ?? 0) + entry.cases * entry.variant.casePriceCents);
  }
  const producersBelowMinimum = [...valueByProducer.entries()]
    .filter(([producerId, value]) => value > 0 && value < (input.producerMinimums[producerId] ?? 0))
    .map(([producerId]) => producerId)
    .sort();
  const dropped = new Set(producersBelowMinimum);

  const lines: LineAllocation[] = [];
  const variantResults: VariantAllocation[] = [];
  for (const entry of perVariant) {
    const { variant } = entry;
    const isDropped = dropped.has(variant.producerId);
    const cases = isDropped ? 0 : entry.cases;
    const costCents = cases * variant.casePriceCents;
    const ordered = (linesByVariant.get(variant.variantId) ?? []).slice().sort(byPlacement);
    const units = ordered.map((line) => (isDropped ? 0 : entry.allocated.get(line.lineId)!.units));
    const costs = splitProportionally(costCents, units.some((value) => value > 0) ? units : ordered.map(() => 0));
    ordered.forEach((line, index) => {
      const given = entry.allocated.get(line.lineId)!;
      lines.push({
        lineId: line.lineId,
        memberId: line.memberId,
        variantId: line.variantId,
        requested: line.quantity,
        tolerance: line.tolerance,
        units: units[index],
        fromTolerance: isDropped ? 0 : given.fromTolerance,
        costCents: costs[index],
        cut: isDropped ? (line.quantity > 0 ? "PRODUCER_MINIMUM" : null) : given.cut,
      });
    });
    variantResults.push({ variantId: variant.variantId, producerId: variant.producerId, demand: entry.demand, tolerance: entry.tolerance, cases, units: cases * variant.caseSize, costCents });
  }

  // Members in order of their first line, so the split of fees is deterministic.
  const memberOrder: string[] = [];
  const goodsByMember = new Map<string, number>();
  for (const line of [...input.lines].sort(byPlacement)) {
    if (!goodsByMember.has(line.memberId)) memberOrder.push(line.memberId);
    goodsByMember.set(line.memberId, goodsByMember.get(line.memberId) ?? 0);
  }
  for (const line of lines) goodsByMember.set(line.memberId, goodsByMember.get(line.memberId)! + line.costCents);
  const goods = memberOrder.map((memberId) => goodsByMember.get(memberId)!);
  const anyGoods = goods.some((value) => value > 0);
  // With nothing ordered there is nothing to deliver, so no shared fees either.
  const fees = anyGoods ? splitProportionally(input.sharedFeesCents, goods) : goods.map(() => 0);
  const members = memberOrder.map((memberId, index) => ({ memberId, goodsCents: goods[index], feesCents: fees[index], totalCents: goods[index] + fees[index] }));
  return {
    lines,
    variants: variantResults,
    members,
    producersBelowMinimum,
    totalCents: members.reduce((sum, member) => sum + member.totalCents, 0),
  };
}

export const CUT_REASON_TEXT: Record<CutReason, string> = {
  NO_FULL_CASE: "Not enough orders to fill another case; the latest orders were cut first.",
  OUT_OF_STOCK: "The producer had too little stock for more cases; the latest orders were cut first.",
  PRODUCER_MINIMUM: "The group's order from this producer stayed below their minimum, so nothing was ordered from them.",
};

/** Live fill of a variant while the order is open: "9 of 12 — 3 to go". */
export function caseFill(demand: number, tolerance: number, caseSize: number) {
  const fullCases = Math.floor(demand / caseSize);
  const inOpenCase = demand % caseSize;
  const toGo = inOpenCase === 0 ? 0 : caseSize - inOpenCase;
  return {
    fullCases,
    inOpenCase,
    toGo,
    /** Tolerance already offered would complete the open case. */
    toleranceCovers: toGo > 0 && tolerance >= toGo,
    /** Cases that would be ordered if it closed now (counting tolerance). */
    casesIfClosedNow: Math.floor((demand + tolerance) / caseSize),
  };
}

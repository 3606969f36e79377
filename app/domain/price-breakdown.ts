/**
 * How a retail price splits between the people who earn it. The shares of a variant sum exactly to its retail
 * price, in integer cents: nothing is rounded away. Pure: no I/O.
 */
import { formatMoney } from "./money";

export const PRICE_COMPONENT_KINDS = [
  "PRODUCER",
  "PROCESSING",
  "TRANSPORT",
  "DISTRIBUTOR",
  "RETAILER",
  "PLATFORM",
  "SOLIDARITY_FUND",
  "TAX",
  "OTHER",
] as const;
export type PriceComponentKind = (typeof PRICE_COMPONENT_KINDS)[number];

export const PRICE_COMPONENT_LABELS: Record<PriceComponentKind, string> = {
  PRODUCER: "Producer",
  PROCESSING: "Processing",
  TRANSPORT: "Transport",
  DISTRIBUTOR: "Distribution",
  RETAILER: "Shop / retailer",
  PLATFORM: "Platform fee",
  SOLIDARITY_FUND: "Solidarity fund",
  TAX: "Tax",
  OTHER: "Other",
};

export type PriceShare = { kind: PriceComponentKind; amountCents: number };

export type BreakdownCheck = { ok: true } | { ok: false; differenceCents: number; message: string };

function assertRetailPrice(retailPriceCents: number): void {
  if (!Number.isInteger(retailPriceCents) || retailPriceCents <= 0) {
    throw new Error(`A retail price must be a positive integer number of cents, got ${retailPriceCents}`);
  }
}

const isPositiveCents = (amount: number) => Number.isInteger(amount) && amount > 0;

/**
 * Exact integer check that the shares make up the retail price. differenceCents is always sum − retail (amounts
 * that are not finite count as 0). Rejects, in this order: an empty list, any amount that is not a positive integer
 * (naming the component), no PRODUCER share, and a sum different from the retail price.
 * Throws when the retail price itself is not a positive integer (a programming error: products validate it).
 */
export function checkBreakdown(shares: readonly PriceShare[], retailPriceCents: number): BreakdownCheck {
  assertRetailPrice(retailPriceCents);
  const sum = shares.reduce((total, share) => total + (Number.isFinite(share.amountCents) ? share.amountCents : 0), 0);
  const differenceCents = sum - retailPriceCents;
  const fail = (message: string): BreakdownCheck => ({ ok: false, differenceCents, message });

  if (shares.length === 0) return fail("Add at least one share: start with what the producer receives.");
  const invalid = shares.find((share) => !isPositiveCents(share.amountCents));
  if (invalid) {
    return fail(
      `The ${PRICE_COMPONENT_LABELS[invalid.kind]} share must be an amount above €0.00: remove it if nothing goes there.`,
    );
  }
  if (!shares.some((share) => share.kind === "PRODUCER")) return fail("Say what the producer receives.");
  if (differenceCents !== 0) {
    const direction = differenceCents < 0 ? "less" : "more";
    return fail(
      `The shares add up to ${formatMoney(sum)}: ${formatMoney(Math.abs(differenceCents))} ${direction} than the retail price of ${formatMoney(retailPriceCents)}.`,
    );
  }
  return { ok: true };
}

/** Integer a × 1000 / b rounded half up, for non-negative a and positive b, without floating-point error. */
const roundedPermille = (a: number, b: number) => Math.floor((2 * a * 1000 + b) / (2 * b));

/** Producer share = sum of PRODUCER amounts / retail × 100, rounded (half up) to one decimal, e.g. 42.5. */
export function producerSharePercent(shares: readonly PriceShare[], retailPriceCents: number): number {
  assertRetailPrice(retailPriceCents);
  const producer = shares
    .filter((share) => share.kind === "PRODUCER" && isPositiveCents(share.amountCents))
    .reduce((total, share) => total + share.amountCents, 0);
  return roundedPermille(producer, retailPriceCents) / 10;
}

/**
 * For a chart: each share with its size in tenths of a per cent (integers). The permilles add up to the sum's share
 * of the retail price rounded half up — exactly 1000 when the shares sum to the retail price — using the
 * largest-remainder method (ties go to the earlier share). Amounts that are not positive integers get 0.
 * Returned in the given order.
 */
export function shareSegments<T extends PriceShare>(
  shares: readonly T[],
  retailPriceCents: number,
): (T & { permille: number })[] {
  assertRetailPrice(retailPriceCents);
  const scaled = shares.map((share) => (isPositiveCents(share.amountCents) ? share.amountCents * 1000 : 0));
  const floors = scaled.map((value) => Math.floor(value / retailPriceCents));
  const remainders = scaled.map((value) => value % retailPriceCents);
  const sum = scaled.reduce((total, value) => total + value, 0) / 1000;
  let toHandOut = roundedPermille(sum, retailPriceCents) - floors.reduce((total, value) => total + value, 0);

  const order = remainders
    .map((remainder, index) => ({ remainder, index }))
    .filter(({ remainder }) => remainder > 0)
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  const permilles = [...floors];
  for (const { index } of order) {
    if (toHandOut <= 0) break;
    permilles[index] += 1;
    toHandOut -= 1;
  }
  return shares.map((share, index) => ({ ...share, permille: permilles[index] }));
}

/** 425 → "42.5%", 1000 → "100.0%". */
export function formatPermille(permille: number): string {
  if (!Number.isInteger(permille)) throw new Error(`A permille must be an integer, got ${permille}`);
  const sign = permille < 0 ? "-" : "";
  const absolute = Math.abs(permille);
  return `${sign}${Math.floor(absolute / 10)}.${absolute % 10}%`;
}

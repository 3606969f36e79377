/**
 * Volume pricing: from `minQuantity` units in one order, each unit costs `unitPriceCents`. Pure: no I/O.
 */
import { formatMoney } from "./money";
import type { RuleResult } from "./permissions";

export type PriceBreak = { minQuantity: number; unitPriceCents: number };

const allowed: RuleResult = { ok: true };
const denied = (reason: string): RuleResult => ({ ok: false, reason });

const units = (quantity: number) => `${quantity} ${quantity === 1 ? "unit" : "units"}`;

/**
 * The unit price for buying `quantity` units: the break with the largest minQuantity ≤ quantity, else the retail
 * price. At exactly minQuantity the break applies; at minQuantity − 1 it does not. Breaks may be in any order.
 * Throws on a quantity below 1 or not a whole number.
 */
export function unitPriceFor(quantity: number, retailPriceCents: number, breaks: readonly PriceBreak[]): number {
  if (!Number.isInteger(quantity) || quantity < 1) {
    throw new Error(`A quantity must be a whole number of at least 1, got ${quantity}`);
  }
  let best: PriceBreak | null = null;
  for (const tier of breaks) {
    if (tier.minQuantity <= quantity && (best === null || tier.minQuantity > best.minQuantity)) best = tier;
  }
  return best ? best.unitPriceCents : retailPriceCents;
}

/** The tiers sorted by minQuantity, smallest first (a copy). */
export function sortPriceBreaks<T extends PriceBreak>(breaks: readonly T[]): T[] {
  return [...breaks].sort((a, b) => a.minQuantity - b.minQuantity);
}

/**
 * Breaks are valid when every minQuantity is a whole number ≥ 2 and unique; every unitPriceCents is a positive
 * integer below the retail price; and larger quantities never cost more per unit (sorted by minQuantity, prices
 * strictly decreasing). The reason names the offending tier, e.g. "From 10 units: …". No breaks at all is valid.
 */
export function checkPriceBreaks(breaks: readonly PriceBreak[], retailPriceCents: number): RuleResult {
  for (const tier of breaks) {
    if (!Number.isInteger(tier.minQuantity)) {
      return denied(`From ${tier.minQuantity} units: the quantity must be a whole number.`);
    }
    if (tier.minQuantity < 2) {
      return denied(`From ${units(tier.minQuantity)}: a price break must start at 2 units or more (one unit costs the retail price).`);
    }
  }
  const sorted = sortPriceBreaks(breaks);
  let previous: PriceBreak | null = null;
  for (const tier of sorted) {
    const from = `From ${units(tier.minQuantity)}`;
    if (previous !== null && previous.minQuantity === tier.minQuantity) {
      return denied(`${from}: there is already a price for this quantity. Each quantity can have only one price.`);
    }
    if (!Number.isInteger(tier.unitPriceCents) || tier.unitPriceCents <= 0) {
      return denied(`${from}: the unit price must be more than €0.00.`);
    }
    if (tier.unitPriceCents >= retailPriceCents) {
      return denied(
        `${from}: the unit price (${formatMoney(tier.unitPriceCents)}) must be lower than the retail price of ${formatMoney(retailPriceCents)}.`,
      );
    }
    if (previous !== null && tier.unitPriceCents >= previous.unitPriceCents) {
      return denied(
        `${from}: the unit price (${formatMoney(tier.unitPriceCents)}) must be lower than the ${formatMoney(previous.unitPriceCents)} charged from ${units(previous.minQuantity)}.`,
      );
    }
    previous = tier;
  }
  return allowed;
}

/** quantity × unitPriceFor(quantity). */
export function lineTotalCents(quantity: number, retailPriceCents: number, breaks: readonly PriceBreak[]): number {
  return quantity * unitPriceFor(quantity, retailPriceCents, breaks);
}

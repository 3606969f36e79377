/**
 * Who receives what from an order, in whole cents. Pure, property-tested (tests/unit/order-split.test.ts).
 *
 * - The buyer pays the goods, the distributor's handling fee on them and, for delivery, the delivery fee.
 * - From each seller's goods the platform fee and the solidarity-fund share are taken, each rounded DOWN, so any
 *   rounding cent stays with the producer; the seller receives the rest.
 * - The ledger is double-entry: the buyer's payment (negative) balances the parties' shares (positive), so an
 *   order's entries always sum to zero and the shares sum exactly to what the buyer paid.
 */

import { formatMoney } from "./money";

export type FeeRates = {
  platformFeeBps: number;
  solidarityFundBps: number;
  /** The distributor's fee on goods it handles; 0 when no distributor is involved. */
  distributorFeeBps: number;
};

export type SellerSplit = {
  goodsCents: number;
  sellerPayoutCents: number;
  platformFeeCents: number;
  solidarityFundCents: number;
  /** Paid by the buyer on top of the goods. */
  distributionFeeCents: number;
};

const BPS = 10_000;

function shareOf(cents: number, bps: number): number {
  if (!Number.isInteger(cents) || cents < 0) throw new Error(`Amounts must be non-negative integer cents, got ${cents}`);
  if (!Number.isInteger(bps) || bps < 0 || bps > BPS) throw new Error(`Rates must be whole basis points 0–10000, got ${bps}`);
  return Math.floor((cents * bps) / BPS);
}

export function splitSellerGoods(goodsCents: number, rates: FeeRates): SellerSplit {
  const platformFeeCents = shareOf(goodsCents, rates.platformFeeBps);
  const solidarityFundCents = shareOf(goodsCents, rates.solidarityFundBps);
  if (platformFeeCents + solidarityFundCents > goodsCents) throw new Error("Fees cannot exceed the goods they are taken from");
  return {
    goodsCents,
    sellerPayoutCents: goodsCents - platformFeeCents - solidarityFundCents,
    platformFeeCents,
    solidarityFundCents,
    distributionFeeCents: shareOf(goodsCents, rates.distributorFeeBps),
  };
}

export type OrderTotals = {
  goodsCents: number;
  distributionFeeCents: number;
  deliveryFeeCents: number;
  totalCents: number;
};

/**
 * An order's totals. The distributor's handling is its percentage of each seller's goods plus its flat fee per order
 * (`orderFeeCents`); delivery is on top.
 */
export function orderTotals(splits: readonly SellerSplit[], deliveryFeeCents: number, orderFeeCents = 0): OrderTotals {
  if (!Number.isInteger(deliveryFeeCents) || deliveryFeeCents < 0) throw new Error("The delivery fee must be non-negative integer cents");
  if (!Number.isInteger(orderFeeCents) || orderFeeCents < 0) throw new Error("The per-order fee must be non-negative integer cents");
  const goodsCents = splits.reduce((sum, split) => sum + split.goodsCents, 0);
  const distributionFeeCents = splits.reduce((sum, split) => sum + split.distributionFeeCents, 0) + orderFeeCents;
  return { goodsCents, distributionFeeCents, deliveryFeeCents, totalCents: goodsCents + distributionFeeCents + deliveryFeeCents };
}

export type LedgerAccount = "BUYER" | "SELLER" | "DISTRIBUTOR" | "PLATFORM" | "SOLIDARITY_FUND";

export type LedgerLine = {
  account: LedgerAccount;
  organizationId: string | null;
  fulfillmentId: string | null;
  amountCents: number;
  description: string;
};

export type LedgerOrder = {
  number: string;
  buyerOrganizationId: string | null;
  distributor: { id: string; name: string } | null;
  deliveryFeeCents: number;
  /** What the delivery fee pays for, in the ledger's words; default "delivery" (group orders: "shared costs"). */
  deliveryLabel?: string;
  /** The distributor's flat fee for the order, on top of its percentage of each seller's goods. */
  orderFeeCents?: number;
  totalCents: number;
  fulfillments: ReadonlyArray<SellerSplit & { id: string; seller: { id: string; name: string } }>;
};

/**
 * The balanced entries for a confirmed order: the buyer's payment, each seller's payout (one per fulfilment), and
 * one entry each for the platform fee, the solidarity fund and the distributor (its handling of every seller's goods
 * plus any delivery fee). Zero amounts are left out (a 0% fee writes nothing). The per-seller split of the fees stays
 * on each fulfilment.
 */
export function ledgerLinesFor(order: LedgerOrder): LedgerLine[] {
  const sum = (pick: (fulfillment: LedgerOrder["fulfillments"][number]) => number) =>
    order.fulfillments.reduce((total, fulfillment) => total + pick(fulfillment), 0);
  const lines: LedgerLine[] = [
    {
      account: "BUYER",
      organizationId: order.buyerOrganizationId,
      fulfillmentId: null,
      amountCents: -order.totalCents,
      description: `Payment for order ${order.number}`,
    },
    ...order.fulfillments.map((fulfillment): LedgerLine => ({
      account: "SELLER",
      organizationId: fulfillment.seller.id,
      fulfillmentId: fulfillment.id,
      amountCents: fulfillment.sellerPayoutCents,
      description: `Payout for ${fulfillment.seller.name} goods in order ${order.number}`,
    })),
    { account: "PLATFORM", organizationId: null, fulfillmentId: null, amountCents: sum((f) => f.platformFeeCents), description: `Platform fee on order ${order.number}` },
    { account: "SOLIDARITY_FUND", organizationId: null, fulfillmentId: null, amountCents: sum((f) => f.solidarityFundCents), description: `Solidarity fund share of order ${order.number}` },
  ];
  if (order.distributor) {
    const handling = sum((f) => f.distributionFeeCents) + (order.orderFeeCents ?? 0);
    lines.push({
      account: "DISTRIBUTOR",
      organizationId: order.distributor.id,
      fulfillmentId: null,
      amountCents: handling + order.deliveryFeeCents,
      description:
        order.deliveryFeeCents > 0
          ? `Handling ${formatMoney(handling)} and ${order.deliveryLabel ?? "delivery"} ${formatMoney(order.deliveryFeeCents)} for order ${order.number}`
          : `Handling of order ${order.number}`,
    });
  }
  const kept = lines.filter((line) => line.amountCents !== 0);
  const balance = kept.reduce((sum, line) => sum + line.amountCents, 0);
  if (balance !== 0) throw new Error(`Ledger for ${order.number} does not balance (off by ${balance} cents)`);
  return kept;
}

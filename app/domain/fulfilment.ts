/**
 * Distributor fulfilment rules. Pure; tested in tests/unit/fulfilment.test.ts.
 */
import { splitProportionally } from "./allocation";

export type FulfillmentStatus = "AWAITING_GOODS" | "RECEIVED" | "PACKED" | "READY_FOR_PICKUP" | "OUT_FOR_DELIVERY" | "DELIVERED" | "CANCELLED";

/** ISO weekdays (1 = Monday … 7 = Sunday) from "2,5"; unknown parts are ignored. */
export function parseWeekdays(value: string): number[] {
  return [...new Set(value.split(",").map((part) => Number(part.trim())).filter((day) => Number.isInteger(day) && day >= 1 && day <= 7))].sort();
}

const DAY_MS = 86_400_000;

/**
 * The delivery day an order placed at `placedAt` goes out on: the first of the distributor's delivery weekdays at
 * least `leadDays` calendar days later (UTC), so producers have time to bring the goods in. A distributor without
 * set days hands over `leadDays` later.
 */
export function nextDeliveryDate(placedAt: Date, weekdays: readonly number[], leadDays = 2): Date {
  const start = new Date(Date.UTC(placedAt.getUTCFullYear(), placedAt.getUTCMonth(), placedAt.getUTCDate()) + leadDays * DAY_MS);
  if (weekdays.length === 0) return start;
  for (let offset = 0; offset < 7; offset += 1) {
    const day = new Date(start.getTime() + offset * DAY_MS);
    const iso = day.getUTCDay() === 0 ? 7 : day.getUTCDay();
    if (weekdays.includes(iso)) return day;
  }
  return start;
}

/** The one step a fulfilment can take next, or null when it is finished. Pickup and delivery part at "packed". */
export function nextStatus(current: FulfillmentStatus, handover: "PICKUP" | "DELIVERY"): FulfillmentStatus | null {
  switch (current) {
    case "AWAITING_GOODS":
      return "RECEIVED";
    case "RECEIVED":
      return "PACKED";
    case "PACKED":
      return handover === "PICKUP" ? "READY_FOR_PICKUP" : "OUT_FOR_DELIVERY";
    case "READY_FOR_PICKUP":
    case "OUT_FOR_DELIVERY":
      return "DELIVERED";
    default:
      return null;
  }
}

export const STATUS_ACTIONS: Record<FulfillmentStatus, string | null> = {
  AWAITING_GOODS: "Mark received",
  RECEIVED: "Mark packed",
  PACKED: null, // depends on the handover: see nextStatus
  READY_FOR_PICKUP: "Mark collected",
  OUT_FOR_DELIVERY: "Mark delivered",
  DELIVERED: null,
  CANCELLED: null,
};

export function actionLabel(current: FulfillmentStatus, handover: "PICKUP" | "DELIVERY"): string | null {
  if (current === "PACKED") return handover === "PICKUP" ? "Ready for pickup" : "Out for delivery";
  return STATUS_ACTIONS[current];
}

export type ShortLine = { lineId: string; units: number; lineTotalCents: number; shortUnits: number };
export type RecordedSplit = { goodsCents: number; sellerPayoutCents: number; platformFeeCents: number; solidarityFundCents: number; distributionFeeCents: number };

/**
 * What a short shipment takes back, exactly: the goods not supplied (each line's total × short / units, rounded UP
 * per line, so the buyer never pays for anything that did not arrive),
 * split over seller, platform and solidarity fund in the proportions the order recorded (largest remainder), plus the
 * distributor's handling on those goods. Every party gives back its share; the buyer gets the sum.
 */
export function shortShipmentRefund(lines: readonly ShortLine[], split: RecordedSplit) {
  let goodsCents = 0;
  for (const line of lines) {
    if (!Number.isInteger(line.shortUnits) || line.shortUnits < 0 || line.shortUnits > line.units) {
      throw new Error(`Short units must be a whole number from 0 to ${line.units}, got ${line.shortUnits}`);
    }
    if (line.shortUnits === 0) continue;
    goodsCents += line.shortUnits === line.units ? line.lineTotalCents : Math.ceil((line.lineTotalCents * line.shortUnits) / line.units);
  }
  if (goodsCents > split.goodsCents) throw new Error("Cannot refund more goods than the fulfilment holds");
  const [sellerCents, platformCents, solidarityCents] =
    split.goodsCents === 0 ? [0, 0, 0] : splitProportionally(goodsCents, [split.sellerPayoutCents, split.platformFeeCents, split.solidarityFundCents]);
  const handlingCents = split.goodsCents === 0 ? 0 : Math.floor((split.distributionFeeCents * goodsCents) / split.goodsCents);
  return { goodsCents, sellerCents, platformCents, solidarityCents, handlingCents, buyerRefundCents: goodsCents + handlingCents };
}

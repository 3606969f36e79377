/**
 * Distributor fulfilment: every order routed through a distributor, consolidated by delivery day into shared orders
 * (retail and group orders together) — what each producer brings in, what to pack per pickup point and buyer — and
 * the status of each fulfilment, with short shipments recorded and refunded through the ledger.
 */
import { db } from "~/adapters/db.server";
import { RuleViolation } from "~/domain/errors";
import { nextStatus, shortShipmentRefund, type FulfillmentStatus } from "~/domain/fulfilment";
import { formatMoney } from "~/domain/money";
import type { Prisma } from "~/generated/prisma/client";
import { publicUrl } from "~/lib/public-url.server";
import { enqueue } from "./outbox.server";

const sharedOrderInclude = {
  buyer: { select: { name: true } },
  buyerOrganization: { select: { name: true } },
  pickupPoint: { select: { id: true, name: true, city: true } },
  fulfillments: {
    where: { status: { not: "CANCELLED" } },
    include: { seller: { select: { id: true, name: true } }, lines: { orderBy: { productTitle: "asc" } } },
    orderBy: { createdAt: "asc" },
  },
} as const;

/** Delivery days with confirmed or paid orders for this distributor, upcoming first then recent. */
export async function deliveryDays(distributorId: string) {
  const rows = await db.order.groupBy({
    by: ["deliveryDate"],
    where: { distributorOrganizationId: distributorId, status: { in: ["CONFIRMED", "PAID"] }, deliveryDate: { not: null } },
    _count: { _all: true },
    orderBy: { deliveryDate: "asc" },
  });
  return rows.map((row) => ({ date: row.deliveryDate!, orders: row._count._all }));
}

/** One delivery day's shared order: inbound per producer, outbound per pickup point and buyer. */
export async function sharedOrder(distributorId: string, day: Date) {
  const orders = await db.order.findMany({
    where: { distributorOrganizationId: distributorId, status: { in: ["CONFIRMED", "PAID"] }, deliveryDate: day },
    include: sharedOrderInclude,
    orderBy: [{ pickupPointId: "asc" }, { contactName: "asc" }],
  });
  type Inbound = { seller: { id: string; name: string }; items: Map<string, { sku: string; productTitle: string; unitLabel: string; units: number; shortUnits: number }>; fulfillments: number; received: number };
  const inbound = new Map<string, Inbound>();
  for (const order of orders) {
    for (const fulfillment of order.fulfillments) {
      const entry = inbound.get(fulfillment.seller.id) ?? { seller: fulfillment.seller, items: new Map(), fulfillments: 0, received: 0 };
      entry.fulfillments += 1;
      if (fulfillment.status !== "AWAITING_GOODS") entry.received += 1;
      for (const line of fulfillment.lines) {
        const item = entry.items.get(line.sku) ?? { sku: line.sku, productTitle: line.productTitle, unitLabel: line.unitLabel, units: 0, shortUnits: 0 };
        item.units += line.units;
        item.shortUnits += line.shortUnits;
        entry.items.set(line.sku, item);
      }
      inbound.set(fulfillment.seller.id, entry);
    }
  }
  const destinations = new Map<string, { label: string; orders: typeof orders }>();
  for (const order of orders) {
    const key = order.pickupPoint?.id ?? "delivery";
    const label = order.pickupPoint ? `${order.pickupPoint.name}, ${order.pickupPoint.city}` : "Home delivery";
    const entry = destinations.get(key) ?? { label, orders: [] };
    entry.orders.push(order);
    destinations.set(key, entry);
  }
  return {
    orders,
    inbound: [...inbound.values()].map((entry) => ({ ...entry, items: [...entry.items.values()] })).sort((a, b) => a.seller.name.localeCompare(b.seller.name)),
    outbound: [...destinations.values()],
    totals: {
      orders: orders.length,
      units: orders.reduce((sum, order) => sum + order.fulfillments.reduce((inner, fulfillment) => inner + fulfillment.lines.reduce((acc, line) => acc + line.units - line.shortUnits, 0), 0), 0),
      goodsCents: orders.reduce((sum, order) => sum + order.goodsCents, 0),
    },
  };
}

export const PACKING_CSV_COLUMNS = ["delivery_day", "pickup_point", "order", "buyer", "organisation", "producer", "sku", "product", "unit", "units", "short_units", "to_pack"] as const;

export function packingRows(shared: Awaited<ReturnType<typeof sharedOrder>>, day: Date): string[][] {
  return shared.orders.flatMap((order) =>
    order.fulfillments.flatMap((fulfillment) =>
      fulfillment.lines.map((line) => [
        day.toISOString().slice(0, 10),
        order.pickupPoint ? `${order.pickupPoint.name}, ${order.pickupPoint.city}` : "Home delivery",
        order.number,
        order.contactName,
        order.buyerOrganization?.name ?? "",
        fulfillment.seller.name,
        line.sku,
        line.productTitle,
        line.unitLabel,
        String(line.units),
        String(line.shortUnits),
        String(line.units - line.shortUnits),
      ]),
    ),
  );
}

/**
 * Moves a fulfilment one step on. On receipt, the distributor records units the producer did not supply: the buyer
 * is refunded for them in the ledger (each party gives back its share). When ready for pickup, the buyer is told.
 */
export async function advanceFulfillment(
  distributorId: string,
  fulfillmentId: string,
  expectedStatus: FulfillmentStatus,
  shortUnits: Record<string, number>,
  baseUrl: string,
) {
  return db.$transaction(async (tx) => {
    const fulfillment = await tx.fulfillment.findUnique({
      where: { id: fulfillmentId },
      include: { lines: true, seller: { select: { id: true, name: true } }, order: { include: { pickupPoint: true } } },
    });
    if (!fulfillment || fulfillment.order.distributorOrganizationId !== distributorId) throw new RuleViolation("That shared order is not handled by your organisation.");
    const order = fulfillment.order;
    if (order.status !== "CONFIRMED" && order.status !== "PAID") throw new RuleViolation("Only confirmed orders are fulfilled.");
    // The page says which state it advances from: a double click, or two people at once, moves it only one step.
    if (fulfillment.status !== expectedStatus) throw new RuleViolation("Someone else just updated this fulfilment. Reload the page.");
    const next = nextStatus(expectedStatus, order.handover);
    if (!next) throw new RuleViolation("This fulfilment is already finished.");
    const claimed = await tx.fulfillment.updateMany({ where: { id: fulfillment.id, status: expectedStatus }, data: { status: next } });
    if (claimed.count === 0) throw new RuleViolation("Someone else just updated this fulfilment. Reload the page.");
    let refundCents = 0;
    if (next === "RECEIVED") {
      const lines = fulfillment.lines.map((line) => ({ lineId: line.id, units: line.units, lineTotalCents: line.lineTotalCents, shortUnits: shortUnits[line.id] ?? 0 }));
      for (const line of lines) {
        if (!Number.isInteger(line.shortUnits) || line.shortUnits < 0 || line.shortUnits > line.units) {
          throw new RuleViolation(`Short units must be a whole number from 0 to ${line.units}.`);
        }
      }
      const refund = shortShipmentRefund(lines, fulfillment);
      for (const line of lines) if (line.shortUnits) await tx.orderLine.update({ where: { id: line.lineId }, data: { shortUnits: line.shortUnits } });
      if (refund.goodsCents > 0) {
        refundCents = refund.buyerRefundCents;
        const about = `short shipment from ${fulfillment.seller.name} in order ${order.number}`;
        const entries: Prisma.LedgerEntryCreateManyInput[] = [
          { orderId: order.id, fulfillmentId: fulfillment.id, account: "BUYER", organizationId: order.buyerOrganizationId, amountCents: refund.buyerRefundCents, description: `Refund for ${about}` },
          { orderId: order.id, fulfillmentId: fulfillment.id, account: "SELLER", organizationId: fulfillment.seller.id, amountCents: -refund.sellerCents, description: `Goods not supplied: ${about}` },
          { orderId: order.id, fulfillmentId: fulfillment.id, account: "PLATFORM", organizationId: null, amountCents: -refund.platformCents, description: `Platform fee returned: ${about}` },
          { orderId: order.id, fulfillmentId: fulfillment.id, account: "SOLIDARITY_FUND", organizationId: null, amountCents: -refund.solidarityCents, description: `Solidarity share returned: ${about}` },
          { orderId: order.id, fulfillmentId: fulfillment.id, account: "DISTRIBUTOR", organizationId: distributorId, amountCents: -refund.handlingCents, description: `Handling returned: ${about}` },
        ];
        await tx.ledgerEntry.createMany({ data: entries.filter((entry) => entry.amountCents !== 0) });
        await enqueue(tx, "email.send", {
          to: order.contactEmail,
          subject: `Part of order ${order.number} could not be supplied`,
          text: `${fulfillment.seller.name} could not supply everything in order ${order.number}. You will be refunded ${formatMoney(refund.buyerRefundCents, order.currency)} for what did not arrive.\n\n${publicUrl(baseUrl, `/orders/${order.id}`)}`,
        });
      }
    }
    if (next === "READY_FOR_PICKUP" && order.pickupPoint) {
      await enqueue(tx, "email.send", {
        to: order.contactEmail,
        subject: `Ready for pickup: order ${order.number}`,
        text: `Your goods from ${fulfillment.seller.name} (order ${order.number}) are ready at ${order.pickupPoint.name}, ${order.pickupPoint.address}, ${order.pickupPoint.city}. Open ${order.pickupPoint.openingHours}.\n\n${publicUrl(baseUrl, `/orders/${order.id}`)}`,
      });
    }
    return { status: next, refundCents, number: order.number, seller: fulfillment.seller.name };
  });
}

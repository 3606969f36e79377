/** Reading orders: the buyer's history, one order with who receives what, and each seller's view and ledger. */
import { db } from "~/adapters/db.server";
import { RuleViolation } from "~/domain/errors";
import { toCsv } from "~/domain/product-csv";
import type { Prisma } from "~/generated/prisma/client";

export const ORDERS_PAGE_SIZE = 20;

type Viewer = { id: string; isPlatformAdmin: boolean };

/** Orders a user may see as a buyer: their own, and those bought for organisations they belong to. */
function buyerWhere(userId: string): Prisma.OrderWhereInput {
  // A group-order share is personal even though it is bought through the co-op: the coordinator sees everyone's
  // in the group order's summary instead.
  return { OR: [{ buyerUserId: userId }, { channel: { not: "GROUP" }, buyerOrganization: { memberships: { some: { userId } } } }] };
}

export async function listOrders(userId: string, page: number) {
  const where = buyerWhere(userId);
  const [total, orders] = await Promise.all([
    db.order.count({ where }),
    db.order.findMany({
      where,
      orderBy: { placedAt: "desc" },
      skip: (page - 1) * ORDERS_PAGE_SIZE,
      take: ORDERS_PAGE_SIZE,
      select: {
        id: true,
        number: true,
        status: true,
        channel: true,
        placedAt: true,
        totalCents: true,
        currency: true,
        paymentMethod: true,
        buyer: { select: { name: true } },
        buyerOrganization: { select: { name: true } },
        fulfillments: { select: { seller: { select: { name: true } }, status: true } },
      },
    }),
  ]);
  return { total, orders };
}

const orderViewInclude = {
  buyer: { select: { id: true, name: true, email: true } },
  buyerOrganization: { select: { id: true, name: true, slug: true, country: true, region: true } },
  pickupPoint: true,
  distributor: { select: { id: true, name: true, slug: true } },
  payments: { orderBy: { createdAt: "asc" } },
  fulfillments: {
    orderBy: { createdAt: "asc" },
    include: { seller: { select: { id: true, name: true, slug: true, country: true, region: true } }, lines: true },
  },
  ledgerEntries: { orderBy: { createdAt: "asc" } },
} as const;

export type OrderView = Prisma.OrderGetPayload<{ include: typeof orderViewInclude }>;

/** One order for a buyer (or a member of the buying organisation, or a platform admin); null otherwise. */
export async function getOrderForBuyer(orderId: string, viewer: Viewer): Promise<OrderView | null> {
  return db.order.findFirst({
    where: viewer.isPlatformAdmin ? { id: orderId } : { id: orderId, ...buyerWhere(viewer.id) },
    include: orderViewInclude,
  });
}

/** The lines of an order the viewer may see, for "order again". */
export async function reorderLines(orderId: string, viewer: Viewer) {
  const order = await getOrderForBuyer(orderId, viewer);
  if (!order) throw new RuleViolation("We couldn't find that order.");
  return order.fulfillments.flatMap((fulfillment) => fulfillment.lines);
}

export const SELLER_PAGE_SIZE = 25;

/** A seller's share of orders: what to prepare, for whom, and what they receive. */
export async function listSellerFulfillments(organizationId: string, page: number) {
  const where: Prisma.FulfillmentWhereInput = { sellerOrganizationId: organizationId, order: { status: { in: ["CONFIRMED", "PAID"] } } };
  const [total, fulfillments, totals] = await Promise.all([
    db.fulfillment.count({ where }),
    db.fulfillment.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * SELLER_PAGE_SIZE,
      take: SELLER_PAGE_SIZE,
      include: {
        lines: true,
        order: {
          select: {
            id: true,
            number: true,
            status: true,
            placedAt: true,
            poNumber: true,
            paymentMethod: true,
            contactName: true,
            deliveryDate: true,
            buyerOrganization: { select: { name: true } },
            handover: true,
            pickupPoint: { select: { name: true, city: true } },
            distributor: { select: { name: true } },
          },
        },
      },
    }),
    db.ledgerEntry.aggregate({ where: { organizationId, account: { in: ["SELLER", "DISTRIBUTOR"] } }, _sum: { amountCents: true } }),
  ]);
  return { total, fulfillments, earnedCents: totals._sum.amountCents ?? 0 };
}

export const LEDGER_CSV_COLUMNS = ["date", "order", "account", "amount_cents", "amount", "currency", "description"] as const;

/** Every ledger entry of one organisation (as seller, distributor or buying organisation), oldest first. */
export async function ledgerCsv(organizationId: string): Promise<string> {
  const entries = await db.ledgerEntry.findMany({
    where: { organizationId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { order: { select: { number: true, currency: true } } },
  });
  const rows = entries.map((entry) => [
    entry.createdAt.toISOString(),
    entry.order.number,
    entry.account,
    String(entry.amountCents),
    (entry.amountCents / 100).toFixed(2),
    entry.order.currency,
    entry.description,
  ]);
  return toCsv(LEDGER_CSV_COLUMNS, rows);
}

/** Buying organisations a seller lets order on invoice, and candidates to add (verified buyers). */
export async function creditTermsOverview(sellerOrganizationId: string) {
  const [terms, candidates] = await Promise.all([
    db.creditTerms.findMany({
      where: { sellerOrganizationId },
      include: { buyer: { select: { id: true, name: true, slug: true } }, approvedBy: { select: { name: true } } },
      orderBy: { createdAt: "asc" },
    }),
    db.organization.findMany({
      where: { verifiedAt: { not: null }, id: { not: sellerOrganizationId }, creditTermsReceived: { none: { sellerOrganizationId } } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return { terms, candidates };
}

export async function grantCreditTerms(sellerOrganizationId: string, buyerOrganizationId: string, netDays: number, approvedById: string) {
  const buyer = await db.organization.findFirst({ where: { id: buyerOrganizationId, verifiedAt: { not: null } }, select: { name: true } });
  if (!buyer) throw new RuleViolation("Invoice terms are only for organisations the platform has verified.");
  if (buyerOrganizationId === sellerOrganizationId) throw new RuleViolation("An organisation cannot give itself invoice terms.");
  await db.creditTerms.upsert({
    where: { sellerOrganizationId_buyerOrganizationId: { sellerOrganizationId, buyerOrganizationId } },
    create: { sellerOrganizationId, buyerOrganizationId, netDays, approvedById },
    update: { netDays, approvedById },
  });
  return buyer.name;
}

export async function revokeCreditTerms(sellerOrganizationId: string, termsId: string) {
  const removed = await db.creditTerms.deleteMany({ where: { id: termsId, sellerOrganizationId } });
  if (removed.count === 0) throw new RuleViolation("Those invoice terms were already withdrawn.");
}

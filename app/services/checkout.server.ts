/**
 * Checkout: turns a cart into an order in ONE transaction — stock reserved by conditional decrements (no oversell),
 * the order split into one fulfilment per seller with each party's share, the payment row, the ledger (for offline
 * and invoice orders) and the emails in the outbox. Card payments then go to the payment gateway; a card order that
 * is never paid releases its stock when its reservation expires (releaseExpiredReservations).
 */
import { randomBytes } from "node:crypto";
import { db } from "~/adapters/db.server";
import type { PaymentGateway } from "~/adapters/payments/types";
import { priceCart, type PricedCart } from "~/domain/cart-pricing";
import { RuleViolation } from "~/domain/errors";
import { orderPaidEmail, orderPlacedEmail, sellerOrderEmail, type EmailOrder } from "~/domain/order-emails";
import { availablePaymentMethods, type CheckoutForm, PAYMENT_METHOD_LABELS } from "~/domain/order-forms";
import { nextDeliveryDate, parseWeekdays } from "~/domain/fulfilment";
import { ledgerLinesFor, orderTotals, splitSellerGoods } from "~/domain/order-split";
import { seesWholesalePrices } from "~/domain/wholesale";
import { Prisma } from "~/generated/prisma/client";
import { env } from "~/lib/env.server";
import { publicUrl } from "~/lib/public-url.server";
import { findCartId, loadCartLines } from "./cart.server";
import { enqueue } from "./outbox.server";

type Tx = Prisma.TransactionClient;

/** Card orders hold their stock this long; Stripe's page closes 10 minutes earlier so no payment lands after it. */
export const CARD_RESERVATION_MINUTES = 40;
export const CARD_PAGE_MINUTES = 30;
/**
 * SQLite runs one write transaction at a time, so at a rush checkouts queue for the lock: let them wait rather than
 * fail (Prisma's default is 2 s). Each one holds the lock for a few milliseconds.
 */
const CHECKOUT_TRANSACTION = { maxWait: 20_000, timeout: 20_000 } as const;

export type Buyer = {
  user: { id: string; email: string; name: string };
  /** The organisation the buyer is acting for, if any. */
  organization: { id: string; name: string; verifiedAt: Date | null } | null;
};

/** A field-specific refusal, shown beside that field of the checkout form. */
export class CheckoutFieldError extends RuleViolation {
  constructor(readonly field: keyof CheckoutForm, message: string) {
    super(message);
  }
}

const ORDER_NUMBER_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford: no I, L, O, U

export function newOrderNumber(): string {
  const bytes = randomBytes(8);
  const chars = [...bytes].map((byte) => ORDER_NUMBER_ALPHABET[byte % 32]).join("");
  return `SM-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

export function newCheckoutToken(): string {
  return randomBytes(16).toString("hex");
}

export function feeRates(distributorFeeBps: number) {
  return { platformFeeBps: env.PLATFORM_FEE_BPS, solidarityFundBps: env.SOLIDARITY_FUND_BPS, distributorFeeBps };
}

/** Sellers who let this organisation order on invoice, with their terms. */
async function creditTermsFor(buyerOrganizationId: string | null, sellerIds: string[], client: Tx | typeof db = db) {
  if (!buyerOrganizationId || sellerIds.length === 0) return [];
  return client.creditTerms.findMany({ where: { buyerOrganizationId, sellerOrganizationId: { in: sellerIds } } });
}

function invoiceEligible(cart: PricedCart, terms: { sellerOrganizationId: string }[]) {
  return cart.hasWholesale && cart.groups.length > 0 && cart.groups.every((group) => terms.some((term) => term.sellerOrganizationId === group.seller.id));
}

/** Everything the checkout page offers this buyer. */
export async function checkoutOptions(buyer: Buyer, { cardEnabled }: { cardEnabled: boolean }) {
  const canBuyWholesale = seesWholesalePrices(buyer.organization);
  const cartId = await findCartId({ userId: buyer.user.id, guestCartId: null });
  const cart = priceCart(await loadCartLines(cartId), { canBuyWholesale });
  const [pickupPoints, deliveryDistributors, terms] = await Promise.all([
    db.pickupPoint.findMany({
      where: { active: true },
      include: { organization: { select: { id: true, name: true, distributorFeeBps: true, distributorOrderFeeCents: true } } },
      orderBy: [{ city: "asc" }, { name: "asc" }],
    }),
    db.organization.findMany({
      where: { kind: "DISTRIBUTOR", deliveryFeeCents: { not: null } },
      select: { id: true, name: true, region: true, country: true, deliveryFeeCents: true, distributorFeeBps: true, distributorOrderFeeCents: true },
      orderBy: { name: "asc" },
    }),
    creditTermsFor(cart.hasWholesale ? (buyer.organization?.id ?? null) : null, cart.groups.map((group) => group.seller.id)),
  ]);
  const eligible = invoiceEligible(cart, terms);
  return {
    cart,
    pickupPoints,
    deliveryDistributors,
    cardEnabled,
    invoiceEligible: eligible,
    invoiceNetDays: eligible ? Math.min(...terms.map((term) => term.netDays)) : null,
    buysFor: cart.hasWholesale ? buyer.organization : null,
  };
}

async function resolveHandover(tx: Tx, form: CheckoutForm) {
  if (form.handover === "PICKUP") {
    const point = await tx.pickupPoint.findFirst({
      where: { id: form.pickupPointId, active: true },
      include: { organization: { select: { id: true, name: true, distributorFeeBps: true, distributorOrderFeeCents: true, deliveryWeekdays: true } } },
    });
    if (!point) throw new CheckoutFieldError("pickupPointId", "That pickup point is no longer available. Choose another.");
    return {
      pickupPointId: point.id,
      distributor: point.organization,
      deliveryFeeCents: 0,
    };
  }
  const distributor = await tx.organization.findFirst({
    where: { id: form.deliveryDistributorId, kind: "DISTRIBUTOR", deliveryFeeCents: { not: null } },
    select: { id: true, name: true, distributorFeeBps: true, distributorOrderFeeCents: true, deliveryFeeCents: true, deliveryWeekdays: true },
  });
  if (!distributor) throw new CheckoutFieldError("deliveryDistributorId", "That delivery service is no longer available. Choose another.");
  return {
    pickupPointId: null,
    distributor,
    deliveryFeeCents: distributor.deliveryFeeCents ?? 0,
  };
}

export const orderEmailInclude = {
  fulfillments: { include: { seller: { select: { id: true, name: true } }, lines: true }, orderBy: { createdAt: "asc" } },
  pickupPoint: true,
  distributor: { select: { id: true, name: true } },
} as const;

type OrderForEmail = Prisma.OrderGetPayload<{ include: typeof orderEmailInclude }>;

export function handoverText(order: OrderForEmail): string {
  if (order.handover === "PICKUP" && order.pickupPoint) {
    const point = order.pickupPoint;
    return `Collect it at ${point.name}, ${point.address}, ${point.postcode} ${point.city} (${point.openingHours}).`;
  }
  return `${order.distributor?.name ?? "The distributor"} delivers it to ${order.deliveryAddress}, ${order.deliveryPostcode} ${order.deliveryCity}.`;
}

function emailOrder(order: OrderForEmail, baseUrl: string): EmailOrder {
  return {
    number: order.number,
    url: publicUrl(baseUrl, `/orders/${order.id}`),
    contactName: order.contactName,
    paymentMethod: order.paymentMethod,
    totalCents: order.totalCents,
    currency: order.currency,
    dueAt: order.dueAt,
    poNumber: order.poNumber,
    handoverText: handoverText(order),
    payee: { name: env.PAYEE_NAME, iban: env.PAYEE_IBAN },
    fulfillments: order.fulfillments,
  };
}

/** Writes the balanced ledger once per order; a second call (e.g. a card order's duplicate webhook) does nothing. */
async function writeLedger(tx: Tx, orderId: string) {
  if ((await tx.ledgerEntry.count({ where: { orderId } })) > 0) return;
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, include: orderEmailInclude });
  const lines = ledgerLinesFor({
    number: order.number,
    buyerOrganizationId: order.buyerOrganizationId,
    distributor: order.distributor,
    deliveryFeeCents: order.deliveryFeeCents,
    // The flat per-order fee is what the order's handling holds beyond the sellers' percentages.
    orderFeeCents: order.distributionFeeCents - order.fulfillments.reduce((sum, fulfillment) => sum + fulfillment.distributionFeeCents, 0),
    totalCents: order.totalCents,
    fulfillments: order.fulfillments,
  });
  await tx.ledgerEntry.createMany({ data: lines.map((line) => ({ ...line, orderId })) });
}

async function sellerRecipients(tx: Tx, organizationIds: string[]) {
  return tx.membership.findMany({
    where: { organizationId: { in: organizationIds }, role: { in: ["OWNER", "ADMIN"] } },
    select: { organizationId: true, user: { select: { email: true } } },
  });
}

/**
 * The buyer's email and, once the order is firm (placed on offline terms, or paid by card), each seller's notice —
 * into the outbox inside the caller's transaction.
 */
async function enqueueOrderEmails(tx: Tx, orderId: string, baseUrl: string, kind: "placed" | "paid", { notifySellers }: { notifySellers: boolean }) {
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, include: orderEmailInclude });
  const view = emailOrder(order, baseUrl);
  const buyerEmail = kind === "placed" ? orderPlacedEmail(view) : orderPaidEmail(view);
  await enqueue(tx, "email.send", { to: order.contactEmail, ...buyerEmail });
  if (!notifySellers) return;
  const recipients = await sellerRecipients(tx, order.fulfillments.map((fulfillment) => fulfillment.seller.id));
  for (const fulfillment of order.fulfillments) {
    for (const recipient of recipients.filter((member) => member.organizationId === fulfillment.seller.id)) {
      await enqueue(tx, "email.send", { to: recipient.user.email, ...sellerOrderEmail(view, fulfillment, publicUrl(baseUrl, "/dashboard/orders")) });
    }
  }
}

export type PlacedOrder = { orderId: string; number: string; paymentMethod: CheckoutForm["paymentMethod"]; payUrl: string | null };

/**
 * Places the buyer's cart as an order. Throws RuleViolation (or CheckoutFieldError) with a message for the buyer
 * when the cart cannot be ordered as it is — nothing is written then. The same checkout token twice returns the
 * first order instead of placing a second one.
 */
export async function placeOrder(
  buyer: Buyer,
  form: CheckoutForm,
  { gateway, baseUrl, now = new Date() }: { gateway: PaymentGateway | null; baseUrl: string; now?: Date },
): Promise<PlacedOrder> {
  const previous = await db.order.findUnique({ where: { checkoutToken: form.checkoutToken }, include: { payments: true } });
  if (previous) {
    if (previous.buyerUserId !== buyer.user.id) throw new RuleViolation("This checkout form has expired. Reload the page.");
    return { orderId: previous.id, number: previous.number, paymentMethod: previous.paymentMethod, payUrl: previous.payments[0]?.checkoutUrl ?? null };
  }
  const canBuyWholesale = seesWholesalePrices(buyer.organization);
  let placed: { id: string; number: string; buyerUserId: string };
  try {
    placed = await db.$transaction(async (tx) => {
      // A double-clicked submit queues behind the first; by its turn the order exists (and the cart is empty).
      const raced = await tx.order.findUnique({ where: { checkoutToken: form.checkoutToken } });
      if (raced) return raced;
      const cartId = await findCartId({ userId: buyer.user.id, guestCartId: null }, tx);
      const cart = priceCart(await loadCartLines(cartId, tx), { canBuyWholesale });
      if (cart.lineCount === 0) throw new RuleViolation("Your cart is empty. Add something before checking out.");
      if (cart.problems.length > 0) throw new RuleViolation(cart.problems.join(" "));

      const handover = await resolveHandover(tx, form);
      const buyerOrganizationId = cart.hasWholesale ? (buyer.organization?.id ?? null) : null;
      const terms = await creditTermsFor(buyerOrganizationId, cart.groups.map((group) => group.seller.id), tx);
      const allowed = availablePaymentMethods({ cardEnabled: gateway !== null, handover: form.handover, invoiceEligible: invoiceEligible(cart, terms) });
      if (!allowed.includes(form.paymentMethod)) {
        throw new CheckoutFieldError(
          "paymentMethod",
          form.paymentMethod === "INVOICE"
            ? "Invoice terms need a wholesale order from sellers who have approved your organisation for invoices."
            : `${PAYMENT_METHOD_LABELS[form.paymentMethod]} is not available for this order.`,
        );
      }

      // Reserve stock first: the conditional decrement is what makes overselling impossible under concurrency.
      for (const group of cart.groups) {
        for (const line of group.lines) {
          const reserved = await tx.variant.updateMany({
            where: { id: line.variantId, stock: { gte: line.units } },
            data: { stock: { decrement: line.units } },
          });
          if (reserved.count === 0) {
            const left = (await tx.variant.findUnique({ where: { id: line.variantId }, select: { stock: true } }))?.stock ?? 0;
            const name = `${line.product.title} (${line.variant.unitLabel})`;
            throw new RuleViolation(
              left === 0
                ? `Sorry, ${name} sold out while you were checking out. Remove it from your cart to continue.`
                : `Sorry, only ${left} of ${name} left now. Change the quantity in your cart to continue.`,
            );
          }
        }
      }

      const rates = feeRates(handover.distributor.distributorFeeBps);
      const splits = cart.groups.map((group) => ({ group, split: splitSellerGoods(group.goodsCents, rates) }));
      const totals = orderTotals(splits.map(({ split }) => split), handover.deliveryFeeCents, handover.distributor.distributorOrderFeeCents);
      const card = form.paymentMethod === "CARD";
      const netDays = form.paymentMethod === "INVOICE" ? Math.min(...terms.map((term) => term.netDays)) : null;

      const order = await tx.order.create({
        data: {
          number: newOrderNumber(),
          checkoutToken: form.checkoutToken,
          buyerUserId: buyer.user.id,
          buyerOrganizationId,
          channel: cart.hasWholesale ? "WHOLESALE" : "RETAIL",
          status: card ? "AWAITING_PAYMENT" : "CONFIRMED",
          contactName: form.contactName,
          contactEmail: form.contactEmail,
          contactPhone: form.contactPhone ?? null,
          handover: form.handover,
          pickupPointId: handover.pickupPointId,
          distributorOrganizationId: handover.distributor.id,
          deliveryAddress: form.handover === "DELIVERY" ? form.deliveryAddress : null,
          deliveryPostcode: form.handover === "DELIVERY" ? form.deliveryPostcode : null,
          deliveryCity: form.handover === "DELIVERY" ? form.deliveryCity : null,
          deliveryCountry: form.handover === "DELIVERY" ? form.deliveryCountry : null,
          poNumber: buyerOrganizationId ? (form.poNumber ?? null) : null,
          paymentMethod: form.paymentMethod,
          netDays,
          dueAt: netDays ? new Date(now.getTime() + netDays * 86_400_000) : null,
          ...totals,
          reservedUntil: card ? new Date(now.getTime() + CARD_RESERVATION_MINUTES * 60_000) : null,
          deliveryDate: nextDeliveryDate(now, parseWeekdays(handover.distributor.deliveryWeekdays)),
          placedAt: now,
          payments: {
            create: {
              provider: card ? "STRIPE" : "OFFLINE",
              method: form.paymentMethod,
              amountCents: totals.totalCents,
            },
          },
        },
      });
      for (const { group, split } of splits) {
        await tx.fulfillment.create({
          data: {
            orderId: order.id,
            sellerOrganizationId: group.seller.id,
            ...split,
            lines: {
              create: group.lines.map((line) => ({
                orderId: order.id,
                variantId: line.variantId,
                productTitle: line.product.title,
                unitLabel: line.variant.unitLabel,
                sku: line.variant.sku,
                mode: line.mode,
                quantity: line.quantity,
                units: line.units,
                unitPriceCents: line.unitPriceCents,
                lineTotalCents: line.lineTotalCents,
              })),
            },
          },
        });
      }
      if (!card) {
        await writeLedger(tx, order.id);
        await enqueueOrderEmails(tx, order.id, baseUrl, "placed", { notifySellers: true });
      }
      if (cartId) await tx.cartLine.deleteMany({ where: { cartId } });
      return order;
    }, CHECKOUT_TRANSACTION);
  } catch (error) {
    // A double-clicked submit that raced the first one: show the order the first one placed.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const first = await db.order.findUnique({ where: { checkoutToken: form.checkoutToken }, include: { payments: true } });
      if (first) return { orderId: first.id, number: first.number, paymentMethod: first.paymentMethod, payUrl: first.payments[0]?.checkoutUrl ?? null };
    }
    throw error;
  }

  if (placed.buyerUserId !== buyer.user.id) throw new RuleViolation("This checkout form has expired. Reload the page.");
  if (form.paymentMethod !== "CARD") return { orderId: placed.id, number: placed.number, paymentMethod: form.paymentMethod, payUrl: null };
  const existingUrl = (await db.payment.findFirst({ where: { orderId: placed.id }, select: { checkoutUrl: true } }))?.checkoutUrl;
  return { orderId: placed.id, number: placed.number, paymentMethod: "CARD", payUrl: existingUrl ?? (await startCardPayment(placed.id, gateway!, baseUrl, now)) };
}

/**
 * Opens the hosted card page for an order awaiting payment. When the gateway fails at checkout, the order is
 * cancelled at once (stock back, goods back in the cart) and the buyer is told nothing was charged. A group-order
 * share is never cancelled that way: its cases are already ordered, so the member is asked to try again later.
 */
export async function startCardPayment(orderId: string, gateway: PaymentGateway, baseUrl: string, _now = new Date()): Promise<string> {
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { lines: true, payments: true } });
  const payment = order.payments[0]!;
  const group = order.channel === "GROUP";
  try {
    const session = await gateway.createCheckout({
      orderId: order.id,
      orderNumber: order.number,
      currency: order.currency,
      customerEmail: order.contactEmail,
      lines: [
        ...order.lines.map((line) => {
          const name = `${line.productTitle} (${line.mode === "CASE" ? `case of ${line.units / line.quantity} × ${line.unitLabel}` : line.unitLabel})`;
          // A group share's cost is a case price split over units, not always a whole number of cents per unit:
          // then the line goes to Stripe as one item at its exact total.
          return line.unitPriceCents * line.quantity === line.lineTotalCents
            ? { name, quantity: line.quantity, unitAmountCents: line.unitPriceCents }
            : { name: `${line.quantity} × ${name}`, quantity: 1, unitAmountCents: line.lineTotalCents };
        }),
        ...(order.distributionFeeCents > 0 ? [{ name: "Handling by the distributor", quantity: 1, unitAmountCents: order.distributionFeeCents }] : []),
        ...(order.deliveryFeeCents > 0 ? [{ name: "Delivery", quantity: 1, unitAmountCents: order.deliveryFeeCents }] : []),
      ],
      successUrl: publicUrl(baseUrl, `/orders/${order.id}?payment=done`),
      cancelUrl: publicUrl(baseUrl, `/orders/${order.id}?payment=cancelled`),
      // Counted from now, not from the start of checkout (which may have queued for the lock): Stripe refuses
      // pages that close in under 30 minutes. The extra minute absorbs clock skew; the hold lasts 10 minutes longer.
      expiresAt: new Date(Date.now() + CARD_PAGE_MINUTES * 60_000 + 60_000),
      // A new page after an expired one needs a new key; the same attempt retried keeps its key.
      idempotencyKey: payment.failureReason ? `checkout-${order.id}-${payment.updatedAt.getTime()}` : `checkout-${order.id}`,
    });
    await db.payment.update({ where: { id: payment.id }, data: { providerSessionId: session.sessionId, checkoutUrl: session.url } });
    return session.url;
  } catch (error) {
    console.error(`[checkout] Starting the card payment for ${order.number} failed:`, error);
    if (group) throw new RuleViolation("We couldn't open the card payment page. Nothing was charged; please try again in a moment.");
    await cancelUnpaidOrder(order.id, "The card payment could not be started.", { restoreCart: true });
    // Free the form's token, so "try again" with the same form places a new order instead of finding this one.
    await db.order.update({ where: { id: order.id }, data: { checkoutToken: `${order.checkoutToken}:failed` } });
    throw new RuleViolation("We couldn't start the card payment, so nothing was charged and your cart is as it was. Try again, or choose another way to pay.");
  }
}

/**
 * Cancels an order still awaiting payment: stock goes back, the payment is cancelled and, when the buyer cancels or
 * the payment could not start, the goods go back into their cart. Guarded by status, so it never cancels an order a
 * webhook has just marked paid. Returns whether it cancelled.
 */
export async function cancelUnpaidOrder(orderId: string, reason: string, { restoreCart = false, tx: given }: { restoreCart?: boolean; tx?: Tx } = {}) {
  const run = async (tx: Tx) => {
    const changed = await tx.order.updateMany({
      where: { id: orderId, status: "AWAITING_PAYMENT" },
      data: { status: "CANCELLED", cancelledAt: new Date(), cancelReason: reason, reservedUntil: null },
    });
    if (changed.count === 0) return false;
    const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, include: { lines: true } });
    for (const line of order.lines) {
      if (line.variantId) await tx.variant.update({ where: { id: line.variantId }, data: { stock: { increment: line.units } } });
    }
    await tx.payment.updateMany({ where: { orderId, status: "PENDING" }, data: { status: "CANCELLED", failureReason: reason } });
    await tx.fulfillment.updateMany({ where: { orderId }, data: { status: "CANCELLED" } });
    if (restoreCart) {
      const cart = await tx.cart.upsert({ where: { userId: order.buyerUserId }, create: { userId: order.buyerUserId }, update: {}, select: { id: true } });
      for (const line of order.lines) {
        if (!line.variantId) continue;
        await tx.cartLine.upsert({
          where: { cartId_variantId_mode: { cartId: cart.id, variantId: line.variantId, mode: line.mode } },
          create: { cartId: cart.id, variantId: line.variantId, mode: line.mode, quantity: line.quantity },
          update: { quantity: { increment: line.quantity } },
        });
      }
    }
    return true;
  };
  return given ? run(given) : db.$transaction(run);
}

/** Card orders whose reservation ran out without payment: cancelled, stock returned. Run by the scheduler. */
export async function releaseExpiredReservations(now = new Date()): Promise<number> {
  const expired = await db.order.findMany({
    where: { status: "AWAITING_PAYMENT", reservedUntil: { lt: now } },
    select: { id: true },
    take: 200,
  });
  let released = 0;
  for (const order of expired) {
    if (await cancelUnpaidOrder(order.id, "The payment was not completed in time.")) released += 1;
  }
  return released;
}

/**
 * Records that an order's money arrived (card webhook, or an admin recording an offline payment). Idempotent:
 * a second call changes nothing. A card order is confirmed now — ledger, emails, transfers to connected sellers.
 * Returns what happened, for the webhook's log.
 */
export async function markOrderPaid(
  tx: Tx,
  orderId: string,
  { amountCents, providerPaymentId, baseUrl, now = new Date() }: { amountCents: number; providerPaymentId: string | null; baseUrl: string; now?: Date },
): Promise<"paid" | "already-paid" | "amount-mismatch" | "cancelled"> {
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId } });
  if (order.status === "PAID") return "already-paid";
  if (order.status === "CANCELLED") return "cancelled";
  if (amountCents !== order.totalCents) return "amount-mismatch";
  await tx.order.update({ where: { id: orderId }, data: { status: "PAID", paidAt: now, reservedUntil: null } });
  await tx.payment.updateMany({
    where: { orderId, status: "PENDING" },
    data: { status: "SUCCEEDED", ...(providerPaymentId ? { providerPaymentId } : {}) },
  });
  await writeLedger(tx, orderId);
  if (order.paymentMethod === "CARD") {
    // A card order is firm only now: the buyer's confirmation (it says it is paid) and the sellers' notices.
    await enqueue(tx, "payment.transfers", { orderId });
    await enqueueOrderEmails(tx, orderId, baseUrl, "placed", { notifySellers: true });
  } else {
    // Offline orders told everyone when they were placed; now the buyer hears their money arrived.
    await enqueueOrderEmails(tx, orderId, baseUrl, "paid", { notifySellers: false });
  }
  return "paid";
}

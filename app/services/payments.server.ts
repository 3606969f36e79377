/**
 * Card payment events and payouts. Every webhook event is recorded by id in the same transaction as its effect, so
 * a redelivered event changes nothing twice; effects are guarded by order status, so events arriving out of order
 * (an expiry after a completion, a completion twice under different ids) cannot undo or repeat one another.
 */
import { db } from "~/adapters/db.server";
import { WebhookSignatureError, type PaymentEvent, type PaymentGateway } from "~/adapters/payments/types";
import { Prisma } from "~/generated/prisma/client";
import { cancelUnpaidOrder, markOrderPaid } from "./checkout.server";

export type WebhookOutcome = { status: 200 | 400; body: string };

async function orderForSession(tx: Prisma.TransactionClient, sessionId: string) {
  return tx.payment.findUnique({ where: { providerSessionId: sessionId }, select: { id: true, orderId: true } });
}

/**
 * A group-order share cannot be cancelled by a lapsed or failed card page — its cases are ordered — so the page is
 * forgotten and the member can open a new one from their order.
 */
async function reopenGroupShare(tx: Prisma.TransactionClient, payment: { id: string; orderId: string }, reason: string) {
  const order = await tx.order.findUniqueOrThrow({ where: { id: payment.orderId }, select: { channel: true, status: true } });
  if (order.channel !== "GROUP" || order.status !== "AWAITING_PAYMENT") return false;
  await tx.payment.update({ where: { id: payment.id }, data: { status: "PENDING", providerSessionId: null, checkoutUrl: null, failureReason: reason } });
  return true;
}

async function apply(tx: Prisma.TransactionClient, event: Exclude<PaymentEvent, { kind: "ignored" }>, baseUrl: string): Promise<string> {
  const payment = await orderForSession(tx, event.sessionId);
  if (!payment) return `no order for session ${event.sessionId}`;
  if ((event.kind === "checkout.failed" || event.kind === "checkout.expired") && (await reopenGroupShare(tx, payment, event.kind === "checkout.failed" ? event.reason : "The payment page expired."))) {
    return "group share can be paid again";
  }
  switch (event.kind) {
    case "checkout.completed":
    case "checkout.async-succeeded": {
      if (event.kind === "checkout.completed" && !event.paid) {
        // A delayed method (e.g. SEPA debit): the buyer has paid, the money is on its way. Keep the goods for them.
        await tx.order.updateMany({ where: { id: payment.orderId, status: "AWAITING_PAYMENT" }, data: { reservedUntil: null } });
        if (event.paymentIntentId) await tx.payment.update({ where: { id: payment.id }, data: { providerPaymentId: event.paymentIntentId } });
        return "completed, payment still processing";
      }
      const result = await markOrderPaid(tx, payment.orderId, { amountCents: event.amountCents, providerPaymentId: event.paymentIntentId, baseUrl });
      if (result === "amount-mismatch") {
        // Money was taken, so the order must not lapse on its own: hold it for someone to check.
        await tx.order.update({ where: { id: payment.orderId }, data: { reservedUntil: null } });
        await tx.payment.update({
          where: { id: payment.id },
          data: { failureReason: `Stripe reported ${event.amountCents} cents paid; the order total differs. Check by hand.`, providerPaymentId: event.paymentIntentId },
        });
      }
      if (result === "cancelled") {
        // Cannot happen while Stripe's page closes before the reservation ends; if it does, refund by hand.
        console.error(`[payments] Order ${payment.orderId} was paid after it was cancelled; refund payment ${event.paymentIntentId}.`);
        await tx.payment.update({
          where: { id: payment.id },
          data: { status: "SUCCEEDED", failureReason: "Paid after the order was cancelled: refund due.", providerPaymentId: event.paymentIntentId },
        });
      }
      return result;
    }
    case "checkout.failed":
      await tx.payment.update({ where: { id: payment.id }, data: { status: "FAILED", failureReason: event.reason } });
      return (await cancelUnpaidOrder(payment.orderId, `The payment failed: ${event.reason}`, { tx })) ? "cancelled" : "unchanged";
    case "checkout.expired":
      return (await cancelUnpaidOrder(payment.orderId, "The payment page expired before payment.", { tx })) ? "cancelled" : "unchanged";
  }
}

/** Handles one POST to /webhooks/stripe. Only a bad signature is refused (400); everything else is acknowledged. */
export async function handleStripeWebhook(
  gateway: PaymentGateway,
  rawBody: string,
  signature: string | null,
  baseUrl: string,
): Promise<WebhookOutcome> {
  let event: PaymentEvent;
  try {
    event = gateway.parseWebhook(rawBody, signature);
  } catch (error) {
    if (error instanceof WebhookSignatureError) return { status: 400, body: error.message };
    throw error;
  }
  if (event.kind === "ignored") return { status: 200, body: `ignored ${event.type}` };
  try {
    const detail = await db.$transaction(async (tx) => {
      await tx.webhookEvent.create({ data: { id: event.eventId, provider: "stripe", type: event.kind } });
      return apply(tx, event, baseUrl);
    });
    return { status: 200, body: `${event.kind}: ${detail}` };
  } catch (error) {
    // A unique violation means a duplicate only if this event id is indeed recorded already.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002" && (await db.webhookEvent.findUnique({ where: { id: event.eventId } }))) {
      return { status: 200, body: `duplicate ${event.eventId}` };
    }
    throw error;
  }
}

/**
 * Moves each seller's share of a card-paid order to their connected Stripe account. Idempotency keys per
 * fulfilment make a retried delivery (the outbox retries on error) create each transfer once. Sellers without a
 * connected account are paid out offline from the ledger.
 */
export async function transferSellerShares(gateway: PaymentGateway, orderId: string) {
  const order = await db.order.findUniqueOrThrow({
    where: { id: orderId },
    include: {
      payments: { where: { status: "SUCCEEDED", provider: "STRIPE" } },
      fulfillments: { include: { seller: { select: { stripeAccountId: true, name: true } } } },
    },
  });
  const paymentIntentId = order.payments[0]?.providerPaymentId;
  if (!paymentIntentId) return 0;
  const due = order.fulfillments.filter((fulfillment) => fulfillment.seller.stripeAccountId && !fulfillment.stripeTransferId && fulfillment.sellerPayoutCents > 0);
  if (due.length === 0) return 0;
  const chargeId = await gateway.chargeIdFor(paymentIntentId);
  for (const fulfillment of due) {
    const { transferId } = await gateway.transfer({
      amountCents: fulfillment.sellerPayoutCents,
      currency: order.currency,
      destination: fulfillment.seller.stripeAccountId!,
      transferGroup: order.id,
      sourceTransaction: chargeId ?? undefined,
      idempotencyKey: `transfer-${fulfillment.id}`,
      description: `${fulfillment.seller.name}'s share of order ${order.number}`,
    });
    await db.fulfillment.update({ where: { id: fulfillment.id }, data: { stripeTransferId: transferId } });
  }
  return due.length;
}

/** A platform admin records that an offline or invoice payment arrived. */
export async function recordOfflinePayment(orderId: string, baseUrl: string) {
  return db.$transaction(async (tx) => {
    const order = await tx.order.findUnique({ where: { id: orderId }, select: { status: true, totalCents: true, paymentMethod: true } });
    if (!order || order.paymentMethod === "CARD") return "not-offline" as const;
    return markOrderPaid(tx, orderId, { amountCents: order.totalCents, providerPaymentId: null, baseUrl });
  });
}

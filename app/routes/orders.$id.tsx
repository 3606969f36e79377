import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { FulfillmentStatusBadge, OrderStatusBadge } from "~/components/orders/status-badge";
import { Button } from "~/components/ui/button";
import { countryName } from "~/domain/countries";
import { RuleViolation } from "~/domain/errors";
import { formatMoney } from "~/domain/money";
import { PAYMENT_METHOD_LABELS } from "~/domain/order-forms";
import { seesWholesalePrices } from "~/domain/wholesale";
import { getPaymentGateway } from "~/adapters/payments/index.server";
import { requireSession } from "~/lib/auth.server";
import { env } from "~/lib/env.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { forbidden, notFound } from "~/lib/http.server";
import { getActiveMembership } from "~/lib/permissions.server";
import { reorder } from "~/services/cart.server";
import { cancelUnpaidOrder, startCardPayment } from "~/services/checkout.server";
import { getOrderForBuyer, reorderLines } from "~/services/orders.server";
import { recordOfflinePayment } from "~/services/payments.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Order ${data.order.number} — Solidarity Market` : "Order not found" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireSession(request);
  const order = await getOrderForBuyer(params.id ?? "", user);
  if (!order) throw notFound("We couldn't find that order in your account.");
  return json({ order, isPlatformAdmin: user.isPlatformAdmin, payee: { name: env.PAYEE_NAME, iban: env.PAYEE_IBAN } });
}

const orderActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("cancel") }),
  z.object({ intent: z.literal("reorder") }),
  z.object({ intent: z.literal("record-payment") }),
  z.object({ intent: z.literal("pay") }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const session = await requireSession(request);
  const { user } = session;
  const orderId = params.id ?? "";
  const order = await getOrderForBuyer(orderId, user);
  if (!order) throw notFound("We couldn't find that order in your account.");
  const submission = parseWithZod(await request.formData(), { schema: orderActionSchema });
  if (submission.status !== "success") return json({ message: "Unknown action." }, { status: 400 });
  const here = `/orders/${orderId}`;
  try {
    switch (submission.value.intent) {
      case "cancel": {
        if (order.buyer.id !== user.id) throw forbidden("Only the person who placed this order can cancel it.");
        if (order.channel === "GROUP") return redirectWithFlash(here, { kind: "error", text: "A share of a closed group order cannot be cancelled: its cases are already ordered." });
        const cancelled = await cancelUnpaidOrder(orderId, "Cancelled by the buyer before paying.", { restoreCart: true });
        return cancelled
          ? redirectWithFlash("/cart", { kind: "success", text: `Order ${order.number} is cancelled; its goods are back in your cart.` })
          : redirectWithFlash(here, { kind: "error", text: "This order can no longer be cancelled here: it is already paid or cancelled." });
      }
      case "reorder": {
        const membership = await getActiveMembership(session);
        const result = await reorder(user.id, await reorderLines(orderId, user), { canBuyWholesale: seesWholesalePrices(membership?.organization) });
        if (result.added.length === 0) return redirectWithFlash(here, { kind: "error", text: `Nothing could be added: ${result.skipped.join(" ")}` });
        return redirectWithFlash("/cart", {
          kind: result.skipped.length ? "info" : "success",
          text: `Added ${result.added.length} ${result.added.length === 1 ? "item" : "items"} from ${order.number} at today's prices.${result.skipped.length ? ` Not added: ${result.skipped.join(" ")}` : ""}`,
        });
      }
      case "pay": {
        // A group-order share chosen to be paid by card after the close: open (or reopen) its payment page.
        const gateway = getPaymentGateway();
        if (!gateway) return redirectWithFlash(here, { kind: "error", text: "Card payments are not available right now. Pay at pickup instead." });
        if (order.status !== "AWAITING_PAYMENT" || order.buyer.id !== user.id) return redirectWithFlash(here, { kind: "error", text: "This order is not waiting for your card payment." });
        const open = order.payments.find((payment) => payment.status === "PENDING" && payment.checkoutUrl);
        return redirect(open?.checkoutUrl ?? (await startCardPayment(orderId, gateway, new URL(request.url).origin)), { status: 303 });
      }
      case "record-payment": {
        if (!user.isPlatformAdmin) throw forbidden("Only platform administrators record offline payments.");
        const result = await recordOfflinePayment(orderId, new URL(request.url).origin);
        const text = {
          paid: `Payment recorded: ${order.number} is paid.`,
          "already-paid": `${order.number} was already paid.`,
          cancelled: `${order.number} is cancelled; nothing was recorded.`,
          "amount-mismatch": "The amount does not match the order total.",
          "not-offline": "Card payments are recorded by Stripe, not by hand.",
        }[result];
        return redirectWithFlash(here, { kind: result === "paid" ? "success" : "error", text });
      }
    }
  } catch (error) {
    if (!(error instanceof RuleViolation)) throw error;
    return redirectWithFlash(here, { kind: "error", text: error.message });
  }
}

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const dateOnly = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

const ACCOUNT_LABELS = {
  BUYER: "Paid by the buyer",
  SELLER: "Producer",
  DISTRIBUTOR: "Distributor",
  PLATFORM: "Platform fee",
  SOLIDARITY_FUND: "Solidarity fund",
} as const;

export default function OrderPage() {
  const { order, isPlatformAdmin, payee } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const payment = order.payments[0];
  const money = (cents: number) => formatMoney(cents, order.currency);
  const paymentReturn = searchParams.get("payment");

  return (
    <main className="mx-auto max-w-4xl px-4 py-10">
      <p className="text-sm"><Link to="/orders" className="underline">Your orders</Link></p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <h1 className="text-3xl font-bold">Order {order.number}</h1>
        <OrderStatusBadge status={order.status} />
      </div>
      <p className="mt-1 text-stone-700">
        Placed {dateTime.format(new Date(order.placedAt))} by {order.buyer.name}
        {order.buyerOrganization ? <> for <strong>{order.buyerOrganization.name}</strong></> : null}
        {order.poNumber ? <> · PO {order.poNumber}</> : null}
      </p>
      {order.groupOrderId ? (
        <p className="mt-1 text-stone-700">
          Your share of a <Link to={`/group-orders/${order.groupOrderId}`} className="underline">group order</Link>.
        </p>
      ) : null}

      {order.status === "AWAITING_PAYMENT" && order.channel === "GROUP" ? (
        <div role="status" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-4">
          <p className="font-semibold">
            {paymentReturn === "done" ? "Thank you — we are waiting for Stripe to confirm your payment." : `Your share of the group order: please pay ${money(order.totalCents)} by card.`}
          </p>
          {paymentReturn !== "done" ? (
            <Form method="post" className="mt-3">
              <input type="hidden" name="intent" value="pay" />
              <Button type="submit" disabled={busy}>Pay {money(order.totalCents)} now</Button>
            </Form>
          ) : null}
        </div>
      ) : null}
      {order.status === "AWAITING_PAYMENT" && order.channel !== "GROUP" ? (
        <div role="status" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-4">
          <p className="font-semibold">
            {paymentReturn === "done" ? "Thank you — we are waiting for Stripe to confirm your payment." : "This order is waiting for your card payment."}
          </p>
          <p className="text-sm text-stone-700">
            Your goods are held until {order.reservedUntil ? dateTime.format(new Date(order.reservedUntil)) : "the payment page closes"}; after that the order is cancelled and nothing is charged.
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            {payment?.checkoutUrl && paymentReturn !== "done" ? (
              <a href={payment.checkoutUrl} className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
                Pay {money(order.totalCents)} now
              </a>
            ) : null}
            <Form method="post" onSubmit={(event) => { if (!confirm(`Cancel order ${order.number}?`)) event.preventDefault(); }}>
              <input type="hidden" name="intent" value="cancel" />
              <Button type="submit" variant="danger" disabled={busy}>Cancel order</Button>
            </Form>
          </div>
        </div>
      ) : null}
      {order.status === "CANCELLED" ? (
        <p className="mt-4 rounded-md bg-stone-100 p-4 text-stone-700">Cancelled{order.cancelReason ? `: ${order.cancelReason}` : "."} Nothing is owed.</p>
      ) : null}
      {order.status === "CONFIRMED" && (order.paymentMethod === "BANK_TRANSFER" || order.paymentMethod === "INVOICE") ? (
        <div className="mt-4 rounded-md border border-sky-300 bg-sky-50 p-4 text-sm">
          <p className="font-semibold">
            Please pay {money(order.totalCents)}{order.dueAt ? ` by ${dateOnly.format(new Date(order.dueAt))}` : ""}
          </p>
          <p>To {payee.name}, IBAN {payee.iban}, reference <strong>{order.number}</strong>.</p>
        </div>
      ) : null}

      <div className="mt-6 grid gap-4 sm:grid-cols-2">
        <section aria-labelledby="handover-heading" className="rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="handover-heading" className="font-semibold">{order.handover === "PICKUP" ? "Pickup" : "Delivery"}</h2>
          {order.handover === "PICKUP" && order.pickupPoint ? (
            <p className="mt-1 text-sm text-stone-700">
              {order.pickupPoint.name}<br />
              {order.pickupPoint.address}, {order.pickupPoint.postcode} {order.pickupPoint.city}<br />
              Open {order.pickupPoint.openingHours}
            </p>
          ) : (
            <p className="mt-1 text-sm text-stone-700">
              {order.deliveryAddress}<br />
              {order.deliveryPostcode} {order.deliveryCity}, {countryName(order.deliveryCountry ?? "")}
            </p>
          )}
          {order.deliveryDate ? <p className="mt-2 text-sm font-medium">{order.handover === "PICKUP" ? "Ready from" : "Delivered on"} {dateOnly.format(new Date(order.deliveryDate))}</p> : null}
          {order.distributor ? <p className="mt-1 text-sm text-stone-600">Handled by {order.distributor.name}</p> : null}
        </section>
        <section aria-labelledby="payment-heading" className="rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="payment-heading" className="font-semibold">Payment</h2>
          <p className="mt-1 text-sm text-stone-700">
            {PAYMENT_METHOD_LABELS[order.paymentMethod]}
            {order.netDays ? `, net ${order.netDays} days` : ""} · {payment ? payment.status.toLowerCase() : "—"}
            {order.paidAt ? ` · paid ${dateTime.format(new Date(order.paidAt))}` : ""}
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            {order.status !== "CANCELLED" && order.status !== "AWAITING_PAYMENT" ? (
              <Link to={`/orders/${order.id}/invoice`} className="rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100">
                {order.paymentMethod === "INVOICE" ? "Invoice" : "Receipt"}
              </Link>
            ) : null}
            {isPlatformAdmin && order.status === "CONFIRMED" ? (
              <Form method="post">
                <input type="hidden" name="intent" value="record-payment" />
                <Button type="submit" variant="secondary" className="px-3 py-1.5 text-sm" disabled={busy}>Record payment received</Button>
              </Form>
            ) : null}
          </div>
        </section>
      </div>

      <h2 className="mt-8 text-xl font-semibold">What you ordered, and who receives what</h2>
      {order.fulfillments.map((fulfillment) => (
        <section key={fulfillment.id} aria-labelledby={`f-${fulfillment.id}`} className="mt-4 rounded-lg border border-stone-200 bg-white">
          <header className="flex flex-wrap items-center justify-between gap-2 border-b border-stone-200 px-4 py-3">
            <h3 id={`f-${fulfillment.id}`} className="font-semibold">
              <Link to={`/producers/${fulfillment.seller.slug}`} className="text-brand-700 underline">{fulfillment.seller.name}</Link>
            </h3>
            <FulfillmentStatusBadge status={fulfillment.status} />
          </header>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="text-stone-600">
                  <th scope="col" className="px-4 py-2">Product</th>
                  <th scope="col" className="px-4 py-2">Quantity</th>
                  <th scope="col" className="px-4 py-2 text-right">Price</th>
                  <th scope="col" className="px-4 py-2 text-right">Total</th>
                </tr>
              </thead>
              <tbody>
                {fulfillment.lines.map((line) => (
                  <tr key={line.id} className="border-t border-stone-100">
                    <td className="px-4 py-2">{line.productTitle}<span className="block text-stone-600">{line.unitLabel} · {line.sku}</span></td>
                    <td className="px-4 py-2">
                      {line.mode === "CASE" ? `${line.quantity} ${line.quantity === 1 ? "case" : "cases"} (${line.units} units)` : line.quantity}
                      {line.shortUnits ? <span className="block text-amber-800">{line.shortUnits} not supplied — refunded</span> : null}
                    </td>
                    <td className="px-4 py-2 text-right">{money(line.unitPriceCents)}{line.mode === "CASE" ? " / case" : ""}</td>
                    <td className="px-4 py-2 text-right">{money(line.lineTotalCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <dl className="grid gap-1 border-t border-stone-200 px-4 py-3 text-sm sm:grid-cols-2">
            <div className="flex justify-between sm:col-span-2"><dt className="font-medium">Goods</dt><dd className="font-medium">{money(fulfillment.goodsCents)}</dd></div>
            <div className="flex justify-between"><dt>{fulfillment.seller.name} receives</dt><dd>{money(fulfillment.sellerPayoutCents)}</dd></div>
            <div className="flex justify-between"><dt>Platform fee</dt><dd>{money(fulfillment.platformFeeCents)}</dd></div>
            <div className="flex justify-between"><dt>Solidarity fund</dt><dd>{money(fulfillment.solidarityFundCents)}</dd></div>
            <div className="flex justify-between"><dt>Handling ({order.distributor?.name ?? "distributor"}), paid on top</dt><dd>{money(fulfillment.distributionFeeCents)}</dd></div>
          </dl>
        </section>
      ))}

      <dl className="mt-6 ml-auto max-w-sm space-y-1 text-sm">
        <div className="flex justify-between"><dt>Goods</dt><dd>{money(order.goodsCents)}</dd></div>
        <div className="flex justify-between"><dt>Handling</dt><dd>{money(order.distributionFeeCents)}</dd></div>
        {order.deliveryFeeCents ? <div className="flex justify-between"><dt>{order.channel === "GROUP" ? "Your share of the group's shared costs" : "Delivery"}</dt><dd>{money(order.deliveryFeeCents)}</dd></div> : null}
        <div className="flex justify-between border-t border-stone-300 pt-2 text-base font-semibold"><dt>Total</dt><dd>{money(order.totalCents)}</dd></div>
      </dl>

      {order.ledgerEntries.length ? (
        <section aria-labelledby="ledger-heading" className="mt-8">
          <h2 id="ledger-heading" className="text-xl font-semibold">The ledger</h2>
          <p className="text-sm text-stone-600">Every cent of this order, and where it goes. The entries sum to zero.</p>
          <div className="mt-2 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead><tr className="text-stone-600"><th scope="col" className="py-2">Account</th><th scope="col" className="py-2">Entry</th><th scope="col" className="py-2 text-right">Amount</th></tr></thead>
              <tbody>
                {order.ledgerEntries.map((entry) => (
                  <tr key={entry.id} className="border-t border-stone-100">
                    <td className="py-2">{ACCOUNT_LABELS[entry.account]}</td>
                    <td className="py-2">{entry.description}</td>
                    <td className={`py-2 text-right tabular-nums ${entry.amountCents < 0 ? "text-stone-600" : ""}`}>{money(entry.amountCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      <Form method="post" className="mt-8">
        <input type="hidden" name="intent" value="reorder" />
        <Button type="submit" variant="secondary" disabled={busy}>Order these again</Button>
      </Form>
    </main>
  );
}

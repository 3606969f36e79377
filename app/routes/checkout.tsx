import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { Button, ErrorList, SelectField, TextField } from "~/components/ui/form";
import { getPaymentGateway } from "~/adapters/payments/index.server";
import { COUNTRY_OPTIONS } from "~/domain/countries";
import { RuleViolation } from "~/domain/errors";
import { formatMoney } from "~/domain/money";
import { availablePaymentMethods, checkoutSchema, PAYMENT_METHOD_LABELS, type PaymentMethod } from "~/domain/order-forms";
import { splitSellerGoods, orderTotals } from "~/domain/order-split";
import { requireSession } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { getActiveMembership } from "~/lib/permissions.server";
import { CheckoutFieldError, checkoutOptions, feeRates, newCheckoutToken, placeOrder } from "~/services/checkout.server";

export const meta: MetaFunction = () => [{ title: "Checkout — Solidarity Market" }];

async function requireBuyer(request: Request) {
  const session = await requireSession(request);
  const membership = await getActiveMembership(session);
  return { user: session.user, organization: membership?.organization ?? null };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const buyer = await requireBuyer(request);
  const options = await checkoutOptions(buyer, { cardEnabled: getPaymentGateway() !== null });
  if (options.cart.lineCount === 0) throw redirect("/cart");
  return json({
    ...options,
    rates: feeRates(0),
    checkoutToken: newCheckoutToken(),
    defaults: { contactName: buyer.user.name, contactEmail: buyer.user.email },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const buyer = await requireBuyer(request);
  const submission = parseWithZod(await request.formData(), { schema: checkoutSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  try {
    const placed = await placeOrder(buyer, submission.value, { gateway: getPaymentGateway(), baseUrl: new URL(request.url).origin });
    if (placed.payUrl) return redirect(placed.payUrl, { status: 303 });
    return redirectWithFlash(`/orders/${placed.orderId}`, { kind: "success", text: `Thank you! Order ${placed.number} is placed. A confirmation is on its way to your inbox.` }, { status: 303 });
  } catch (error) {
    if (error instanceof CheckoutFieldError) return json(submission.reply({ fieldErrors: { [error.field]: [error.message] } }), { status: 422 });
    if (error instanceof RuleViolation) return json(submission.reply({ formErrors: [error.message] }), { status: 422 });
    throw error;
  }
}

const radioClass = "flex cursor-pointer gap-3 rounded-md border border-stone-300 bg-white p-3 has-[:checked]:border-brand-600 has-[:checked]:ring-1 has-[:checked]:ring-brand-600";

export default function CheckoutPage() {
  const { cart, pickupPoints, deliveryDistributors, cardEnabled, invoiceEligible, invoiceNetDays, buysFor, rates, checkoutToken, defaults } =
    useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(checkoutSchema),
    defaultValue: { ...defaults, checkoutToken, handover: pickupPoints.length ? "PICKUP" : "DELIVERY" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: checkoutSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const handover = (fields.handover.value ?? "PICKUP") as "PICKUP" | "DELIVERY";
  const point = pickupPoints.find((candidate) => candidate.id === fields.pickupPointId.value);
  const deliverer = deliveryDistributors.find((candidate) => candidate.id === fields.deliveryDistributorId.value);
  const distributor = handover === "PICKUP" ? point?.organization : deliverer;
  // The same rule the server applies, so the summary shows exactly what will be charged.
  const totals = orderTotals(
    cart.groups.map((group) => splitSellerGoods(group.goodsCents, { ...rates, distributorFeeBps: distributor?.distributorFeeBps ?? 0 })),
    handover === "DELIVERY" ? (deliverer?.deliveryFeeCents ?? 0) : 0,
    distributor?.distributorOrderFeeCents ?? 0,
  );
  const methods = availablePaymentMethods({ cardEnabled, handover, invoiceEligible });
  const submitting = navigation.state === "submitting";

  return (
    <main className="mx-auto max-w-5xl px-4 py-10">
      <h1 className="text-3xl font-bold">Checkout</h1>
      <p className="mt-1 text-stone-700">
        <Link to="/cart" className="underline">Back to your cart</Link>
      </p>
      <div className="mt-6 grid gap-8 lg:grid-cols-[1fr_20rem]">
        <Form method="post" {...getFormProps(form)} className="space-y-8">
          <input {...getInputProps(fields.checkoutToken, { type: "hidden" })} />
          <ErrorList id={form.errorId} errors={form.errors} />

          <fieldset className="space-y-4">
            <legend className="text-lg font-semibold">Contact</legend>
            <TextField label="Name" meta={fields.contactName} autoComplete="name" />
            <TextField label="Email" meta={fields.contactEmail} type="email" autoComplete="email" help="Your confirmation goes here." />
            <TextField label="Phone" meta={fields.contactPhone} optional autoComplete="tel" help="Only used if there is a problem with your order." />
          </fieldset>

          <fieldset className="space-y-3">
            <legend className="text-lg font-semibold">How you get it</legend>
            <div className="grid gap-2 sm:grid-cols-2">
              <label className={radioClass}>
                <input type="radio" name={fields.handover.name} value="PICKUP" defaultChecked={fields.handover.initialValue === "PICKUP"} disabled={!pickupPoints.length} />
                <span>
                  <span className="font-medium">Collect at a pickup point</span>
                  <span className="block text-sm text-stone-600">Run by a distributor co-op near you.</span>
                </span>
              </label>
              <label className={radioClass}>
                <input type="radio" name={fields.handover.name} value="DELIVERY" defaultChecked={fields.handover.initialValue === "DELIVERY"} disabled={!deliveryDistributors.length} />
                <span>
                  <span className="font-medium">Delivery to an address</span>
                  <span className="block text-sm text-stone-600">For a flat delivery fee.</span>
                </span>
              </label>
            </div>
            <ErrorList id={fields.handover.errorId} errors={fields.handover.errors} />
            {handover === "PICKUP" ? (
              <SelectField
                label="Pickup point"
                meta={fields.pickupPointId}
                options={pickupPoints.map((candidate) => ({
                  value: candidate.id,
                  label: `${candidate.name}, ${candidate.city} — ${candidate.openingHours} (${candidate.organization.name}, handling ${handlingText(candidate.organization)})`,
                }))}
              />
            ) : (
              <div className="space-y-4">
                <SelectField
                  label="Delivered by"
                  meta={fields.deliveryDistributorId}
                  options={deliveryDistributors.map((candidate) => ({
                    value: candidate.id,
                    label: `${candidate.name} (${candidate.region}) — ${formatMoney(candidate.deliveryFeeCents ?? 0)} delivery, handling ${handlingText(candidate)}`,
                  }))}
                />
                <TextField label="Street and number" meta={fields.deliveryAddress} autoComplete="street-address" />
                <div className="grid gap-4 sm:grid-cols-2">
                  <TextField label="Postcode" meta={fields.deliveryPostcode} autoComplete="postal-code" />
                  <TextField label="Town or city" meta={fields.deliveryCity} autoComplete="address-level2" />
                </div>
                <SelectField label="Country" meta={fields.deliveryCountry} options={COUNTRY_OPTIONS} />
              </div>
            )}
          </fieldset>

          {buysFor ? (
            <fieldset className="space-y-3">
              <legend className="text-lg font-semibold">Buying for {buysFor.name}</legend>
              <TextField label="Purchase order (PO) number" meta={fields.poNumber} optional help="Printed on the order and the invoice." />
            </fieldset>
          ) : null}

          <fieldset className="space-y-2">
            <legend className="text-lg font-semibold">Payment</legend>
            {methods.map((method) => (
              <label key={method} className={radioClass}>
                <input type="radio" name={fields.paymentMethod.name} value={method} defaultChecked={fields.paymentMethod.initialValue === method} />
                <span>
                  <span className="font-medium">{PAYMENT_METHOD_LABELS[method]}{method === "INVOICE" ? `, net ${invoiceNetDays} days` : ""}</span>
                  <span className="block text-sm text-stone-600">{PAYMENT_HELP[method]}</span>
                </span>
              </label>
            ))}
            <ErrorList id={fields.paymentMethod.errorId} errors={fields.paymentMethod.errors} />
          </fieldset>

          <Button type="submit" pending={submitting} pendingText="Placing your order…" className="w-full sm:w-auto">
            Place order — {formatMoney(totals.totalCents)}
          </Button>
        </Form>

        <aside aria-labelledby="summary-heading" className="h-fit rounded-lg border border-stone-200 bg-white p-4 lg:sticky lg:top-4">
          <h2 id="summary-heading" className="font-semibold">Order summary</h2>
          <ul className="mt-3 space-y-3 text-sm">
            {cart.groups.map((group) => {
              const split = splitSellerGoods(group.goodsCents, { ...rates, distributorFeeBps: 0 });
              return (
                <li key={group.seller.id}>
                  <p className="flex justify-between font-medium">
                    <span>{group.seller.name}</span>
                    <span>{formatMoney(group.goodsCents)}</span>
                  </p>
                  <p className="text-stone-600">
                    {group.lines.length} {group.lines.length === 1 ? "item" : "items"} · the co-op receives {formatMoney(split.sellerPayoutCents)}
                  </p>
                </li>
              );
            })}
          </ul>
          <dl className="mt-4 space-y-1 border-t border-stone-200 pt-3 text-sm">
            <div className="flex justify-between"><dt>Goods</dt><dd>{formatMoney(totals.goodsCents)}</dd></div>
            <div className="flex justify-between"><dt>Handling{distributor ? ` (${distributor.name})` : ""}</dt><dd>{formatMoney(totals.distributionFeeCents)}</dd></div>
            {handover === "DELIVERY" ? <div className="flex justify-between"><dt>Delivery</dt><dd>{formatMoney(totals.deliveryFeeCents)}</dd></div> : null}
            <div className="flex justify-between border-t border-stone-200 pt-2 text-base font-semibold"><dt>Total</dt><dd>{formatMoney(totals.totalCents)}</dd></div>
          </dl>
          <p className="mt-3 text-xs text-stone-600">
            From each co-op's goods, {rates.platformFeeBps / 100}% keeps the platform running and {rates.solidarityFundBps / 100}% goes to the solidarity fund; the rest is theirs.
          </p>
        </aside>
      </div>
    </main>
  );
}

/** "5%", "€1.00 per order" or "5% + €1.00 per order". */
function handlingText(distributor: { distributorFeeBps: number; distributorOrderFeeCents: number }) {
  const parts = [
    distributor.distributorFeeBps ? `${distributor.distributorFeeBps / 100}%` : null,
    distributor.distributorOrderFeeCents ? `${formatMoney(distributor.distributorOrderFeeCents)} per order` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(" + ") : "none";
}

const PAYMENT_HELP: Record<PaymentMethod, string> = {
  CARD: "Pay now on Stripe's secure page; your goods are held for you meanwhile.",
  PAY_AT_PICKUP: "Pay by card or cash when you collect.",
  BANK_TRANSFER: "We email you the bank details; the order is confirmed now.",
  INVOICE: "Your organisation is invoiced; pay within the agreed terms.",
};

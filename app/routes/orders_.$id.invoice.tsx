import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { countryName } from "~/domain/countries";
import { formatMoney } from "~/domain/money";
import { PAYMENT_METHOD_LABELS } from "~/domain/order-forms";
import { requireUser } from "~/lib/auth.server";
import { env } from "~/lib/env.server";
import { notFound } from "~/lib/http.server";
import { getOrderForBuyer } from "~/services/orders.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Invoice ${data.order.number}` : "Invoice not found" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const order = await getOrderForBuyer(params.id ?? "", user);
  if (!order || order.status === "CANCELLED" || order.status === "AWAITING_PAYMENT") {
    throw notFound("There is no invoice for this order: it is not confirmed.");
  }
  return json({ order, payee: { name: env.PAYEE_NAME, iban: env.PAYEE_IBAN } });
}

const dateOnly = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

/** A plain page that prints on one A4 sheet per few dozen lines: the site's header and footer hide in print. */
export default function InvoicePage() {
  const { order, payee } = useLoaderData<typeof loader>();
  const money = (cents: number) => formatMoney(cents, order.currency);
  const isInvoice = order.paymentMethod === "INVOICE";
  return (
    <main className="mx-auto max-w-3xl bg-white px-6 py-10 print:max-w-none print:px-0 print:py-0">
      <div className="no-print mb-6 flex gap-3">
        <Link to={`/orders/${order.id}`} className="underline">Back to the order</Link>
        <button type="button" onClick={() => window.print()} className="rounded-md border border-stone-300 px-3 py-1 text-sm font-medium hover:bg-stone-100">
          Print
        </button>
      </div>
      <header className="flex flex-wrap justify-between gap-6">
        <div>
          <h1 className="text-2xl font-bold">{isInvoice ? "Invoice" : "Receipt"} {order.number}</h1>
          <p className="text-sm text-stone-700">Issued {dateOnly.format(new Date(order.placedAt))}</p>
          {order.dueAt ? <p className="text-sm font-semibold">Due {dateOnly.format(new Date(order.dueAt))} (net {order.netDays} days)</p> : null}
          {order.poNumber ? <p className="text-sm">Your PO: {order.poNumber}</p> : null}
        </div>
        <div className="text-sm">
          <p className="font-semibold">{payee.name}</p>
          <p>on behalf of the producers below</p>
        </div>
      </header>
      <section className="mt-6 text-sm">
        <h2 className="font-semibold">Billed to</h2>
        <p>
          {order.buyerOrganization ? <>{order.buyerOrganization.name}<br />{order.buyerOrganization.region}, {countryName(order.buyerOrganization.country)}<br />Attn. </> : null}
          {order.contactName}, {order.contactEmail}
        </p>
      </section>
      <table className="mt-6 w-full text-left text-sm">
        <thead>
          <tr className="border-b-2 border-stone-800">
            <th scope="col" className="py-1">Item</th>
            <th scope="col" className="py-1">Seller</th>
            <th scope="col" className="py-1 text-right">Qty</th>
            <th scope="col" className="py-1 text-right">Price</th>
            <th scope="col" className="py-1 text-right">Amount</th>
          </tr>
        </thead>
        <tbody>
          {order.fulfillments.flatMap((fulfillment) =>
            fulfillment.lines.map((line) => (
              <tr key={line.id} className="border-b border-stone-200 break-inside-avoid">
                <td className="py-1">{line.productTitle}, {line.unitLabel} <span className="text-stone-500">({line.sku})</span></td>
                <td className="py-1">{fulfillment.seller.name}</td>
                <td className="py-1 text-right">{line.quantity}{line.mode === "CASE" ? ` × case of ${line.units / line.quantity}` : ""}</td>
                <td className="py-1 text-right">{money(line.unitPriceCents)}</td>
                <td className="py-1 text-right">{money(line.lineTotalCents)}</td>
              </tr>
            )),
          )}
        </tbody>
        <tfoot>
          <tr><td colSpan={4} className="pt-2 text-right">Goods</td><td className="pt-2 text-right">{money(order.goodsCents)}</td></tr>
          <tr><td colSpan={4} className="text-right">Handling ({order.distributor?.name ?? "distributor"})</td><td className="text-right">{money(order.distributionFeeCents)}</td></tr>
          {order.deliveryFeeCents ? <tr><td colSpan={4} className="text-right">Delivery</td><td className="text-right">{money(order.deliveryFeeCents)}</td></tr> : null}
          <tr className="text-base font-bold"><td colSpan={4} className="pt-1 text-right">Total</td><td className="pt-1 text-right">{money(order.totalCents)}</td></tr>
        </tfoot>
      </table>
      <section className="mt-8 text-sm">
        <h2 className="font-semibold">Payment</h2>
        {order.status === "PAID" ? (
          <p>Paid {order.paidAt ? dateOnly.format(new Date(order.paidAt)) : ""} — {PAYMENT_METHOD_LABELS[order.paymentMethod]}. Thank you.</p>
        ) : (
          <p>
            {PAYMENT_METHOD_LABELS[order.paymentMethod]}: please pay {money(order.totalCents)} to {payee.name}, IBAN {payee.iban}, reference {order.number}
            {order.dueAt ? ` by ${dateOnly.format(new Date(order.dueAt))}` : ""}.
          </p>
        )}
        <p className="mt-2 text-stone-600">
          Of the goods, each producer receives their share less a platform fee and a solidarity-fund contribution, as shown on the order page.
        </p>
      </section>
    </main>
  );
}

import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { FulfillmentStatusBadge } from "~/components/orders/status-badge";
import { Button } from "~/components/ui/button";
import { RuleViolation } from "~/domain/errors";
import { actionLabel, type FulfillmentStatus } from "~/domain/fulfilment";
import { formatMoney } from "~/domain/money";
import { redirectWithFlash } from "~/lib/flash.server";
import { forbidden } from "~/lib/http.server";
import { requireOrganizationPermission } from "~/lib/permissions.server";
import { advanceFulfillment, deliveryDays, sharedOrder } from "~/services/fulfilment.server";

export const meta: MetaFunction = () => [{ title: "Fulfilment — Solidarity Market" }];

const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).transform((value) => new Date(`${value}T00:00:00.000Z`));

async function requireDistributor(request: Request) {
  const context = await requireOrganizationPermission(request, "orders:view");
  if (context.organization.kind !== "DISTRIBUTOR") throw forbidden("Fulfilment is for distributors: switch to your food hub or logistics co-op.");
  return context;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { organization } = await requireDistributor(request);
  const days = await deliveryDays(organization.id);
  const requested = daySchema.safeParse(new URL(request.url).searchParams.get("day"));
  const today = new Date(new Date().toISOString().slice(0, 10) + "T00:00:00.000Z");
  // Default: the next delivery day from today, else the latest one.
  const day = requested.success ? requested.data : (days.find((entry) => entry.date >= today) ?? days.at(-1))?.date ?? null;
  return json({
    organizationName: organization.name,
    days: days.map((entry) => ({ value: entry.date.toISOString().slice(0, 10), orders: entry.orders })),
    day: day ? day.toISOString().slice(0, 10) : null,
    shared: day ? await sharedOrder(organization.id, day) : null,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { organization } = await requireDistributor(request);
  const formData = await request.formData();
  const fulfillmentId = String(formData.get("fulfillmentId") ?? "");
  const from = z.enum(["AWAITING_GOODS", "RECEIVED", "PACKED", "READY_FOR_PICKUP", "OUT_FOR_DELIVERY", "DELIVERED", "CANCELLED"]).safeParse(formData.get("from"));
  const day = String(formData.get("day") ?? "");
  const back = `/dashboard/fulfilment${/^\d{4}-\d{2}-\d{2}$/.test(day) ? `?day=${day}` : ""}`;
  const shortUnits: Record<string, number> = {};
  for (const [key, value] of formData) {
    if (!key.startsWith("short.") || value === "") continue;
    const units = Number(value);
    if (!Number.isInteger(units) || units < 0) return redirectWithFlash(back, { kind: "error", text: "Short-shipped units must be whole numbers, 0 or more." });
    shortUnits[key.slice("short.".length)] = units;
  }
  if (!from.success) return redirectWithFlash(back, { kind: "error", text: "Reload the page and try again." });
  try {
    const result = await advanceFulfillment(organization.id, fulfillmentId, from.data, shortUnits, new URL(request.url).origin);
    const refund = result.refundCents ? ` Short shipment recorded: the buyer is refunded ${formatMoney(result.refundCents)}.` : "";
    return redirectWithFlash(back, { kind: "success", text: `${result.seller}'s goods for ${result.number}: ${result.status.toLowerCase().replace(/_/g, " ")}.${refund}` });
  } catch (error) {
    if (!(error instanceof RuleViolation)) throw error;
    return redirectWithFlash(back, { kind: "error", text: error.message });
  }
}

const longDay = new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeZone: "UTC" });

export default function FulfilmentPage() {
  const { organizationName, days, day, shared } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  return (
    <div className="space-y-8">
      <div className="no-print">
        <h1 className="text-2xl font-bold">Fulfilment</h1>
        <p className="mt-1 text-stone-700">Every order {organizationName} hands over, consolidated by delivery day: what each producer brings in, and what to pack for each pickup point and buyer.</p>
        {days.length ? (
          <Form method="get" className="mt-3 flex flex-wrap items-end gap-2">
            <label className="text-sm font-medium">
              Delivery day
              <select name="day" defaultValue={day ?? undefined} className="mt-1 block rounded-md border border-stone-300 bg-white px-3 py-2">
                {days.map((entry) => (
                  <option key={entry.value} value={entry.value}>
                    {longDay.format(new Date(`${entry.value}T00:00:00Z`))} ({entry.orders} {entry.orders === 1 ? "order" : "orders"})
                  </option>
                ))}
              </select>
            </label>
            <Button type="submit" variant="secondary">Show</Button>
            {day ? (
              <>
                <a href={`/dashboard/fulfilment.csv?day=${day}`} className="text-sm font-semibold text-brand-700 underline" download>Packing list (CSV)</a>
                <button type="button" onClick={() => window.print()} className="text-sm font-semibold text-brand-700 underline">Print pick and packing lists</button>
              </>
            ) : null}
          </Form>
        ) : (
          <p className="mt-4 rounded-md border border-dashed border-stone-300 p-6 text-center text-stone-700">No orders are routed through {organizationName} yet.</p>
        )}
      </div>

      {shared && day ? (
        <>
          <p className="font-semibold">
            Shared order for {longDay.format(new Date(`${day}T00:00:00Z`))}: {shared.totals.orders} orders, {shared.totals.units} units, goods {formatMoney(shared.totals.goodsCents)}
          </p>
          <section aria-labelledby="inbound-heading">
            <h2 id="inbound-heading" className="text-lg font-semibold">Pick list: what each producer brings in</h2>
            <div className="mt-2 grid gap-3 md:grid-cols-2 print:grid-cols-2">
              {shared.inbound.map((entry) => (
                <div key={entry.seller.id} className="break-inside-avoid rounded-lg border border-stone-200 bg-white p-3">
                  <h3 className="font-semibold">{entry.seller.name}</h3>
                  <p className="text-xs text-stone-600">{entry.received} of {entry.fulfillments} received</p>
                  <table className="mt-2 w-full text-left text-sm">
                    <thead><tr className="text-stone-600"><th scope="col">Product</th><th scope="col" className="text-right">Units</th><th scope="col" className="text-right">Short</th></tr></thead>
                    <tbody>
                      {entry.items.map((item) => (
                        <tr key={item.sku} className="border-t border-stone-100">
                          <td>{item.productTitle}, {item.unitLabel} <span className="text-stone-500">{item.sku}</span></td>
                          <td className="text-right">{item.units}</td>
                          <td className="text-right">{item.shortUnits || ""}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ))}
            </div>
          </section>

          <section aria-labelledby="outbound-heading">
            <h2 id="outbound-heading" className="text-lg font-semibold">Packing list: per pickup point and buyer</h2>
            {shared.outbound.map((destination) => (
              <div key={destination.label} className="mt-3">
                <h3 className="font-semibold">{destination.label}</h3>
                <ul className="mt-2 space-y-3">
                  {destination.orders.map((order) => (
                    <li key={order.id} className="break-inside-avoid rounded-lg border border-stone-200 bg-white p-3">
                      <p className="font-medium">
                        {order.contactName}{order.buyerOrganization ? ` (${order.buyerOrganization.name})` : ""} · {order.number}
                      </p>
                      {order.fulfillments.map((fulfillment) => {
                        const label = actionLabel(fulfillment.status as FulfillmentStatus, order.handover);
                        return (
                          <Form method="post" key={fulfillment.id} className="mt-2 border-t border-stone-100 pt-2" aria-label={`${fulfillment.seller.name} for ${order.number}`}>
                            <input type="hidden" name="fulfillmentId" value={fulfillment.id} />
                            <input type="hidden" name="from" value={fulfillment.status} />
                            <input type="hidden" name="day" value={day} />
                            <div className="flex flex-wrap items-center justify-between gap-2">
                              <p className="text-sm">From {fulfillment.seller.name} <FulfillmentStatusBadge status={fulfillment.status} /></p>
                              {label ? <Button type="submit" variant="secondary" className="no-print px-3 py-1" disabled={busy}>{label}<span className="sr-only">: {fulfillment.seller.name} for {order.number}</span></Button> : null}
                            </div>
                            <table className="mt-1 w-full text-left text-sm">
                              <tbody>
                                {fulfillment.lines.map((line) => (
                                  <tr key={line.id}>
                                    <td>{line.productTitle}, {line.unitLabel}</td>
                                    <td className="text-right">{line.units - line.shortUnits} to pack{line.shortUnits ? ` (${line.shortUnits} short)` : ""}</td>
                                    {fulfillment.status === "AWAITING_GOODS" ? (
                                      <td className="no-print w-40 text-right">
                                        <label className="text-xs">
                                          Short
                                          <span className="sr-only"> units of {line.productTitle} for {order.number}</span>
                                          <input name={`short.${line.id}`} type="number" min={0} max={line.units} placeholder="0" className="ml-1 w-16 rounded border border-stone-300 px-1" />
                                        </label>
                                      </td>
                                    ) : null}
                                  </tr>
                                ))}
                              </tbody>
                            </table>
                          </Form>
                        );
                      })}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </section>
          <p className="no-print text-sm text-stone-600">Short-shipped units are entered when the producer's goods are received; the buyer is refunded through the ledger and told by email. <Link to="/dashboard/orders" className="underline">Orders &amp; ledger</Link></p>
        </>
      ) : null}
    </div>
  );
}

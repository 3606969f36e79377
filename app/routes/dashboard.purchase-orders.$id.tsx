import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatMoney } from "~/domain/money";
import { notFound } from "~/lib/http.server";
import { requireOrganizationPermission } from "~/lib/permissions.server";
import { purchaseOrderFor } from "~/services/group-orders.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Purchase order: ${data.order.title}` : "Purchase order not found" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrganizationPermission(request, "orders:view");
  const order = await purchaseOrderFor(params.id ?? "", organization.id);
  if (!order) throw notFound("This group order does not include your goods.");
  return json({ organizationName: organization.name, order });
}

const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeZone: "UTC" });

/** One consolidated purchase order per group order: what this producer ships, in cases, and what it is paid. */
export default function PurchaseOrderPage() {
  const { organizationName, order } = useLoaderData<typeof loader>();
  const total = order.offers.reduce((sum, offer) => sum + (offer.casesOrdered ?? 0) * offer.casePriceCents, 0);
  return (
    <div>
      <p className="no-print text-sm"><Link to="/dashboard/purchase-orders" className="underline">Purchase orders</Link></p>
      <h1 className="mt-2 text-2xl font-bold">Purchase order: {order.title}</h1>
      <p className="mt-1 text-stone-700">
        From {order.coordinator.name}
        {order.participants.length > 1 ? `, pooled with ${order.participants.filter((participant) => participant.organizationId !== order.coordinatorOrganizationId).map((participant) => participant.organization.name).join(", ")}` : ""}, for {organizationName}.
      </p>
      <p className="text-stone-700">Deliver by {day.format(new Date(order.deliveryDate))} to {order.distributor.name}, {order.pickupPoint.name}, {order.pickupPoint.address}, {order.pickupPoint.postcode} {order.pickupPoint.city}.</p>
      {order.status !== "CLOSED" ? <p className="mt-4 rounded-md bg-amber-50 p-3 text-sm">Still collecting orders: the quantities are final when it closes.</p> : null}
      <table className="mt-6 w-full text-left text-sm">
        <thead><tr className="border-b-2 border-stone-800"><th scope="col" className="py-1">Product</th><th scope="col" className="py-1">SKU</th><th scope="col" className="py-1 text-right">Cases</th><th scope="col" className="py-1 text-right">Units</th><th scope="col" className="py-1 text-right">Case price</th><th scope="col" className="py-1 text-right">Amount</th></tr></thead>
        <tbody>
          {order.offers.map((offer) => (
            <tr key={offer.id} className="border-b border-stone-200">
              <td className="py-1">{offer.variant.product.title}, {offer.variant.unitLabel}</td>
              <td className="py-1">{offer.variant.sku}</td>
              <td className="py-1 text-right">{offer.casesOrdered ?? "—"}</td>
              <td className="py-1 text-right">{offer.unitsOrdered ?? "—"}</td>
              <td className="py-1 text-right">{formatMoney(offer.casePriceCents)}</td>
              <td className="py-1 text-right">{formatMoney((offer.casesOrdered ?? 0) * offer.casePriceCents)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot><tr className="font-bold"><td colSpan={5} className="pt-2 text-right">Total at case prices</td><td className="pt-2 text-right">{formatMoney(total)}</td></tr></tfoot>
      </table>
      <p className="mt-3 text-sm text-stone-600">Each member's order, with your payout after the platform fee and solidarity-fund share, is under Orders &amp; ledger.</p>
    </div>
  );
}

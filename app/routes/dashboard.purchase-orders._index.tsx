import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatMoney } from "~/domain/money";
import { requireOrganizationPermission } from "~/lib/permissions.server";
import { listPurchaseOrders } from "~/services/group-orders.server";

export const meta: MetaFunction = () => [{ title: "Purchase orders — Solidarity Market" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { organization } = await requireOrganizationPermission(request, "orders:view");
  const orders = await listPurchaseOrders(organization.id);
  return json({ organizationName: organization.name, orders });
}

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export default function PurchaseOrdersPage() {
  const { organizationName, orders } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1 className="text-2xl font-bold">Purchase orders</h1>
      <p className="mt-1 text-stone-700">Group orders from buying co-ops that include {organizationName}'s goods: one consolidated order each, in whole cases.</p>
      {orders.length === 0 ? (
        <p className="mt-6 rounded-md border border-dashed border-stone-300 p-6 text-center text-stone-700">No group orders include your goods yet.</p>
      ) : (
        <ul className="mt-6 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {orders.map((order) => {
            const cases = order.offers.reduce((sum, offer) => sum + (offer.casesOrdered ?? 0), 0);
            const value = order.offers.reduce((sum, offer) => sum + (offer.casesOrdered ?? 0) * offer.casePriceCents, 0);
            return (
              <li key={order.id} className="flex flex-wrap items-center justify-between gap-2 p-4">
                <div>
                  <Link to={`/dashboard/purchase-orders/${order.id}`} className="font-semibold text-brand-700 underline">{order.title}</Link>
                  <p className="text-sm text-stone-600">{order.coordinator.name} · {order.status === "OPEN" ? `open until ${when.format(new Date(order.closesAt))}` : `closed, delivery ${when.format(new Date(order.deliveryDate))}`}</p>
                </div>
                <p className="text-sm">{order.status === "CLOSED" ? <>{cases} {cases === 1 ? "case" : "cases"} · <strong>{formatMoney(value)}</strong></> : "Still collecting orders"}</p>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

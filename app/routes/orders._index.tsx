import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { OrderStatusBadge } from "~/components/orders/status-badge";
import { Pagination } from "~/components/pagination";
import { formatMoney } from "~/domain/money";
import { parsePage } from "~/domain/pagination";
import { requireUser } from "~/lib/auth.server";
import { listOrders, ORDERS_PAGE_SIZE } from "~/services/orders.server";

export const meta: MetaFunction = () => [{ title: "Your orders — Solidarity Market" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = parsePage(new URL(request.url));
  return json({ page, ...(await listOrders(user.id, page)) });
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export default function OrdersPage() {
  const { orders, total, page } = useLoaderData<typeof loader>();
  return (
    <main className="mx-auto max-w-4xl px-4 py-10">
      <h1 className="text-3xl font-bold">Your orders</h1>
      <p className="mt-1 text-stone-700">Your own orders and those placed for organisations you belong to.</p>
      {orders.length === 0 ? (
        <div className="mt-6 rounded-lg border border-dashed border-stone-300 p-8 text-center">
          <p className="text-stone-700">No orders yet.</p>
          <Link to="/products" className="mt-3 inline-block font-semibold text-brand-700 underline">Find something good</Link>
        </div>
      ) : (
        <ul className="mt-6 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {orders.map((order) => (
            <li key={order.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
              <div>
                <Link to={`/orders/${order.id}`} className="font-semibold text-brand-700 underline">
                  {order.number}
                </Link>{" "}
                <OrderStatusBadge status={order.status} />
                <p className="text-sm text-stone-600">
                  {dateFormat.format(new Date(order.placedAt))} · from {order.fulfillments.map((fulfillment) => fulfillment.seller.name).join(", ")}
                  {order.buyerOrganization ? ` · for ${order.buyerOrganization.name} by ${order.buyer.name}` : ""}
                </p>
              </div>
              <p className="font-semibold">{formatMoney(order.totalCents, order.currency)}</p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} total={total} pageSize={ORDERS_PAGE_SIZE} />
    </main>
  );
}

import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GROUP_PHASE_LABELS, groupOrderPhase } from "~/domain/group-order-forms";
import { hasPermission } from "~/domain/permissions";
import { requireSession } from "~/lib/auth.server";
import { getActiveMembership } from "~/lib/permissions.server";
import { listGroupOrders } from "~/services/group-orders.server";

export const meta: MetaFunction = () => [{ title: "Group orders — Solidarity Market" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireSession(request);
  const membership = await getActiveMembership(session);
  const now = new Date();
  const orders = await listGroupOrders(session.user.id);
  return json({
    orders: orders.map((order) => ({ ...order, phase: groupOrderPhase(order, now) })),
    canOpen: membership?.organization.kind === "BUYING_COOP" && hasPermission(membership.role, "group-orders:coordinate"),
    activeOrganization: membership?.organization.name ?? null,
  });
}

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default function GroupOrdersPage() {
  const { orders, canOpen, activeOrganization } = useLoaderData<typeof loader>();
  return (
    <main className="mx-auto max-w-4xl px-4 py-10">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold">Group orders</h1>
        {canOpen ? (
          <Link to="/group-orders/new" className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
            Open a group order
          </Link>
        ) : null}
      </div>
      <p className="mt-2 text-stone-700">
        Members of buying co-ops pool their orders to fill producers' cases at wholesale prices. Add what you need and how many
        extra units you'd take to complete a case; at closing time everyone gets exactly their fair share.
      </p>
      {orders.length === 0 ? (
        <div className="mt-6 rounded-lg border border-dashed border-stone-300 p-8 text-center text-stone-700">
          <p>No group orders for your co-ops yet.</p>
          {canOpen ? <p className="mt-1">As a coordinator of {activeOrganization}, you can open one.</p> : <p className="mt-1">Ask your buying co-op's coordinator to open one, or to invite your co-op.</p>}
        </div>
      ) : (
        <ul className="mt-6 space-y-3">
          {orders.map((order) => (
            <li key={order.id} className="rounded-lg border border-stone-200 bg-white p-4">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <Link to={`/group-orders/${order.id}`} className="text-lg font-semibold text-brand-700 underline">{order.title}</Link>
                <span className="rounded-full bg-stone-100 px-2 py-0.5 text-sm font-medium">{GROUP_PHASE_LABELS[order.phase as keyof typeof GROUP_PHASE_LABELS]}</span>
              </div>
              <p className="text-sm text-stone-600">
                By {order.coordinator.name} · {order.producers.map((producer) => producer.organization.name).join(", ")} · closes {when.format(new Date(order.closesAt))} UTC · pickup {order.pickupPoint.name}, {order.pickupPoint.city}
              </p>
              <p className="text-sm text-stone-600">
                {order._count.members} {order._count.members === 1 ? "member" : "members"} from {order.participants.map((participant) => participant.organization.name).join(", ")}
              </p>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

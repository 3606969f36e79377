import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsv } from "~/domain/product-csv";
import { requireUser } from "~/lib/auth.server";
import { forbidden, notFound } from "~/lib/http.server";
import { getGroupOrderView, GROUP_SUMMARY_CSV_COLUMNS, groupOrderSummaryRows } from "~/services/group-orders.server";

// /group-orders/:id/summary.csv — every member's allocation after close, for the coordinator's owners and admins.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const view = await getGroupOrderView(params.id ?? "", user.id);
  if (!view) throw notFound("We couldn't find that group order among your co-ops' orders.");
  if (!view.canCoordinate) throw forbidden(`Only owners and admins of ${view.order.coordinator.name} can download the summary.`);
  if (view.order.status !== "CLOSED") throw notFound("The summary exists once the group order has closed.");
  const csv = toCsv(GROUP_SUMMARY_CSV_COLUMNS, await groupOrderSummaryRows(view.order.id, user.id));
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="group-order-${view.order.id}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsv } from "~/domain/product-csv";
import { badRequest, forbidden } from "~/lib/http.server";
import { requireOrganizationPermission } from "~/lib/permissions.server";
import { PACKING_CSV_COLUMNS, packingRows, sharedOrder } from "~/services/fulfilment.server";

// /dashboard/fulfilment.csv?day=YYYY-MM-DD — the shared order's packing list, one line per buyer and product.
export async function loader({ request }: LoaderFunctionArgs) {
  const { organization } = await requireOrganizationPermission(request, "orders:view");
  if (organization.kind !== "DISTRIBUTOR") throw forbidden("Packing lists are for distributors.");
  const day = new URL(request.url).searchParams.get("day") ?? "";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw badRequest("Choose a delivery day (?day=YYYY-MM-DD).");
  const date = new Date(`${day}T00:00:00.000Z`);
  const csv = toCsv(PACKING_CSV_COLUMNS, packingRows(await sharedOrder(organization.id, date), date));
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${organization.slug}-packing-${day}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOrganizationPermission } from "~/lib/permissions.server";
import { ledgerCsv } from "~/services/orders.server";

// /dashboard/ledger.csv — every ledger entry of the active organisation: what it is owed as a seller or distributor,
// and what it paid as a buyer. Owners and admins only: it is the organisation's books.
export async function loader({ request }: LoaderFunctionArgs) {
  const { organization } = await requireOrganizationPermission(request, "orders:manage");
  const csv = await ledgerCsv(organization.id);
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${organization.slug}-ledger.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}

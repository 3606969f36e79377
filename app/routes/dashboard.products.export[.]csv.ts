import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOrganizationPermission } from "~/lib/permissions.server";
import { exportProductsCsv } from "~/services/product-import.server";

// /dashboard/products/export.csv — the active organisation's listed products, one row per variant, ready to edit in a
// spreadsheet and import again. Any member may download it.
export async function loader({ request }: LoaderFunctionArgs) {
  const { organization } = await requireOrganizationPermission(request, "organization:view-dashboard");
  const csv = await exportProductsCsv(organization.id);
  // The byte order mark makes spreadsheet programs read the file as UTF-8 (accents, non-Latin scripts).
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${organization.slug}-products.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}

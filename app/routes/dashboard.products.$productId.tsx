import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { requireOrganizationPermission } from "~/lib/permissions.server";
import { getProductSummary } from "~/services/products.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrganizationPermission(request, "catalog:manage");
  // The layout shows only the header; each tab loads what it edits.
  return json({ product: await getProductSummary(organization.id, params.productId ?? "") });
}

const tabClass = ({ isActive }: { isActive: boolean }) =>
  `whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${isActive ? "border-brand-600 text-brand-900" : "border-transparent text-stone-600 hover:text-stone-900"}`;

export default function ProductEditorLayout() {
  const { product } = useLoaderData<typeof loader>();
  const base = `/dashboard/products/${product.id}`;
  return (
    <div>
      <p className="text-sm">
        <Link to="/dashboard/products" className="text-brand-700 underline">
          Products
        </Link>
      </p>
      <div className="mt-1 flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{product.title}</h1>
        {product.status === "ACTIVE" ? (
          <Link to={`/products/${product.slug}`} className="text-sm text-brand-700 underline">
            View as a shopper
          </Link>
        ) : (
          <span className="rounded-full bg-stone-200 px-2 py-0.5 text-sm">Archived: not shown to shoppers</span>
        )}
      </div>
      <nav aria-label="Product editor" className="mt-4 flex gap-1 overflow-x-auto border-b border-stone-200">
        <NavLink to={base} end className={tabClass}>
          Details
        </NavLink>
        <NavLink to={`${base}/variants`} className={tabClass}>
          Variants &amp; prices
        </NavLink>
        <NavLink to={`${base}/provenance`} className={tabClass}>
          Journey
        </NavLink>
        <NavLink to={`${base}/images`} className={tabClass}>
          Photos
        </NavLink>
      </nav>
      <div className="mt-6">
        <Outlet />
      </div>
    </div>
  );
}

import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatMoney } from "~/domain/money";
import { sellsGoods } from "~/domain/organization-forms";
import { requireOrganizationPermission } from "~/lib/permissions.server";
import { listOrganizationProducts } from "~/services/products.server";

export const meta: MetaFunction = () => [{ title: "Products — Dashboard" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { organization } = await requireOrganizationPermission(request, "catalog:manage");
  const status = new URL(request.url).searchParams.get("status") === "archived" ? "ARCHIVED" : "ACTIVE";
  const sells = sellsGoods(organization.kind);
  return json({
    organizationName: organization.name,
    sells,
    status,
    products: sells ? await listOrganizationProducts(organization.id, status) : [],
  });
}

export default function DashboardProductsPage() {
  const { organizationName, sells, status, products } = useLoaderData<typeof loader>();
  if (!sells) {
    return (
      <div>
        <h1 className="text-2xl font-bold">Products</h1>
        <p className="mt-4 rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-700">
          {organizationName} is not a producer or supplier, so it does not list products. Switch to a producer
          organisation, or create one.
        </p>
      </div>
    );
  }
  const tab = (active: boolean) =>
    `rounded-md px-3 py-1.5 text-sm font-medium ${active ? "bg-brand-100 text-brand-900" : "text-stone-700 hover:bg-stone-100"}`;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Products of {organizationName}</h1>
        <div className="flex flex-wrap gap-2">
          <Link to="/dashboard/products/import" className="rounded-md border border-stone-300 bg-white px-3 py-2 text-sm font-semibold hover:bg-stone-100">
            Import CSV
          </Link>
          <a href="/dashboard/products/export.csv" className="rounded-md border border-stone-300 bg-white px-3 py-2 text-sm font-semibold hover:bg-stone-100">
            Export CSV
          </a>
          <Link to="/dashboard/products/new" className="rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-700">
            New product
          </Link>
        </div>
      </div>
      <nav aria-label="Product status" className="flex gap-2">
        <Link to="/dashboard/products" className={tab(status === "ACTIVE")} aria-current={status === "ACTIVE" ? "page" : undefined}>
          Listed
        </Link>
        <Link to="/dashboard/products?status=archived" className={tab(status === "ARCHIVED")} aria-current={status === "ARCHIVED" ? "page" : undefined}>
          Archived
        </Link>
      </nav>
      {products.length ? (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-stone-50 text-stone-600">
              <tr>
                <th scope="col" className="px-4 py-2">Product</th>
                <th scope="col" className="px-4 py-2">Category</th>
                <th scope="col" className="px-4 py-2">Variants</th>
                <th scope="col" className="px-4 py-2">From</th>
                <th scope="col" className="px-4 py-2">Stock</th>
                <th scope="col" className="px-4 py-2">Journey steps</th>
              </tr>
            </thead>
            <tbody>
              {products.map((product) => (
                <tr key={product.id} className="border-t border-stone-100">
                  <td className="px-4 py-2">
                    <Link to={`/dashboard/products/${product.id}`} className="font-medium text-brand-700 underline">
                      {product.title}
                    </Link>
                  </td>
                  <td className="px-4 py-2">{product.category.name}</td>
                  <td className="px-4 py-2">{product.variants.length}</td>
                  <td className="px-4 py-2">
                    {formatMoney(Math.min(...product.variants.map((variant) => variant.retailPriceCents)))}
                  </td>
                  <td className="px-4 py-2">{product.variants.reduce((sum, variant) => sum + variant.stock, 0)}</td>
                  <td className="px-4 py-2">{product._count.provenance}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-8 text-center text-stone-600">
          {status === "ACTIVE" ? "No products listed yet. Add your first product or import a CSV." : "No archived products."}
        </p>
      )}
    </div>
  );
}

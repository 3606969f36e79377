import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams, useSubmit } from "@remix-run/react";
import { ProductCard } from "~/components/cards";
import { Pagination } from "~/components/pagination";
import { parsePage } from "~/domain/pagination";
import { listProducts } from "~/services/catalog.server";

export const meta: MetaFunction = () => [{ title: "Products — Solidarity Market" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const page = parsePage(url);
  const categorySlug = url.searchParams.get("category") || undefined;
  const result = await listProducts({ page, categorySlug });
  return json({ ...result, page, categorySlug: categorySlug ?? "" });
}

export default function ProductsPage() {
  const { products, total, pageSize, page, categories, categorySlug } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const submit = useSubmit();
  return (
    <main className="mx-auto max-w-6xl px-4 py-10">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold">Products</h1>
          <p className="mt-1 text-stone-600">
            {total} {total === 1 ? "product" : "products"} from co-operatives
          </p>
        </div>
        <Form method="get" onChange={(event) => submit(event.currentTarget)} className="flex items-end gap-2">
          <label className="text-sm font-medium">
            Category
            <select
              name="category"
              defaultValue={searchParams.get("category") ?? ""}
              className="mt-1 block rounded-md border border-stone-300 bg-white px-3 py-2"
            >
              <option value="">All categories</option>
              {categories.map((category) => (
                <option key={category.slug} value={category.slug}>
                  {category.name}
                </option>
              ))}
            </select>
          </label>
          <noscript>
            <button type="submit" className="rounded-md border px-3 py-2">
              Filter
            </button>
          </noscript>
        </Form>
      </div>
      {products.length ? (
        <ul className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {products.map((product) => (
            <ProductCard key={product.slug} product={product} />
          ))}
        </ul>
      ) : (
        <p className="mt-8 rounded-lg border border-dashed border-stone-300 p-8 text-center text-stone-600">
          {categorySlug ? "No products in this category yet." : "No products are listed yet."}
        </p>
      )}
      <Pagination page={page} total={total} pageSize={pageSize} />
    </main>
  );
}

import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSubmit } from "@remix-run/react";
import { ProductCard } from "~/components/cards";
import { Pagination } from "~/components/pagination";
import { CATALOG_PAGE_SIZES, CATALOG_SORT_LABELS, CATALOG_SORTS } from "~/domain/catalog-options";
import { parseCatalogQuery } from "~/domain/catalog-query";
import { listProducts } from "~/services/catalog.server";

export const meta: MetaFunction = () => [{ title: "Products — Solidarity Market" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const query = parseCatalogQuery(new URL(request.url));
  const result = await listProducts(query);
  return json({ ...result, query });
}

const selectClass = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2";

export default function ProductsPage() {
  const { products, total, pageSize, categories, labels, query } = useLoaderData<typeof loader>();
  const submit = useSubmit();
  const filtered = Boolean(query.category || query.label);
  return (
    <main className="mx-auto max-w-6xl px-4 py-10">
      <h1 className="text-3xl font-bold">Products</h1>
      <p className="mt-1 text-stone-600" aria-live="polite">
        {total} {total === 1 ? "product" : "products"} from co-operatives
      </p>
      <Form
        method="get"
        onChange={(event) => submit(event.currentTarget, { preventScrollReset: true })}
        className="mt-6 grid gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5"
        aria-label="Filter and sort products"
      >
        <FilterSelect label="Category" name="category" value={query.category} anyLabel="All categories" options={categories} />
        <FilterSelect label="Label" name="label" value={query.label} anyLabel="Any label" options={labels} />
        <label className="text-sm font-medium">
          Sort by
          <select name="sort" defaultValue={query.sort} className={selectClass}>
            {CATALOG_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {CATALOG_SORT_LABELS[sort]}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          Per page
          <select name="perPage" defaultValue={query.perPage} className={selectClass}>
            {CATALOG_PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
        <div className="flex items-end gap-2">
          <noscript>
            <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white">
              Apply
            </button>
          </noscript>
          {filtered ? (
            <Link to="/products" className="py-2 text-sm text-brand-700 underline">
              Clear filters
            </Link>
          ) : null}
        </div>
      </Form>
      {products.length ? (
        <ul className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {products.map((product) => (
            <ProductCard key={product.slug} product={product} />
          ))}
        </ul>
      ) : (
        <p className="mt-8 rounded-lg border border-dashed border-stone-300 p-8 text-center text-stone-600">
          {filtered ? "No products match these filters." : "No products are listed yet."}
        </p>
      )}
      <Pagination page={query.page} total={total} pageSize={pageSize} />
    </main>
  );
}

/** A GET filter: one of `options` by slug, or any. */
function FilterSelect({
  label,
  name,
  value,
  anyLabel,
  options,
}: {
  label: string;
  name: string;
  value: string | undefined;
  anyLabel: string;
  options: { slug: string; name: string }[];
}) {
  return (
    <label className="text-sm font-medium">
      {label}
      <select name={name} defaultValue={value ?? ""} className={selectClass}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.slug} value={option.slug}>
            {option.name}
          </option>
        ))}
      </select>
    </label>
  );
}

import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { VerifiedBadge } from "~/components/cards";
import { countryName } from "~/domain/countries";
import { formatMoney } from "~/domain/money";
import { notFound } from "~/lib/http.server";
import { getProduct } from "~/services/catalog.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.product.title} — Solidarity Market` : "Product not found" },
  { name: "description", content: data?.product.summary ?? "" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const product = await getProduct(params.slug ?? "");
  if (!product) throw notFound("We couldn't find that product. It may have been archived.");
  return json({ product });
}

export default function ProductPage() {
  const { product } = useLoaderData<typeof loader>();
  const origin = [product.originPlace, product.originRegion, countryName(product.originCountry)].filter(Boolean).join(", ");
  return (
    <main className="mx-auto max-w-5xl px-4 py-10">
      <nav aria-label="Breadcrumb" className="text-sm text-stone-600">
        <Link to="/products" className="underline">
          Products
        </Link>{" "}
        / <Link to={`/products?category=${product.category.slug}`} className="underline">{product.category.name}</Link>
      </nav>
      <div className="mt-4 grid gap-8 md:grid-cols-2">
        <div aria-hidden="true" className="flex aspect-square items-center justify-center rounded-lg bg-earth-100 text-7xl font-bold text-earth-500">
          {product.title.slice(0, 1)}
        </div>
        <div>
          <h1 className="text-3xl font-bold">{product.title}</h1>
          <p className="mt-2 text-lg text-stone-700">{product.summary}</p>
          <p className="mt-4 text-sm text-stone-700">
            By{" "}
            <Link to={`/producers/${product.organization.slug}`} className="font-medium text-brand-700 underline">
              {product.organization.name}
            </Link>{" "}
            {product.organization.verifiedAt ? <VerifiedBadge /> : null}
          </p>
          <p className="mt-1 text-sm text-stone-700">Origin: {origin}</p>
          <h2 className="mt-6 text-lg font-semibold">Options</h2>
          <table className="mt-2 w-full text-left text-sm">
            <thead>
              <tr className="border-b border-stone-200 text-stone-600">
                <th scope="col" className="py-2">Unit</th>
                <th scope="col" className="py-2">Price</th>
                <th scope="col" className="py-2">Case</th>
                <th scope="col" className="py-2">Availability</th>
              </tr>
            </thead>
            <tbody>
              {product.variants.map((variant) => (
                <tr key={variant.sku} className="border-b border-stone-100">
                  <td className="py-2">{variant.unitLabel}</td>
                  <td className="py-2 font-semibold">{formatMoney(variant.retailPriceCents)}</td>
                  <td className="py-2">{variant.caseSize} units</td>
                  <td className="py-2">{variant.stock > 0 ? `${variant.stock} in stock` : <span className="text-red-700">Out of stock</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <section className="mt-10 max-w-3xl" aria-labelledby="about-product">
        <h2 id="about-product" className="text-xl font-semibold">
          About this product
        </h2>
        {product.description.split(/\n{2,}/).map((paragraph, index) => (
          <p key={index} className="mt-3 text-stone-800">
            {paragraph}
          </p>
        ))}
      </section>
    </main>
  );
}

import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { BrandMark } from "~/components/brands/brand-mark";
import { VerifiedBadge } from "~/components/cards";
import { Button } from "~/components/ui/button";
import { LabelBadge } from "~/components/label-badge";
import { PriceBreakdown } from "~/components/provenance/price-breakdown";
import { ProvenanceTimeline } from "~/components/provenance/timeline";
import { countryName } from "~/domain/countries";
import { formatMoney } from "~/domain/money";
import { checkBreakdown } from "~/domain/price-breakdown";
import { seesWholesalePrices } from "~/domain/wholesale";
import { getSession } from "~/lib/auth.server";
import { notFound } from "~/lib/http.server";
import { renderMarkdown } from "~/lib/markdown.server";
import { getActiveMembership } from "~/lib/permissions.server";
import { brandsOfProduct } from "~/services/brands.server";
import { getProduct } from "~/services/catalog.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.product.title} — Solidarity Market` : "Product not found" },
  { name: "description", content: data?.product.summary ?? "" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const product = await getProduct(params.slug ?? "");
  if (!product) throw notFound("We couldn't find that product. It may have been archived.");
  const brands = await brandsOfProduct(product.id);
  const session = await getSession(request);
  const membership = session ? await getActiveMembership(session) : null;
  const showWholesale = seesWholesalePrices(membership?.organization);
  const requestedSku = new URL(request.url).searchParams.get("variant");
  const selected = product.variants.find((variant) => variant.sku === requestedSku) ?? product.variants[0];
  const { description, variants, ...rest } = product;
  return json({
    product: {
      ...rest,
      descriptionHtml: renderMarkdown(description),
      // Case prices stay out of the page entirely for people who may not see them.
      variants: variants.map(({ wholesaleCasePriceCents, priceComponents: _components, ...variant }) => ({
        ...variant,
        wholesaleCasePriceCents: showWholesale ? wholesaleCasePriceCents : null,
      })),
    },
    selected: selected
      ? {
          sku: selected.sku,
          unitLabel: selected.unitLabel,
          retailPriceCents: selected.retailPriceCents,
          // Only a breakdown that adds up exactly is shown; anything else would mislead.
          shares: checkBreakdown(selected.priceComponents, selected.retailPriceCents).ok ? selected.priceComponents : null,
        }
      : null,
    showWholesale,
    signedIn: Boolean(session),
    brands,
  });
}

export default function ProductPage() {
  const { product, selected, showWholesale, signedIn, brands } = useLoaderData<typeof loader>();
  const origin = [product.originPlace, product.originRegion, countryName(product.originCountry)].filter(Boolean).join(", ");
  const [cover, ...gallery] = product.images;
  return (
    <main className="mx-auto max-w-5xl px-4 py-10">
      <nav aria-label="Breadcrumb" className="text-sm text-stone-600">
        <Link to="/products" className="underline">
          Products
        </Link>{" "}
        / <Link to={`/products?category=${product.category.slug}`} className="underline">{product.category.name}</Link>
      </nav>
      <div className="mt-4 grid gap-8 md:grid-cols-2">
        <div>
          {cover ? (
            <img src={`/uploads/${cover.path}`} alt={cover.alt} width={cover.width} height={cover.height} className="w-full rounded-lg object-cover" />
          ) : (
            <div aria-hidden="true" className="flex aspect-square items-center justify-center rounded-lg bg-earth-100 text-7xl font-bold text-earth-500">
              {product.title.slice(0, 1)}
            </div>
          )}
          {gallery.length ? (
            <ul className="mt-3 grid grid-cols-4 gap-2">
              {gallery.map((image) => (
                <li key={image.path}>
                  <a href={`/uploads/${image.path}`}>
                    <img src={`/uploads/${image.thumbPath}`} alt={image.alt} width={480} height={480} loading="lazy" className="aspect-square w-full rounded object-cover" />
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
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
          {brands.length ? (
            <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-stone-700">
              Co-branded with
              {brands.map((brand) => (
                <Link key={brand.slug} to={`/brands/${brand.slug}`} className="inline-flex items-center gap-1 font-medium underline">
                  <BrandMark brand={brand} /> {brand.name}
                </Link>
              ))}
            </p>
          ) : null}
          <p className="mt-1 text-sm text-stone-700">Origin: {origin}</p>
          {product.badges.length ? (
            <section aria-labelledby="labels-heading" className="mt-4">
              <h2 id="labels-heading" className="sr-only">
                Labels
              </h2>
              <ul className="flex flex-wrap gap-2">
                {product.badges.map((label) => (
                  <li key={label.slug}>
                    <LabelBadge label={label} />
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <h2 id="options-heading" className="mt-6 text-lg font-semibold">Options</h2>
          <div className="overflow-x-auto">
            <table aria-labelledby="options-heading" className="mt-2 w-full text-left text-sm">
              <thead>
                <tr className="border-b border-stone-200 text-stone-600">
                  <th scope="col" className="py-2">Unit</th>
                  <th scope="col" className="py-2">Price</th>
                  <th scope="col" className="py-2">{showWholesale ? "Wholesale case" : "Case"}</th>
                  <th scope="col" className="py-2">Availability</th>
                </tr>
              </thead>
              <tbody>
                {product.variants.map((variant) => (
                  <tr key={variant.sku} className="border-b border-stone-100 align-top">
                    <td className="py-2">
                      <Link to={`?variant=${variant.sku}`} preventScrollReset className={variant.sku === selected?.sku ? "font-semibold" : "underline"} aria-current={variant.sku === selected?.sku ? "true" : undefined}>
                        {variant.unitLabel}
                      </Link>
                    </td>
                    <td className="py-2">
                      <span className="font-semibold">{formatMoney(variant.retailPriceCents)}</span>
                      {variant.priceBreaks.map((tier) => (
                        <span key={tier.minQuantity} className="block text-xs text-stone-600">
                          {formatMoney(tier.unitPriceCents)} each from {tier.minQuantity}
                        </span>
                      ))}
                    </td>
                    <td className="py-2">
                      {variant.caseSize} units
                      {variant.wholesaleCasePriceCents !== null ? (
                        <span className="block font-semibold">{formatMoney(variant.wholesaleCasePriceCents)} per case</span>
                      ) : null}
                    </td>
                    <td className="py-2">
                      {variant.stock > 0 ? `${variant.stock} in stock` : <span className="text-red-700">Out of stock</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <AddToCart variants={product.variants} selectedSku={selected?.sku ?? null} showWholesale={showWholesale} />
          {showWholesale ? null : (
            <p className="mt-2 text-xs text-stone-600">
              Wholesale case prices are shown to verified buying co-ops and businesses
              {signedIn ? "." : <> — <Link to="/login" className="underline">log in</Link>.</>}
            </p>
          )}
        </div>
      </div>

      {selected?.shares ? (
        <section aria-labelledby="breakdown-heading" className="mt-10 max-w-3xl rounded-lg border border-stone-200 bg-white p-5">
          <h2 id="breakdown-heading" className="text-xl font-semibold">
            Where your money goes
          </h2>
          <PriceBreakdown shares={selected.shares} retailPriceCents={selected.retailPriceCents} unitLabel={selected.unitLabel} />
        </section>
      ) : null}

      {product.provenance.length ? (
        <section aria-labelledby="journey-heading" className="mt-10 max-w-3xl">
          <h2 id="journey-heading" className="mb-4 text-xl font-semibold">
            The journey
          </h2>
          <ProvenanceTimeline steps={product.provenance} />
        </section>
      ) : null}

      <section className="mt-10 max-w-3xl" aria-labelledby="about-product">
        <h2 id="about-product" className="text-xl font-semibold">
          About this product
        </h2>
        <div className="prose-product mt-3 space-y-3 text-stone-800" dangerouslySetInnerHTML={{ __html: product.descriptionHtml }} />
      </section>
    </main>
  );
}

type CartVariant = { id: string; sku: string; unitLabel: string; caseSize: number; stock: number; minOrderUnits: number; wholesaleCasePriceCents: number | null };

/** Posts to /cart, which redirects back here with a message; works without JavaScript. */
function AddToCart({ variants, selectedSku, showWholesale }: { variants: CartVariant[]; selectedSku: string | null; showWholesale: boolean }) {
  const location = useLocation();
  const navigation = useNavigation();
  const adding = navigation.state === "submitting" && navigation.formAction === "/cart";
  const available = variants.filter((variant) => variant.stock > 0);
  if (available.length === 0) return <p className="mt-4 font-medium text-red-700">Out of stock for now.</p>;
  const initial = available.find((variant) => variant.sku === selectedSku) ?? available[0];
  return (
    <Form method="post" action="/cart" className="mt-5 space-y-3 rounded-lg border border-stone-200 bg-white p-4" aria-label="Add to cart">
      <input type="hidden" name="intent" value="add" />
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm font-medium text-stone-800">
          Option
          <select name="variantId" defaultValue={initial.id} key={initial.id} className="mt-1 block rounded-md border border-stone-300 bg-white px-3 py-2">
            {available.map((variant) => (
              <option key={variant.id} value={variant.id}>
                {variant.unitLabel}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-stone-800">
          Quantity
          <input name="quantity" type="number" min={1} max={9999} defaultValue={Math.max(1, initial.minOrderUnits)} required className="mt-1 block w-24 rounded-md border border-stone-300 px-3 py-2" />
        </label>
        {showWholesale ? (
          <fieldset className="text-sm">
            <legend className="font-medium text-stone-800">Buy</legend>
            <label className="mr-3 inline-flex items-center gap-1">
              <input type="radio" name="mode" value="UNIT" defaultChecked /> units (retail)
            </label>
            <label className="inline-flex items-center gap-1">
              <input type="radio" name="mode" value="CASE" /> whole cases (wholesale)
            </label>
          </fieldset>
        ) : null}
        <Button type="submit" pending={adding} pendingText="Adding…">
          Add to cart
        </Button>
      </div>
    </Form>
  );
}

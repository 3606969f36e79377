import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { OrganizationCard, ProductCard } from "~/components/cards";
import { runningCampaigns } from "~/services/brands.server";
import { featuredProducts } from "~/services/catalog.server";
import { featuredProducers } from "~/services/organizations.server";

export async function loader() {
  const [products, producers, campaigns] = await Promise.all([featuredProducts(8), featuredProducers(6), runningCampaigns()]);
  return json({ products, producers, campaigns });
}

export default function HomePage() {
  const { products, producers, campaigns } = useLoaderData<typeof loader>();
  return (
    <main>
      {campaigns.map((campaign) => (
        // A collective brand's campaign, approved by its stewards, while it runs.
        <aside key={campaign.id} aria-label={`Campaign by ${campaign.brand.name}`} style={{ backgroundColor: campaign.brand.accentColor, color: campaign.brand.primaryColor }}>
          <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-3">
            <p>
              <strong>{campaign.brand.name}:</strong> {campaign.bannerText}
            </p>
            <Link to={`/brands/${campaign.brand.slug}/campaigns/${campaign.slug}`} className="font-semibold underline">
              {campaign.title}
            </Link>
          </div>
        </aside>
      ))}
      <section className="bg-brand-900 text-white">
        <div className="mx-auto max-w-6xl px-4 py-14 md:py-20">
          <h1 className="max-w-3xl text-3xl font-bold md:text-5xl">Fair goods, straight from the co-operatives that make them.</h1>
          <p className="mt-5 max-w-2xl text-lg text-brand-100">
            Producer co-ops list their coffee, cocoa, tea, oil and grain here at prices they set. Shoppers buy direct;
            buying co-ops pool their members' orders to fill whole cases; distributors bring it all home. Every product
            shows where it comes from, who vouches for it, and who gets paid what.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <Link to="/products" className="rounded-md bg-white px-5 py-3 font-semibold text-brand-900 hover:bg-brand-50">
              Browse products
            </Link>
            <Link to="/signup" className="rounded-md border border-brand-200 px-5 py-3 font-semibold text-white hover:bg-brand-700">
              Join as a co-op
            </Link>
          </div>
        </div>
      </section>

      <section className="mx-auto max-w-6xl px-4 py-12" aria-labelledby="featured-products">
        <div className="flex items-baseline justify-between">
          <h2 id="featured-products" className="text-2xl font-bold">
            Featured products
          </h2>
          <Link to="/products" className="text-sm font-medium text-brand-700 underline">
            All products
          </Link>
        </div>
        {products.length ? (
          <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {products.map((product) => (
              <ProductCard key={product.slug} product={product} />
            ))}
          </ul>
        ) : (
          <p className="mt-6 text-stone-600">No products are listed yet. Producers can add theirs from the dashboard.</p>
        )}
      </section>

      <section className="mx-auto max-w-6xl px-4 pb-12" aria-labelledby="featured-producers">
        <div className="flex items-baseline justify-between">
          <h2 id="featured-producers" className="text-2xl font-bold">
            Producers and co-ops
          </h2>
          <Link to="/producers" className="text-sm font-medium text-brand-700 underline">
            All organisations
          </Link>
        </div>
        {producers.length ? (
          <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {producers.map((organization) => (
              <OrganizationCard key={organization.slug} organization={organization} />
            ))}
          </ul>
        ) : (
          <p className="mt-6 text-stone-600">No verified producers yet.</p>
        )}
      </section>

      <section className="mx-auto grid max-w-6xl gap-6 px-4 pb-8 md:grid-cols-3" aria-label="How it works">
        {[
          ["Transparent prices", "Each product shows how its price splits between the producer, transport, distribution and the platform."],
          ["Buying together", "Buying co-ops pool members' orders into full cases, so small households get wholesale prices."],
          ["Democratic control", "Organisations govern their accounts together: owners, admins and members, one organisation, one vote."],
        ].map(([title, text]) => (
          <div key={title} className="rounded-lg border border-stone-200 bg-white p-5">
            <h3 className="font-semibold">{title}</h3>
            <p className="mt-2 text-sm text-stone-700">{text}</p>
          </div>
        ))}
      </section>
    </main>
  );
}

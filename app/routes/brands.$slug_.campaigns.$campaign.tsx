import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BrandMark } from "~/components/brands/brand-mark";
import { ProductCard } from "~/components/cards";
import { notFound } from "~/lib/http.server";
import { renderMarkdown } from "~/lib/markdown.server";
import { getCampaign } from "~/services/brands.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.campaign.title} — ${data.brand.name}` : "Campaign not found" },
  { name: "description", content: data?.campaign.bannerText ?? "" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await getCampaign(params.slug ?? "", params.campaign ?? "");
  if (!found) throw notFound("We couldn't find that campaign. It may not be approved yet.");
  const { brand, campaign, products } = found;
  return json({
    brand: { name: brand.name, slug: brand.slug, primaryColor: brand.primaryColor, accentColor: brand.accentColor, logoPath: brand.logoPath },
    campaign: { title: campaign.title, bannerText: campaign.bannerText, startsAt: campaign.startsAt, endsAt: campaign.endsAt },
    bodyHtml: renderMarkdown(campaign.body),
    products,
  });
}

const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

export default function CampaignPage() {
  const { brand, campaign, bodyHtml, products } = useLoaderData<typeof loader>();
  return (
    <main className="mx-auto max-w-5xl px-4 py-10">
      <p className="text-sm"><Link to={`/brands/${brand.slug}`} className="underline">{brand.name}</Link></p>
      <header className="mt-3 rounded-lg p-6" style={{ backgroundColor: brand.primaryColor, color: "#fff" }}>
        <div className="flex items-center gap-3">
          <BrandMark brand={brand} />
          <span className="text-sm opacity-90">{brand.name} · {day.format(new Date(campaign.startsAt))} – {day.format(new Date(campaign.endsAt))}</span>
        </div>
        <h1 className="mt-2 text-3xl font-bold">{campaign.title}</h1>
        <p className="mt-1 text-lg">{campaign.bannerText}</p>
      </header>
      <div className="prose-product mt-6 max-w-3xl space-y-3 text-stone-800" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
      <ul className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {products.map((product) => <ProductCard key={product.slug} product={product} />)}
      </ul>
    </main>
  );
}

import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ProductCard, VerifiedBadge } from "~/components/cards";
import { LabelBadge } from "~/components/label-badge";
import { countryName } from "~/domain/countries";
import {
  isWorkerOwned,
  LEGAL_FORM_LABELS,
  ORGANIZATION_KIND_LABELS,
  type LegalForm,
  type OrganizationKind,
} from "~/domain/organization-forms";
import { notFound } from "~/lib/http.server";
import { getPublicOrganization } from "~/services/organizations.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.organization.name} — Solidarity Market` : "Organisation not found" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const organization = await getPublicOrganization(params.slug ?? "");
  if (!organization) throw notFound("We couldn't find that organisation.");
  return json({ organization });
}

export default function ProducerPage() {
  const { organization } = useLoaderData<typeof loader>();
  const facts: [string, string][] = [
    ["Kind", ORGANIZATION_KIND_LABELS[organization.kind as OrganizationKind]],
    ["Legal form", LEGAL_FORM_LABELS[organization.legalForm as LegalForm]],
    ["Based in", `${organization.region}, ${countryName(organization.country)}`],
    ...(organization.memberCount ? [["Members", organization.memberCount.toLocaleString("en-GB")] as [string, string]] : []),
    ["Ownership", isWorkerOwned(organization.legalForm as LegalForm) ? "Worker-owned" : "Member-owned"],
  ];
  return (
    <main className="mx-auto max-w-6xl px-4 py-10">
      <p className="text-sm font-medium uppercase tracking-wide text-brand-700">
        {ORGANIZATION_KIND_LABELS[organization.kind as OrganizationKind]}
      </p>
      <h1 className="mt-1 text-3xl font-bold">{organization.name}</h1>
      <div className="mt-2">{organization.verifiedAt ? <VerifiedBadge /> : <span className="text-sm text-stone-600">Not yet verified by the platform</span>}</div>
      <div className="mt-6 grid gap-8 md:grid-cols-3">
        <div className="md:col-span-2">
          <h2 className="sr-only">Our story</h2>
          {organization.story.split(/\n{2,}/).map((paragraph, index) => (
            <p key={index} className="mb-3 text-stone-800">
              {paragraph}
            </p>
          ))}
          {organization.website ? (
            <p className="text-sm">
              <a href={organization.website} rel="noopener noreferrer" className="text-brand-700 underline">
                {organization.website}
              </a>
            </p>
          ) : null}
        </div>
        <div className="space-y-4">
          <dl className="rounded-lg border border-stone-200 bg-white p-4 text-sm">
            {facts.map(([term, value]) => (
              <div key={term} className="flex justify-between gap-4 border-b border-stone-100 py-2 last:border-0">
                <dt className="text-stone-600">{term}</dt>
                <dd className="text-right font-medium">{value}</dd>
              </div>
            ))}
          </dl>
          <section aria-labelledby="their-labels" className="rounded-lg border border-stone-200 bg-white p-4 text-sm">
            <h2 id="their-labels" className="font-semibold">
              Labels
            </h2>
            {organization.labels.length ? (
              <ul className="mt-3 flex flex-wrap gap-2">
                {organization.labels.map((label) => (
                  <li key={label.slug}>
                    <LabelBadge label={label} />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-2 text-stone-600">No verified labels yet.</p>
            )}
            <p className="mt-3">
              <Link to="/labels" className="text-brand-700 underline">
                What the labels mean
              </Link>
            </p>
          </section>
        </div>
      </div>
      <section className="mt-10" aria-labelledby="their-products">
        <h2 id="their-products" className="text-2xl font-bold">
          Products
        </h2>
        {organization.products.length ? (
          <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {organization.products.map((product) => (
              <ProductCard key={product.slug} product={product} />
            ))}
          </ul>
        ) : (
          <p className="mt-4 text-stone-600">{organization.name} has no products listed.</p>
        )}
      </section>
    </main>
  );
}

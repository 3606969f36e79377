import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { VerificationLevelTag } from "~/components/label-badge";
import { VERIFICATION_KIND_DESCRIPTIONS } from "~/domain/certifications";
import { countryName } from "~/domain/countries";
import { ORGANIZATION_KIND_LABELS, type OrganizationKind } from "~/domain/organization-forms";
import { notFound } from "~/lib/http.server";
import { renderMarkdown } from "~/lib/markdown.server";
import { getLabel } from "~/services/labels.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.label.name} — Labels — Solidarity Market` : "Label not found" },
  { name: "description", content: data?.label.summary ?? "" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const label = await getLabel(params.slug ?? "");
  if (!label) throw notFound("We couldn't find that label.");
  const { criteria, ...rest } = label;
  return json({ label: { ...rest, criteriaHtml: renderMarkdown(criteria) } });
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

function validity(validTo: string | null) {
  return validTo ? `valid until ${dateFormat.format(new Date(validTo))}` : "no expiry date";
}

// Styles for the sanitised criteria HTML (headings, lists, links), without a typography plugin.
const proseClass =
  "mt-3 text-stone-800 [&_a]:text-brand-700 [&_a]:underline [&_h2]:mt-4 [&_h2]:text-lg [&_h2]:font-semibold [&_h3]:mt-3 [&_h3]:font-semibold [&_li]:mt-1 [&_ol]:list-decimal [&_ol]:pl-6 [&_p]:mt-3 [&_ul]:list-disc [&_ul]:pl-6";

export default function LabelPage() {
  const { label } = useLoaderData<typeof loader>();
  const holderCount = label.organizations.length + label.products.length;
  return (
    <main className="mx-auto max-w-5xl px-4 py-10">
      <nav aria-label="Breadcrumb" className="text-sm text-stone-600">
        <Link to="/labels" className="underline">
          Labels &amp; certifications
        </Link>
      </nav>
      <h1 className="mt-4 text-3xl font-bold">{label.name}</h1>
      <p className="mt-2 text-lg text-stone-700">{label.summary}</p>
      <div className="mt-6 grid gap-8 md:grid-cols-3">
        <section className="md:col-span-2" aria-labelledby="criteria">
          <h2 id="criteria" className="text-xl font-semibold">
            What it requires
          </h2>
          <div className={proseClass} dangerouslySetInnerHTML={{ __html: label.criteriaHtml }} />
          <p className="mt-4 text-sm text-stone-600">
            A summary written for this marketplace. The issuer&rsquo;s own standard is the reference.
          </p>
        </section>
        <dl className="h-fit rounded-lg border border-stone-200 bg-white p-4 text-sm">
          <div className="border-b border-stone-100 pb-3">
            <dt className="text-stone-600">How it is checked</dt>
            <dd className="mt-1">
              <VerificationLevelTag kind={label.verificationKind} />
              <p className="mt-2 text-stone-800">{VERIFICATION_KIND_DESCRIPTIONS[label.verificationKind]}</p>
            </dd>
          </div>
          <div className="border-b border-stone-100 py-3 last:border-0">
            <dt className="text-stone-600">Issued by</dt>
            <dd className="mt-1 font-medium">{label.issuer}</dd>
          </div>
          {label.website ? (
            <div className="py-3">
              <dt className="text-stone-600">Website</dt>
              <dd className="mt-1 break-all">
                <a href={label.website} rel="noopener noreferrer" className="text-brand-700 underline">
                  {label.website}
                </a>
              </dd>
            </div>
          ) : null}
        </dl>
      </div>
      <section className="mt-10" aria-labelledby="holders">
        <h2 id="holders" className="text-2xl font-bold">
          Who holds it
        </h2>
        {holderCount === 0 ? (
          <p className="mt-4 rounded-lg border border-dashed border-stone-300 p-8 text-center text-stone-600">
            Nobody on the marketplace holds a verified, in-date {label.name} label right now.
          </p>
        ) : (
          <div className="mt-4 grid gap-8 md:grid-cols-2">
            {label.organizations.length ? (
              <div>
                <h3 className="text-lg font-semibold">Organisations</h3>
                <ul className="mt-2 divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
                  {label.organizations.map((organization) => (
                    <li key={organization.slug} className="p-3">
                      <Link to={`/producers/${organization.slug}`} className="font-medium text-brand-700 underline">
                        {organization.name}
                      </Link>
                      <p className="text-sm text-stone-600">
                        {ORGANIZATION_KIND_LABELS[organization.kind as OrganizationKind]} · {organization.region},{" "}
                        {countryName(organization.country)}
                      </p>
                      <p className="text-sm text-stone-600">
                        Checked by {organization.certifier}, {validity(organization.validTo)}
                      </p>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {label.products.length ? (
              <div>
                <h3 className="text-lg font-semibold">Products</h3>
                <ul className="mt-2 divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
                  {label.products.map((product) => (
                    <li key={product.slug} className="p-3">
                      <Link to={`/products/${product.slug}`} className="font-medium text-brand-700 underline">
                        {product.title}
                      </Link>
                      <p className="text-sm text-stone-600">
                        by{" "}
                        <Link to={`/producers/${product.organization.slug}`} className="underline">
                          {product.organization.name}
                        </Link>
                      </p>
                      <p className="text-sm text-stone-600">
                        Checked by {product.certifier}, {validity(product.validTo)}
                      </p>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </div>
        )}
      </section>
    </main>
  );
}

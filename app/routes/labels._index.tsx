import { json, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { VerificationLevelTag } from "~/components/label-badge";
import { VERIFICATION_KIND_DESCRIPTIONS, VERIFICATION_KIND_LABELS, VERIFICATION_KINDS } from "~/domain/certifications";
import { listLabels } from "~/services/labels.server";

export const meta: MetaFunction = () => [
  { title: "Labels & certifications — Solidarity Market" },
  { name: "description", content: "What each label on the marketplace promises, who checks it, and who holds it." },
];

export async function loader() {
  const labels = await listLabels();
  return json({ labels });
}

function holders(count: number) {
  if (count === 0) return "No holders yet";
  return `${count} ${count === 1 ? "holder" : "holders"}`;
}

export default function LabelsPage() {
  const { labels } = useLoaderData<typeof loader>();
  const groups = VERIFICATION_KINDS.map((kind) => ({ kind, labels: labels.filter((label) => label.verificationKind === kind) })).filter(
    (group) => group.labels.length > 0,
  );
  return (
    <main className="mx-auto max-w-6xl px-4 py-10">
      <h1 className="text-3xl font-bold">Labels &amp; certifications</h1>
      <p className="mt-1 max-w-3xl text-stone-600">
        What each label on the marketplace promises, who sets the standard and how it is checked. A label only shows on a
        product or producer once the platform has reviewed the evidence, and it disappears when the certificate expires.
      </p>
      {groups.length ? (
        groups.map((group) => (
          <section key={group.kind} className="mt-10" aria-labelledby={`kind-${group.kind}`}>
            <h2 id={`kind-${group.kind}`} className="text-2xl font-bold">
              {VERIFICATION_KIND_LABELS[group.kind]}
            </h2>
            <p className="mt-1 text-stone-600">{VERIFICATION_KIND_DESCRIPTIONS[group.kind]}</p>
            <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {group.labels.map((label) => (
                <li key={label.slug} className="flex flex-col rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
                  <h3 className="font-semibold text-stone-900">
                    <Link to={`/labels/${label.slug}`} className="hover:underline">
                      {label.name}
                    </Link>
                  </h3>
                  <div className="mt-2">
                    <VerificationLevelTag kind={label.verificationKind} />
                  </div>
                  <p className="mt-2 text-sm text-stone-700">{label.summary}</p>
                  <p className="mt-2 text-sm text-stone-600">Issued by {label.issuer}</p>
                  <p className="mt-auto pt-3 text-sm font-medium text-stone-800">{holders(label.holderCount)}</p>
                </li>
              ))}
            </ul>
          </section>
        ))
      ) : (
        <p className="mt-8 rounded-lg border border-dashed border-stone-300 p-8 text-center text-stone-600">
          No labels have been added yet.
        </p>
      )}
    </main>
  );
}

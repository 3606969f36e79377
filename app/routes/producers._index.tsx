import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { OrganizationCard } from "~/components/cards";
import { Pagination } from "~/components/pagination";
import { ORGANIZATION_KIND_LABELS, ORGANIZATION_KINDS } from "~/domain/organization-forms";
import { parsePage } from "~/domain/pagination";
import { listOrganizations } from "~/services/organizations.server";
import { z } from "zod";

export const meta: MetaFunction = () => [{ title: "Producers & co-ops — Solidarity Market" }];

const kindParam = z.enum(ORGANIZATION_KINDS).optional().catch(undefined);

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const page = parsePage(url);
  const kind = kindParam.parse(url.searchParams.get("kind") ?? undefined);
  const result = await listOrganizations({ kind, page });
  return json({ ...result, page, kind: kind ?? null });
}

export default function ProducersPage() {
  const { organizations, total, pageSize, page, kind } = useLoaderData<typeof loader>();
  const chip = (active: boolean) =>
    `rounded-full border px-3 py-1 text-sm ${active ? "border-brand-600 bg-brand-600 text-white" : "border-stone-300 bg-white hover:bg-stone-100"}`;
  return (
    <main className="mx-auto max-w-6xl px-4 py-10">
      <h1 className="text-3xl font-bold">Producers &amp; co-ops</h1>
      <p className="mt-1 text-stone-600">The organisations that grow, make, move and buy together here.</p>
      <nav aria-label="Filter by kind" className="mt-6 flex flex-wrap gap-2">
        <Link to="/producers" className={chip(!kind)} aria-current={!kind ? "page" : undefined}>
          All
        </Link>
        {ORGANIZATION_KINDS.map((value) => (
          <Link key={value} to={`/producers?kind=${value}`} className={chip(kind === value)} aria-current={kind === value ? "page" : undefined}>
            {ORGANIZATION_KIND_LABELS[value]}
          </Link>
        ))}
      </nav>
      {organizations.length ? (
        <ul className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {organizations.map((organization) => (
            <OrganizationCard key={organization.slug} organization={organization} />
          ))}
        </ul>
      ) : (
        <p className="mt-8 rounded-lg border border-dashed border-stone-300 p-8 text-center text-stone-600">
          No organisations of this kind yet.
        </p>
      )}
      <Pagination page={page} total={total} pageSize={pageSize} />
    </main>
  );
}

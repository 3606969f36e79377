import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BrandMark } from "~/components/brands/brand-mark";
import { hasPermission } from "~/domain/permissions";
import { getSession } from "~/lib/auth.server";
import { getActiveMembership } from "~/lib/permissions.server";
import { listBrands } from "~/services/brands.server";

export const meta: MetaFunction = () => [
  { title: "Collective brands — Solidarity Market" },
  { name: "description", content: "Shared marks that co-operatives govern together: one organisation, one vote." },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request);
  const membership = session ? await getActiveMembership(session) : null;
  return json({ brands: await listBrands(), canFound: hasPermission(membership?.role as never, "brands:govern"), signedIn: Boolean(session) });
}

export default function BrandsPage() {
  const { brands, canFound, signedIn } = useLoaderData<typeof loader>();
  return (
    <main className="mx-auto max-w-5xl px-4 py-10">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold">Collective brands</h1>
        {canFound ? <Link to="/brands/new" className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">Found a brand</Link> : null}
      </div>
      <p className="mt-2 max-w-3xl text-stone-700">
        Small co-ops market together under shared marks. Each brand sets its standards; its member organisations decide who joins, one
        organisation one vote; a product carries the mark only while it meets them.
        {!signedIn ? <> <Link to="/login?redirectTo=/brands" className="underline">Log in</Link> to found or join one.</> : null}
      </p>
      {brands.length === 0 ? (
        <p className="mt-6 rounded-lg border border-dashed border-stone-300 p-8 text-center text-stone-700">No brands yet.</p>
      ) : (
        <ul className="mt-6 grid gap-4 sm:grid-cols-2">
          {brands.map((brand) => (
            <li key={brand.id} className="rounded-lg border border-stone-200 bg-white p-4" style={{ borderTop: `4px solid ${brand.primaryColor}` }}>
              <div className="flex items-center gap-3">
                <BrandMark brand={brand} />
                <Link to={`/brands/${brand.slug}`} className="text-lg font-semibold underline">{brand.name}</Link>
              </div>
              <p className="mt-2 line-clamp-3 text-sm text-stone-700">{brand.story}</p>
              <p className="mt-2 text-sm text-stone-600">
                {brand._count.members} member {brand._count.members === 1 ? "organisation" : "organisations"}
                {brand.requiredLabels.length ? ` · requires ${brand.requiredLabels.map((required) => required.label.name).join(", ")}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

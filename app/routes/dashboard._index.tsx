import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ORGANIZATION_KIND_LABELS, sellsGoods, type OrganizationKind } from "~/domain/organization-forms";
import { requireSession } from "~/lib/auth.server";
import { getActiveMembership } from "~/lib/permissions.server";
import { getDashboardOverview } from "~/services/dashboard.server";

export const meta: MetaFunction = () => [{ title: "Dashboard — Solidarity Market" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireSession(request);
  const active = await getActiveMembership(session);
  return json(await getDashboardOverview(session.user, active?.organizationId ?? null));
}

export default function DashboardOverview() {
  const { user, organization, invitations } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Welcome, {user.name}</h1>
      {invitations.length ? (
        <section aria-labelledby="invitations" className="rounded-lg border border-brand-200 bg-brand-50 p-4">
          <h2 id="invitations" className="font-semibold">
            Invitations waiting for you
          </h2>
          <ul className="mt-2 space-y-1">
            {invitations.map((invitation) => (
              <li key={invitation.token}>
                <Link to={`/invitations/${invitation.token}`} className="text-brand-700 underline">
                  Join {invitation.organization.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {organization ? (
        <section aria-labelledby="organization" className="rounded-lg border border-stone-200 bg-white p-6">
          <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">
            {ORGANIZATION_KIND_LABELS[organization.kind as OrganizationKind]}
          </p>
          <h2 id="organization" className="mt-1 text-xl font-semibold">
            {organization.name}
          </h2>
          <dl className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-3">
            <div>
              <dt className="text-sm text-stone-600">Members on the platform</dt>
              <dd className="text-2xl font-bold">{organization._count.memberships}</dd>
            </div>
            <div>
              <dt className="text-sm text-stone-600">Products listed</dt>
              <dd className="text-2xl font-bold">{organization._count.products}</dd>
            </div>
            <div>
              <dt className="text-sm text-stone-600">Verification</dt>
              <dd className="font-semibold">{organization.verifiedAt ? "Verified" : "Awaiting verification"}</dd>
            </div>
          </dl>
          {organization._count.certifications ? (
            <p className="mt-4 text-sm text-stone-700">
              {organization._count.certifications} certification{" "}
              {organization._count.certifications === 1 ? "claim is" : "claims are"} awaiting review.
            </p>
          ) : null}
          <ul className="mt-4 flex flex-wrap gap-x-6 gap-y-2 text-sm">
            <li>
              <Link to={`/producers/${organization.slug}`} className="text-brand-700 underline">
                See your public page
              </Link>
            </li>
            {sellsGoods(organization.kind) ? (
              <>
                <li>
                  <Link to="/dashboard/products" className="text-brand-700 underline">
                    Manage products
                  </Link>
                </li>
                <li>
                  <Link to="/dashboard/products/new" className="text-brand-700 underline">
                    Add a product
                  </Link>
                </li>
              </>
            ) : null}
            <li>
              <Link to="/dashboard/certifications" className="text-brand-700 underline">
                Certifications
              </Link>
            </li>
          </ul>
        </section>
      ) : (
        <section className="rounded-lg border border-dashed border-stone-300 bg-white p-8 text-center">
          <h2 className="text-lg font-semibold">You're not part of an organisation yet</h2>
          <p className="mx-auto mt-2 max-w-md text-stone-700">
            Create one for your producer co-op, buying group or food hub, or ask an existing member to add you by email.
          </p>
          <Link
            to="/dashboard/organizations/new"
            className="mt-4 inline-block rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
          >
            Create an organisation
          </Link>
        </section>
      )}
    </div>
  );
}

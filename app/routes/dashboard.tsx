import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, NavLink, Outlet, useLoaderData, useLocation, useSubmit } from "@remix-run/react";
import { sellsGoods } from "~/domain/organization-forms";
import { hasPermission, ROLE_LABELS, type Role } from "~/domain/permissions";
import { requireSession } from "~/lib/auth.server";
import { getActiveMembership } from "~/lib/permissions.server";
import { listMyMemberships } from "~/services/organizations.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireSession(request);
  const [memberships, active] = await Promise.all([listMyMemberships(session.userId), getActiveMembership(session)]);
  const role = (active?.role ?? null) as Role | null;
  return json({
    memberships,
    active: active ? { id: active.organization.id, name: active.organization.name, slug: active.organization.slug, role } : null,
    sells: active ? sellsGoods(active.organization.kind) : false,
    distributes: active?.organization.kind === "DISTRIBUTOR",
    can: {
      manageMembers: hasPermission(role, "members:manage"),
      updateOrganization: hasPermission(role, "organization:update"),
    },
  });
}

const linkClass = ({ isActive }: { isActive: boolean }) =>
  `block rounded-md px-3 py-2 text-sm font-medium ${isActive ? "bg-brand-100 text-brand-900" : "text-stone-700 hover:bg-stone-100"}`;

export default function DashboardLayout() {
  const { memberships, active, can, sells, distributes } = useLoaderData<typeof loader>();
  const location = useLocation();
  const submit = useSubmit();
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-8 md:flex-row">
      <aside className="no-print md:w-60 md:shrink-0" aria-label="Dashboard">
        {memberships.length > 1 && active ? (
          <Form method="post" action="/dashboard/switch" onChange={(event) => submit(event.currentTarget)} className="mb-4">
            <input type="hidden" name="redirectTo" value={location.pathname} />
            <label htmlFor="organizationId" className="block text-xs font-semibold uppercase tracking-wide text-stone-600">
              Acting for
            </label>
            <select
              id="organizationId"
              name="organizationId"
              defaultValue={active.id}
              key={active.id}
              className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-2 py-2 text-sm"
            >
              {memberships.map((membership) => (
                <option key={membership.organization.id} value={membership.organization.id}>
                  {membership.organization.name}
                </option>
              ))}
            </select>
            <noscript>
              <button type="submit" className="mt-2 rounded-md border px-3 py-1 text-sm">
                Switch
              </button>
            </noscript>
          </Form>
        ) : active ? (
          <p className="mb-4 text-sm">
            <span className="block text-xs font-semibold uppercase tracking-wide text-stone-600">Acting for</span>
            <span className="font-semibold">{active.name}</span>
          </p>
        ) : null}
        {active ? <p className="-mt-2 mb-4 text-xs text-stone-600">Your role: {ROLE_LABELS[active.role!]}</p> : null}
        <nav className="flex flex-row flex-wrap gap-1 md:flex-col">
          <NavLink to="/dashboard" end className={linkClass}>
            Overview
          </NavLink>
          {sells ? (
            <NavLink to="/dashboard/products" className={linkClass}>
              Products
            </NavLink>
          ) : null}
          {sells ? (
            <NavLink to="/dashboard/purchase-orders" className={linkClass}>
              Purchase orders
            </NavLink>
          ) : null}
          {distributes ? (
            <>
              <NavLink to="/dashboard/fulfilment" className={linkClass}>
                Fulfilment
              </NavLink>
              <NavLink to="/dashboard/distribution" className={linkClass}>
                Pickup points &amp; terms
              </NavLink>
            </>
          ) : null}
          {active ? (
            <NavLink to="/dashboard/orders" className={linkClass}>
              Orders &amp; ledger
            </NavLink>
          ) : null}
          {active ? (
            <NavLink to="/dashboard/members" className={linkClass}>
              Members
            </NavLink>
          ) : null}
          {active ? (
            <NavLink to="/dashboard/certifications" className={linkClass}>
              Certifications
            </NavLink>
          ) : null}
          {can.updateOrganization ? (
            <NavLink to="/dashboard/settings" className={linkClass}>
              Organisation profile
            </NavLink>
          ) : null}
          <NavLink to="/dashboard/organizations/new" className={linkClass}>
            + New organisation
          </NavLink>
        </nav>
      </aside>
      <main className="min-w-0 flex-1">
        <Outlet />
      </main>
    </div>
  );
}

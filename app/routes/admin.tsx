import { type LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { requirePlatformAdmin } from "~/lib/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePlatformAdmin(request);
  return null;
}

const linkClass = ({ isActive }: { isActive: boolean }) =>
  `rounded-md px-3 py-1.5 text-sm font-medium ${isActive ? "bg-brand-100 text-brand-900" : "text-stone-700 hover:bg-stone-100"}`;

export default function AdminLayout() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">Platform administration</p>
      <nav aria-label="Administration" className="mt-2 mb-4 flex flex-wrap gap-1 border-b border-stone-200 pb-2">
        <NavLink to="/admin" end className={linkClass}>
          Organisations
        </NavLink>
        <NavLink to="/admin/certifications" className={linkClass}>
          Certifications
        </NavLink>
      </nav>
      <Outlet />
    </div>
  );
}

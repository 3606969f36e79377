import { type LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { requirePlatformAdmin } from "~/lib/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePlatformAdmin(request);
  return null;
}

export default function AdminLayout() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">Platform administration</p>
      <Outlet />
    </div>
  );
}

import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Pagination } from "~/components/pagination";
import { Button } from "~/components/ui/button";
import { organizationVerificationSchema } from "~/domain/admin-forms";
import { countryName } from "~/domain/countries";
import { ORGANIZATION_KIND_LABELS, type OrganizationKind } from "~/domain/organization-forms";
import { parsePage } from "~/domain/pagination";
import { redirectWithFlash } from "~/lib/flash.server";
import { badRequest, notFound } from "~/lib/http.server";
import { requirePlatformAdmin } from "~/lib/permissions.server";
import { listOrganizations, setOrganizationVerified } from "~/services/organizations.server";

export const meta: MetaFunction = () => [{ title: "Admin — Solidarity Market" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePlatformAdmin(request);
  const page = parsePage(new URL(request.url));
  return json({ ...(await listOrganizations({ page })), page });
}

export async function action({ request }: ActionFunctionArgs) {
  await requirePlatformAdmin(request);
  const submission = parseWithZod(await request.formData(), { schema: organizationVerificationSchema });
  if (submission.status !== "success") throw badRequest("Unknown admin action.");
  const { intent, organizationId } = submission.value;
  const organization = await setOrganizationVerified(organizationId, intent === "verify");
  if (!organization) throw notFound("That organisation no longer exists.");
  return redirectWithFlash(new URL(request.url).pathname + new URL(request.url).search, {
    kind: "success",
    text: intent === "verify" ? `${organization.name} is verified.` : `${organization.name} is no longer verified.`,
  });
}

export default function AdminOrganizationsPage() {
  const { organizations, total, pageSize, page } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1 className="mt-1 text-2xl font-bold">Organisations</h1>
      <p className="mt-1 text-stone-700">
        Verify an organisation once you have checked its registration and ownership. Verified buyers see wholesale
        prices.
      </p>
      <div className="mt-6 overflow-x-auto rounded-lg border border-stone-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-stone-50 text-stone-600">
            <tr>
              <th scope="col" className="px-4 py-2">Name</th>
              <th scope="col" className="px-4 py-2">Kind</th>
              <th scope="col" className="px-4 py-2">Country</th>
              <th scope="col" className="px-4 py-2">Status</th>
              <th scope="col" className="px-4 py-2"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {organizations.map((organization) => (
              <tr key={organization.id} className="border-t border-stone-100">
                <td className="px-4 py-2">
                  <Link to={`/producers/${organization.slug}`} className="underline">{organization.name}</Link>
                </td>
                <td className="px-4 py-2">{ORGANIZATION_KIND_LABELS[organization.kind as OrganizationKind]}</td>
                <td className="px-4 py-2">{countryName(organization.country)}</td>
                <td className="px-4 py-2">{organization.verifiedAt ? "Verified" : "Unverified"}</td>
                <td className="px-4 py-2 text-right">
                  <Form method="post">
                    <input type="hidden" name="organizationId" value={organization.id} />
                    <input type="hidden" name="intent" value={organization.verifiedAt ? "unverify" : "verify"} />
                    <Button type="submit" variant={organization.verifiedAt ? "secondary" : "primary"} className="px-3 py-1.5">
                      {organization.verifiedAt ? "Remove verification" : "Verify"}
                    </Button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={page} total={total} pageSize={pageSize} />
    </div>
  );
}

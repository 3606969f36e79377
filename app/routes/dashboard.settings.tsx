import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { OrganizationProfileForm } from "~/components/organizations/profile-form";
import { organizationProfileSchema } from "~/domain/organization-forms";
import { redirectWithFlash } from "~/lib/flash.server";
import { requireOrganizationPermission } from "~/lib/permissions.server";
import { updateOrganization } from "~/services/organizations.server";

export const meta: MetaFunction = () => [{ title: "Organisation profile — Solidarity Market" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { organization } = await requireOrganizationPermission(request, "organization:update");
  return json({
    profile: {
      name: organization.name,
      kind: organization.kind,
      legalForm: organization.legalForm,
      country: organization.country,
      region: organization.region,
      story: organization.story,
      website: organization.website ?? "",
      memberCount: organization.memberCount?.toString() ?? "",
    },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { organization } = await requireOrganizationPermission(request, "organization:update");
  const submission = parseWithZod(await request.formData(), { schema: organizationProfileSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  await updateOrganization(organization.id, submission.value);
  return redirectWithFlash("/dashboard/settings", { kind: "success", text: "Profile saved." });
}

export default function OrganizationSettingsPage() {
  const { profile } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div>
      <h1 className="mb-6 text-2xl font-bold">Organisation profile</h1>
      <OrganizationProfileForm
        lastResult={lastResult}
        defaultValue={profile}
        submitLabel="Save profile"
        pendingLabel="Saving…"
      />
    </div>
  );
}

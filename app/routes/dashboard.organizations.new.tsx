import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { OrganizationProfileForm } from "~/components/organizations/profile-form";
import { organizationProfileSchema } from "~/domain/organization-forms";
import { requireSession } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { createOrganization } from "~/services/organizations.server";

export const meta: MetaFunction = () => [{ title: "New organisation — Solidarity Market" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireSession(request);
  return null;
}

// Any signed-in person may found an organisation; they become its first owner.
export async function action({ request }: ActionFunctionArgs) {
  const session = await requireSession(request);
  const submission = parseWithZod(await request.formData(), { schema: organizationProfileSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const organization = await createOrganization({ userId: session.userId, sessionId: session.id }, submission.value);
  return redirectWithFlash("/dashboard", {
    kind: "success",
    text: `${organization.name} is created and you are its owner. Add your fellow members next.`,
  });
}

export default function NewOrganizationPage() {
  const lastResult = useActionData<typeof action>();
  return (
    <div>
      <h1 className="text-2xl font-bold">Create an organisation</h1>
      <p className="mb-6 mt-2 max-w-2xl text-stone-700">
        Producer co-ops list goods, buying co-ops order together, distributors move shared orders. You will be its
        owner and can add members afterwards.
      </p>
      <OrganizationProfileForm lastResult={lastResult} submitLabel="Create organisation" pendingLabel="Creating…" />
    </div>
  );
}

import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { RuleViolation } from "~/domain/errors";
import { switchOrganizationSchema } from "~/domain/organization-forms";
import { requireSession } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { badRequest, forbidden } from "~/lib/http.server";
import { safeRedirect } from "~/lib/safe-redirect";
import { switchActiveOrganization } from "~/services/organizations.server";

export async function loader() {
  return redirect("/dashboard");
}

export async function action({ request }: ActionFunctionArgs) {
  const session = await requireSession(request);
  const submission = parseWithZod(await request.formData(), { schema: switchOrganizationSchema });
  if (submission.status !== "success") throw badRequest("Choose an organisation to switch to.");
  try {
    const organization = await switchActiveOrganization(session, submission.value.organizationId);
    return redirectWithFlash(safeRedirect(submission.value.redirectTo, "/dashboard"), {
      kind: "info",
      text: `You are now acting for ${organization.name}.`,
    });
  } catch (error) {
    if (error instanceof RuleViolation) throw forbidden(error.message);
    throw error;
  }
}

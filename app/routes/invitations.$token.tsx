import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { ROLE_LABELS } from "~/domain/permissions";
import { RuleViolation } from "~/domain/errors";
import { getUser, requireSession } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { notFound } from "~/lib/http.server";
import { acceptInvitation, findOpenInvitation } from "~/services/organizations.server";

export const meta: MetaFunction = () => [{ title: "Invitation — Solidarity Market" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const invitation = await findOpenInvitation(params.token ?? "");
  if (!invitation) throw notFound("This invitation has expired, was withdrawn, or was already used.");
  const user = await getUser(request);
  return json({
    invitation: {
      email: invitation.email,
      role: invitation.role,
      organizationName: invitation.organization.name,
      invitedBy: invitation.invitedBy.name,
    },
    signedInAs: user?.email ?? null,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const session = await requireSession(request);
  try {
    const organization = await acceptInvitation(params.token ?? "", session.user, session.id);
    return redirectWithFlash("/dashboard", { kind: "success", text: `Welcome to ${organization.name}!` });
  } catch (error) {
    if (error instanceof RuleViolation) {
      return json({ error: error.message }, { status: 422 });
    }
    throw error;
  }
}

export default function InvitationPage() {
  const { invitation, signedInAs } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const here = useLocation().pathname;
  return (
    <main className="mx-auto max-w-lg px-4 py-12">
      <h1 className="text-2xl font-bold">Join {invitation.organizationName}</h1>
      <p className="mt-3 text-stone-700">
        {invitation.invitedBy} invited <strong>{invitation.email}</strong> to join as{" "}
        {ROLE_LABELS[invitation.role].toLowerCase()}.
      </p>
      {actionData?.error ? (
        <p role="alert" className="mt-4 text-sm text-red-700">
          {actionData.error}
        </p>
      ) : null}
      {signedInAs === invitation.email ? (
        <Form method="post" className="mt-6">
          <Button type="submit">Accept invitation</Button>
        </Form>
      ) : signedInAs ? (
        <p className="mt-6 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm">
          You are signed in as {signedInAs}. Log out and log in (or sign up) as {invitation.email} to accept.
        </p>
      ) : (
        <div className="mt-6 flex gap-3">
          <Link to="/signup?redirectTo=%2Fdashboard" className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white">
            Sign up as {invitation.email}
          </Link>
          {/* Signing up with the invited email accepts the invitation by itself. */}
          <Link to={`/login?redirectTo=${encodeURIComponent(here)}`} className="rounded-md border border-stone-300 px-4 py-2 font-semibold">
            Log in
          </Link>
        </div>
      )}
    </main>
  );
}

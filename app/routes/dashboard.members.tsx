import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button, ErrorList, SelectField, TextField } from "~/components/ui/form";
import { RuleViolation } from "~/domain/errors";
import { memberActionSchema } from "~/domain/organization-forms";
import { hasPermission, ROLE_LABELS, ROLES } from "~/domain/permissions";
import { redirectWithFlash } from "~/lib/flash.server";
import { forbidden } from "~/lib/http.server";
import { requireOrganizationPermission } from "~/lib/permissions.server";
import {
  addMemberOrInvite,
  changeMemberRole,
  getMembersOverview,
  removeMember,
  revokeInvitation,
} from "~/services/organizations.server";

export const meta: MetaFunction = () => [{ title: "Members — Solidarity Market" }];

const roleOptions = ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }));

export async function loader({ request }: LoaderFunctionArgs) {
  const { organization, role, user } = await requireOrganizationPermission(request, "members:view");
  const overview = await getMembersOverview(organization.id);
  const canManage = hasPermission(role, "members:manage");
  return json({
    organizationName: organization.name,
    currentUserId: user.id,
    canManage,
    members: overview.members,
    // Invitation links are credentials: only people who may manage members see them.
    invitations: canManage ? overview.invitations : [],
    origin: new URL(request.url).origin,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { organization, role, user } = await requireOrganizationPermission(request, "members:view");
  const submission = parseWithZod(await request.formData(), { schema: memberActionSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const command = submission.value;
  // Leaving is open to every member; everything else here is for owners and admins.
  if (command.intent !== "remove" && !hasPermission(role, "members:manage")) {
    throw forbidden("Only owners and admins can manage members.");
  }
  const actor = { userId: user.id, role };
  try {
    switch (command.intent) {
      case "add": {
        const result = await addMemberOrInvite(actor, organization.id, command);
        return redirectWithFlash("/dashboard/members", {
          kind: "success",
          text:
            result.kind === "added"
              ? `${result.name} is now a member of ${organization.name}.`
              : `${result.email} has no account yet: we created an invitation. Share its link (below) with them; it is accepted when they sign up with that email.`,
        });
      }
      case "change-role": {
        const member = await changeMemberRole(actor, organization.id, command.membershipId, command.role);
        return redirectWithFlash("/dashboard/members", {
          kind: "success",
          text: `${member.name} is now ${ROLE_LABELS[command.role].toLowerCase()}.`,
        });
      }
      case "remove": {
        const member = await removeMember(actor, organization.id, command.membershipId);
        return member.isSelf
          ? redirectWithFlash("/dashboard", { kind: "info", text: `You left ${organization.name}.` })
          : redirectWithFlash("/dashboard/members", { kind: "success", text: `${member.name} was removed.` });
      }
      case "revoke-invitation": {
        await revokeInvitation(organization.id, command.invitationId);
        return redirectWithFlash("/dashboard/members", { kind: "success", text: "Invitation withdrawn." });
      }
    }
  } catch (error) {
    if (!(error instanceof RuleViolation)) throw error;
    if (command.intent === "add") {
      return json(submission.reply({ formErrors: [error.message] }), { status: 422 });
    }
    return redirectWithFlash("/dashboard/members", { kind: "error", text: error.message });
  }
}

export default function MembersPage() {
  const { organizationName, members, invitations, canManage, currentUserId, origin } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">Members of {organizationName}</h1>
        <p className="mt-1 text-stone-700">
          Owners and admins manage members and the profile; members act for the organisation day to day.
        </p>
      </div>

      {canManage ? (
        // Remounted after every change to the list, so a successful add leaves an empty form behind.
        <AddMemberForm key={`${members.length}:${invitations.length}`} lastResult={lastResult} />
      ) : null}

      <section aria-labelledby="members-heading">
        <h2 id="members-heading" className="font-semibold">
          {members.length} {members.length === 1 ? "member" : "members"}
        </h2>
        <ul className="mt-3 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {members.map((member) => {
            const isSelf = member.user.id === currentUserId;
            return (
              <li key={member.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
                <div>
                  <p className="font-medium">
                    {member.user.name} {isSelf ? <span className="text-sm text-stone-500">(you)</span> : null}
                  </p>
                  <p className="text-sm text-stone-600">{member.user.email}</p>
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  {canManage ? (
                    <Form method="post" className="flex items-center gap-2">
                      <input type="hidden" name="intent" value="change-role" />
                      <input type="hidden" name="membershipId" value={member.id} />
                      <label className="sr-only" htmlFor={`role-${member.id}`}>
                        Role of {member.user.name}
                      </label>
                      <select
                        id={`role-${member.id}`}
                        name="role"
                        defaultValue={member.role}
                        key={member.role}
                        className="rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm"
                      >
                        {roleOptions.map((option) => (
                          <option key={option.value} value={option.value}>
                            {option.label}
                          </option>
                        ))}
                      </select>
                      <Button type="submit" variant="secondary" className="px-3 py-1.5">
                        Change role
                      </Button>
                    </Form>
                  ) : (
                    <span className="rounded-full bg-stone-100 px-2 py-0.5 text-sm">{ROLE_LABELS[member.role]}</span>
                  )}
                  {canManage || isSelf ? (
                    <Form
                      method="post"
                      onSubmit={(event) => {
                        const question = isSelf ? `Leave ${organizationName}?` : `Remove ${member.user.name}?`;
                        if (!confirm(question)) event.preventDefault();
                      }}
                    >
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="membershipId" value={member.id} />
                      <Button type="submit" variant="danger" className="px-3 py-1.5">
                        {isSelf ? "Leave" : "Remove"}
                      </Button>
                    </Form>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      </section>

      {invitations.length ? (
        <section aria-labelledby="invitations-heading">
          <h2 id="invitations-heading" className="font-semibold">
            Pending invitations
          </h2>
          <ul className="mt-3 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {invitations.map((invitation) => {
              const link = `${origin}/invitations/${invitation.token}`;
              return (
                <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
                  <div className="min-w-0">
                    <p className="font-medium">
                      {invitation.email} · {ROLE_LABELS[invitation.role]}
                    </p>
                    <label className="mt-1 block text-sm text-stone-600">
                      Invitation link
                      <input readOnly value={link} className="mt-1 block w-full rounded border border-stone-200 bg-stone-50 px-2 py-1 font-mono text-xs" onFocus={(event) => event.currentTarget.select()} />
                    </label>
                  </div>
                  <Form method="post">
                    <input type="hidden" name="intent" value="revoke-invitation" />
                    <input type="hidden" name="invitationId" value={invitation.id} />
                    <Button type="submit" variant="danger" className="px-3 py-1.5">
                      Withdraw
                    </Button>
                  </Form>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function AddMemberForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "add-member",
    lastResult,
    defaultValue: { role: "MEMBER", intent: "add" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: memberActionSchema }),
  });
  return (
    <section aria-labelledby="add-member-heading" className="rounded-lg border border-stone-200 bg-white p-5">
      <h2 id="add-member-heading" className="font-semibold">
        Add a member
      </h2>
      <p className="mt-1 text-sm text-stone-600">
        People with an account are added at once; anyone else gets an invitation link.
      </p>
      <Form method="post" {...getFormProps(form)} className="mt-4 grid items-start gap-4 sm:grid-cols-[1fr_12rem_auto]">
        <input type="hidden" name="intent" value="add" />
        <TextField label="Email" type="email" meta={fields.email} autoComplete="off" />
        <SelectField label="Role" meta={fields.role} options={roleOptions} />
        <Button
          type="submit"
          className="sm:mt-6"
          pending={navigation.state === "submitting" && navigation.formData?.get("intent") === "add"}
          pendingText="Adding…"
        >
          Add member
        </Button>
        <div className="sm:col-span-3">
          <ErrorList id={form.errorId} errors={form.errors} />
        </div>
      </Form>
    </section>
  );
}

import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CertificationFacts, CertificationStatusChip, formatCertificateDate } from "~/components/certifications";
import { LabelBadge } from "~/components/label-badge";
import { Button, ErrorList, FileField, SelectField, TextField } from "~/components/ui/form";
import {
  certificationClaimSchema,
  EVIDENCE_ACCEPT,
  evidenceRequired,
  withdrawClaimSchema,
} from "~/domain/certification-forms";
import { VERIFICATION_KIND_LABELS } from "~/domain/certifications";
import { RuleViolation } from "~/domain/errors";
import { hasPermission } from "~/domain/permissions";
import { redirectWithFlash } from "~/lib/flash.server";
import { badRequest } from "~/lib/http.server";
import { requireOrganizationPermission } from "~/lib/permissions.server";
import { maxUploadDescription, readSubmittedForm, UploadRejected } from "~/lib/uploads.server";
import {
  claimCertification,
  ClaimFieldRejected,
  getClaimFormOptions,
  listOrganizationCertifications,
  withdrawClaim,
} from "~/services/certifications.server";

export const meta: MetaFunction = () => [{ title: "Certifications — Solidarity Market" }];

const PAGE = "/dashboard/certifications";

export async function loader({ request }: LoaderFunctionArgs) {
  const { organization, role } = await requireOrganizationPermission(request, "organization:view-dashboard");
  const now = new Date();
  const [certifications, options] = await Promise.all([
    listOrganizationCertifications(organization.id, now),
    getClaimFormOptions(organization.id),
  ]);
  return json({
    organizationName: organization.name,
    certifications,
    labels: options.labels,
    products: options.products,
    canManage: hasPermission(role, "catalog:manage"),
    maxUpload: maxUploadDescription(),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { organization, user } = await requireOrganizationPermission(request, "catalog:manage");
  const { formData, tooLarge, unreadable } = await readSubmittedForm(request);

  if (formData.get("intent") === "withdraw") {
    const submission = parseWithZod(formData, { schema: withdrawClaimSchema });
    if (submission.status !== "success") throw badRequest("Unknown claim.");
    try {
      const { labelName } = await withdrawClaim(organization.id, submission.value.certificationId);
      return redirectWithFlash(PAGE, { kind: "success", text: `Your claim for ${labelName} was withdrawn.` });
    } catch (error) {
      if (!(error instanceof RuleViolation)) throw error;
      return redirectWithFlash(PAGE, { kind: "error", text: error.message });
    }
  }

  const submission = parseWithZod(formData, { schema: certificationClaimSchema });
  if (unreadable) {
    const message =
      "We could not read the form with this file. Rename the file without “;” or “=” in its name and try again.";
    return json(submission.reply({ fieldErrors: { evidence: [message] } }), { status: 400 });
  }
  if (tooLarge) {
    const message = `The file is larger than ${maxUploadDescription()}. Attach a smaller scan or photo of the certificate.`;
    return json(submission.reply({ fieldErrors: { evidence: [message] } }), { status: 400 });
  }
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  try {
    const { labelName } = await claimCertification({ userId: user.id }, organization.id, submission.value);
    return redirectWithFlash(PAGE, {
      kind: "success",
      text: `Your claim for ${labelName} was sent for review. Its badge shows once a platform administrator has checked it.`,
    });
  } catch (error) {
    if (error instanceof UploadRejected) {
      return json(submission.reply({ fieldErrors: { evidence: [error.message] } }), { status: 422 });
    }
    if (error instanceof ClaimFieldRejected) {
      return json(submission.reply({ fieldErrors: { [error.field]: [error.message] } }), { status: 422 });
    }
    if (error instanceof RuleViolation) return json(submission.reply({ formErrors: [error.message] }), { status: 422 });
    throw error;
  }
}

export default function CertificationsPage() {
  const { organizationName, certifications, labels, products, canManage, maxUpload } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">Certifications of {organizationName}</h1>
        <p className="mt-1 text-stone-700">
          Claim the labels your organisation or its products hold. A platform administrator checks the evidence; the
          badge shows on your public pages once it is verified and until it expires.
        </p>
      </div>

      <section aria-labelledby="certifications-heading">
        <h2 id="certifications-heading" className="font-semibold">
          Your claims
        </h2>
        {certifications.length ? (
          <ul className="mt-3 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {certifications.map((certification) => (
              <li key={certification.id} className="grid gap-3 p-4 sm:grid-cols-[1fr_auto]">
                <div className="min-w-0 space-y-2">
                  <div className="flex flex-wrap items-center gap-3">
                    <LabelBadge label={certification.label} />
                    <CertificationStatusChip status={certification.effectiveStatus} />
                  </div>
                  <CertificationFacts certification={certification} />
                  {certification.effectiveStatus === "VERIFIED" && !certification.badgeShown ? (
                    <p className="text-sm text-stone-700">
                      Verified; the badge shows from {formatCertificateDate(certification.validFrom)}.
                    </p>
                  ) : null}
                  {certification.badgeShown ? (
                    <p className="text-sm text-stone-700">The badge shows on your public pages.</p>
                  ) : null}
                  {(certification.effectiveStatus === "REJECTED" || certification.effectiveStatus === "REVOKED") &&
                  certification.reviewNote ? (
                    <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
                      <span className="font-semibold">
                        {certification.effectiveStatus === "REJECTED" ? "Why it was rejected" : "Why it was revoked"}:
                      </span>{" "}
                      {certification.reviewNote}
                    </p>
                  ) : null}
                  {certification.hasEvidence ? (
                    <p className="text-sm">
                      <a
                        href={`/dashboard/certifications/${certification.id}/evidence`}
                        target="_blank"
                        rel="noopener noreferrer"
                        className="text-brand-700 underline"
                      >
                        Open the evidence
                        {certification.evidenceName ? ` (${certification.evidenceName})` : ""}
                        <span className="sr-only"> (opens in a new tab)</span>
                      </a>
                    </p>
                  ) : (
                    <p className="text-sm text-stone-600">No evidence attached.</p>
                  )}
                </div>
                {canManage && certification.status === "PENDING" ? (
                  <Form
                    method="post"
                    className="self-start"
                    onSubmit={(event) => {
                      if (!confirm(`Withdraw your claim for ${certification.label.name}?`)) event.preventDefault();
                    }}
                  >
                    <input type="hidden" name="intent" value="withdraw" />
                    <input type="hidden" name="certificationId" value={certification.id} />
                    <Button type="submit" variant="danger" className="px-3 py-1.5">
                      Withdraw<span className="sr-only"> the claim for {certification.label.name}</span>
                    </Button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-3 rounded-lg border border-dashed border-stone-300 bg-white p-6 text-center text-stone-700">
            No claims yet.{" "}
            {canManage ? "Claim your first label below." : "Owners and admins of the organisation can claim labels."}
          </p>
        )}
      </section>

      {canManage ? (
        // Remounted when the list changes, so a successful claim leaves an empty form behind.
        <ClaimForm
          key={certifications.length}
          lastResult={lastResult}
          labels={labels}
          products={products}
          maxUpload={maxUpload}
        />
      ) : null}
    </div>
  );
}

type LabelOption = { id: string; name: string; verificationKind: keyof typeof VERIFICATION_KIND_LABELS };

function ClaimForm({
  lastResult,
  labels,
  products,
  maxUpload,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  labels: LabelOption[];
  products: { id: string; title: string }[];
  maxUpload: string;
}) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "claim-certification",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: certificationClaimSchema }),
  });
  const labelOptions = labels.map((label) => ({
    value: label.id,
    label: `${label.name} — ${VERIFICATION_KIND_LABELS[label.verificationKind]}`,
  }));
  const productOptions = products.map((product) => ({ value: product.id, label: product.title }));
  const chosen = labels.find((label) => label.id === fields.labelId.value);
  const needsEvidence = chosen ? evidenceRequired(chosen.verificationKind) : null;
  const submitting = navigation.state === "submitting" && navigation.formData?.get("intent") === "claim";
  return (
    <section aria-labelledby="claim-heading" className="rounded-lg border border-stone-200 bg-white p-5">
      <h2 id="claim-heading" className="font-semibold">
        Claim a label
      </h2>
      <p className="mt-1 text-sm text-stone-600">
        Third-party and participatory labels need evidence: the certificate or the inspection report. Self-declared
        labels may go without.
      </p>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="mt-4 space-y-5">
        <input type="hidden" name="intent" value="claim" />
        <div className="grid gap-5 sm:grid-cols-2">
          <SelectField
            label="Label"
            meta={fields.labelId}
            options={labelOptions}
            placeholder="Choose a label…"
            help="Each label says how it is checked."
          />
          <SelectField
            label="What the claim covers"
            meta={fields.productId}
            options={productOptions}
            placeholder="Whole organisation"
            help={products.length ? "The whole organisation, or one of your products." : "You have no products on sale, so the claim covers the whole organisation."}
          />
        </div>
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            label="Certified by"
            meta={fields.certifier}
            help="The certification body, or the participatory guarantee group that checked you."
          />
          <TextField label="Certificate number" meta={fields.certificateNumber} optional autoComplete="off" />
        </div>
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField label="Valid from" type="date" meta={fields.validFrom} />
          <TextField
            label="Valid until"
            type="date"
            meta={fields.validTo}
            optional
            help="The last day on the certificate. Leave empty if it has no end date."
          />
        </div>
        <FileField
          label="Evidence"
          meta={fields.evidence}
          accept={EVIDENCE_ACCEPT}
          optional={needsEvidence === false}
          help={
            <>
              PDF, JPEG, PNG or WebP, up to {maxUpload}.{" "}
              {needsEvidence === true
                ? "Required for this label."
                : needsEvidence === false
                  ? "Optional for a self-declared label."
                  : "Required unless the label is self-declared."}
              {fields.evidence.errors?.length ? " Choose the file again after correcting the form." : null}
            </>
          }
        />
        <ErrorList id={form.errorId} errors={form.errors} />
        <Button type="submit" pending={submitting} pendingText="Sending…">
          Send for review
        </Button>
      </Form>
    </section>
  );
}


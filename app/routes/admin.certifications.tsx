import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { CertificationFacts, CertificationStatusChip, Fact, formatCertificateDate } from "~/components/certifications";
import { LabelBadge } from "~/components/label-badge";
import { Pagination } from "~/components/pagination";
import { Button, ErrorList } from "~/components/ui/form";
import { certificationReviewSchema } from "~/domain/certification-forms";
import {
  CERTIFICATION_STATUS_LABELS,
  CERTIFICATION_STATUSES,
  MIN_REVIEW_REASON_LENGTH,
  type CertificationStatus,
  type ReviewAction,
} from "~/domain/certifications";
import { RuleViolation } from "~/domain/errors";
import { parsePage } from "~/domain/pagination";
import { redirectWithFlash } from "~/lib/flash.server";
import { notFound } from "~/lib/http.server";
import { requirePlatformAdmin } from "~/lib/permissions.server";
import { listForReview, reviewCertification } from "~/services/certifications.server";

export const meta: MetaFunction = () => [{ title: "Certifications — Admin — Solidarity Market" }];

const STATUS_FILTERS = [...CERTIFICATION_STATUSES, "ALL"] as const;
type StatusFilter = (typeof STATUS_FILTERS)[number];
const statusFilterSchema = z
  .string()
  .transform((value) => value.toUpperCase())
  .pipe(z.enum(STATUS_FILTERS))
  .catch("PENDING");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePlatformAdmin(request);
  const url = new URL(request.url);
  const status = statusFilterSchema.parse(url.searchParams.get("status") ?? "PENDING");
  const page = parsePage(url);
  const result = await listForReview({ status: status === "ALL" ? undefined : status, page });
  return json({ ...result, page, status });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePlatformAdmin(request);
  const submission = parseWithZod(await request.formData(), { schema: certificationReviewSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const { intent, certificationId, reason } = submission.value;
  let reviewed: Awaited<ReturnType<typeof reviewCertification>>;
  try {
    reviewed = await reviewCertification(admin, certificationId, intent, reason);
  } catch (error) {
    if (!(error instanceof RuleViolation)) throw error;
    return json(submission.reply({ formErrors: [error.message] }), { status: 422 });
  }
  if (!reviewed) throw notFound("That claim no longer exists: the organisation may have withdrawn it.");
  const { labelName, organizationName } = reviewed;
  const text = {
    verify: `${labelName} for ${organizationName} is verified: its badge shows while the certificate is in date.`,
    reject: `The claim for ${labelName} by ${organizationName} was rejected. The organisation sees your reason.`,
    revoke: `${labelName} for ${organizationName} was revoked: its badge no longer shows.`,
  }[intent];
  const url = new URL(request.url);
  return redirectWithFlash(url.pathname + url.search, { kind: "success", text });
}

const FILTER_LABELS: Record<StatusFilter, string> = { ...CERTIFICATION_STATUS_LABELS, ALL: "All" };

const EMPTY_TEXT: Record<StatusFilter, string> = {
  PENDING: "No claims are waiting for review. Well done.",
  VERIFIED: "No verified certifications.",
  REJECTED: "No rejected claims.",
  EXPIRED: "No certifications marked as expired.",
  REVOKED: "No revoked certifications.",
  ALL: "No certification claims yet.",
};

export default function AdminCertificationsPage() {
  const { certifications, total, pageSize, page, status } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div>
      <h1 className="mt-1 text-2xl font-bold">Certifications</h1>
      <p className="mt-1 text-stone-700">
        Check each claim's evidence against the label's standard. Verified claims show as badges until they expire;
        rejecting or revoking needs a reason, which the organisation sees.
      </p>

      <nav aria-label="Filter by status" className="mt-5 flex flex-wrap gap-2">
        {STATUS_FILTERS.map((filter) => (
          <Link
            key={filter}
            to={`?status=${filter}`}
            aria-current={filter === status ? "page" : undefined}
            className={`rounded-full border px-3 py-1 text-sm font-medium ${
              filter === status ? "border-brand-600 bg-brand-600 text-white" : "border-stone-300 bg-white hover:bg-stone-100"
            }`}
          >
            {FILTER_LABELS[filter]}
          </Link>
        ))}
      </nav>

      <p className="mt-4 text-sm text-stone-600" aria-live="polite">
        {total} {total === 1 ? "claim" : "claims"}
        {status === "ALL" ? ", awaiting review first" : ` ${FILTER_LABELS[status].toLowerCase()}`}; oldest first.
      </p>

      {certifications.length ? (
        <ul className="mt-3 space-y-4">
          {certifications.map((certification) => (
            <li key={certification.id} className="rounded-lg border border-stone-200 bg-white p-4">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="space-y-1">
                  <p className="font-semibold">
                    <Link to={`/producers/${certification.organization.slug}`} className="underline">
                      {certification.organization.name}
                    </Link>
                  </p>
                  <LabelBadge label={certification.label} />
                </div>
                <div className="text-right">
                  <CertificationStatusChip status={certification.effectiveStatus} />
                  {certification.effectiveStatus !== certification.status ? (
                    <p className="mt-1 text-xs text-stone-600">
                      Past its expiry date; stored as {CERTIFICATION_STATUS_LABELS[certification.status].toLowerCase()} until the
                      hourly expiry runs.
                    </p>
                  ) : null}
                </div>
              </div>
              <CertificationFacts certification={certification} className="mt-3 sm:grid-cols-2 lg:grid-cols-3">
                <Fact term="Claimed">{formatCertificateDate(certification.createdAt)}</Fact>
                <Fact term="Evidence">
                    {certification.hasEvidence ? (
                      <a
                        href={`/dashboard/certifications/${certification.id}/evidence`}
                        target="_blank"
                        rel="noopener noreferrer"
                        className="text-brand-700 underline"
                      >
                        {certification.evidenceName ?? "open"}
                        <span className="sr-only"> (opens in a new tab)</span>
                      </a>
                    ) : (
                      "none attached"
                    )}
                  </Fact>
              </CertificationFacts>
              {certification.reviewedAt ? (
                <p className="mt-2 text-sm text-stone-700">
                  Reviewed {formatCertificateDate(certification.reviewedAt)}
                  {certification.reviewedBy ? ` by ${certification.reviewedBy.name}` : ""}
                  {certification.reviewNote ? `: “${certification.reviewNote}”` : "."}
                </p>
              ) : null}
              {certification.effectiveStatus === "PENDING" ? (
                <div className="mt-4 grid items-start gap-4 border-t border-stone-100 pt-4 md:grid-cols-[auto_1fr]">
                  <ReviewForm certificationId={certification.id} intent="verify" lastResult={lastResult} />
                  <ReviewForm certificationId={certification.id} intent="reject" lastResult={lastResult} />
                </div>
              ) : certification.effectiveStatus === "VERIFIED" ? (
                <div className="mt-4 border-t border-stone-100 pt-4">
                  <ReviewForm certificationId={certification.id} intent="revoke" lastResult={lastResult} />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-3 rounded-lg border border-dashed border-stone-300 bg-white p-8 text-center text-stone-700">
          {EMPTY_TEXT[status]}
        </p>
      )}
      <Pagination page={page} total={total} pageSize={pageSize} />
    </div>
  );
}

const REVIEW_COPY: Record<ReviewAction, { button: string; pending: string; reason?: string }> = {
  verify: { button: "Verify", pending: "Verifying…" },
  reject: { button: "Reject", pending: "Rejecting…", reason: "Reason for rejecting" },
  revoke: { button: "Revoke", pending: "Revoking…", reason: "Reason for revoking" },
};

/** One decision on one claim; a refusal (422) is shown in the form that asked. */
function ReviewForm({
  certificationId,
  intent,
  lastResult,
}: {
  certificationId: string;
  intent: ReviewAction;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const navigation = useNavigation();
  const asked = lastResult?.initialValue?.certificationId === certificationId && lastResult?.initialValue?.intent === intent;
  const [form, fields] = useForm({
    id: `${intent}-${certificationId}`,
    lastResult: asked ? lastResult : undefined,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: certificationReviewSchema }),
  });
  const copy = REVIEW_COPY[intent];
  const pending =
    navigation.state === "submitting" &&
    navigation.formData?.get("certificationId") === certificationId &&
    navigation.formData?.get("intent") === intent;
  return (
    <Form method="post" {...getFormProps(form)} className={copy.reason ? "space-y-2" : ""}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="certificationId" value={certificationId} />
      {copy.reason ? (
        <div>
          <label htmlFor={fields.reason.id} className="block text-sm font-medium text-stone-800">
            {copy.reason} <span className="font-normal text-stone-500">(the organisation sees it)</span>
          </label>
          <textarea
            {...getTextareaProps(fields.reason, { ariaDescribedBy: form.errors?.length ? form.errorId : undefined })}
            required
            minLength={MIN_REVIEW_REASON_LENGTH}
            rows={2}
            className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:ring-1 focus:ring-brand-600"
          />
          <ErrorList errors={fields.reason.errors} id={fields.reason.errorId} />
        </div>
      ) : null}
      <ErrorList id={form.errorId} errors={form.errors} />
      <Button
        type="submit"
        variant={intent === "verify" ? "primary" : "danger"}
        className="px-3 py-1.5"
        pending={pending}
        pendingText={copy.pending}
      >
        {copy.button}
      </Button>
    </Form>
  );
}

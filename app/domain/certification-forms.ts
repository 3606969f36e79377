import { z } from "zod";
import { checkValidityDates, type VerificationKind } from "./certifications";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** "2026-03-31" → that day at 00:00 UTC; null when it is not a real calendar date (2026-02-30). */
export function parseIsoDate(value: string): Date | null {
  if (!ISO_DATE.test(value)) return null;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? date : null;
}

/** A stored date as the "YYYY-MM-DD" an `<input type="date">` shows (UTC, as stored). */
export function toIsoDate(date: Date | string): string {
  return new Date(date).toISOString().slice(0, 10);
}

/** A certificate's expiry date covers the whole day: its last valid instant is 23:59:59.999 UTC that day. */
export function endOfDay(date: Date): Date {
  return new Date(date.getTime() + DAY_MS - 1);
}

/** A date typed into `<input type="date">`, as that day at 00:00 UTC. */
const dateField = (requiredMessage: string) =>
  z
    .string({ required_error: requiredMessage })
    .trim()
    .transform((value, context) => {
      const date = parseIsoDate(value);
      if (!date) {
        context.addIssue({ code: "custom", message: "Enter a real date, like 2026-03-31" });
        return z.NEVER;
      }
      return date;
    });

/** Labels other than self-declared ones need a document that shows someone else checked the claim. */
export function evidenceRequired(kind: VerificationKind): boolean {
  return kind !== "SELF_DECLARED";
}

export const EVIDENCE_REQUIRED_MESSAGE =
  "Attach the certificate or inspection report: this label is checked by others, so we need to see their evidence.";

export const EVIDENCE_ACCEPT = ".pdf,.jpg,.jpeg,.png,.webp";

/**
 * Claiming a label for the organisation (no productId) or one of its products. Whether evidence is required depends
 * on the label, so that part is enforced by the certification service (see `evidenceRequired`).
 */
export const certificationClaimSchema = z
  .object({
    labelId: z.string({ required_error: "Choose a label" }).trim().min(1, "Choose a label"),
    /** Empty means the whole organisation. */
    productId: z.string().trim().optional(),
    certificateNumber: z.string().trim().max(60, "Use at most 60 characters").optional(),
    certifier: z
      .string({ required_error: "Enter who certified you (the certification body or the group that checked you)" })
      .trim()
      .min(2, "Use at least 2 characters")
      .max(120, "Use at most 120 characters"),
    validFrom: dateField("Enter the date the certificate is valid from"),
    validTo: dateField("Enter the date the certificate expires").optional(),
    evidence: z.instanceof(File, { message: "Attach a PDF or an image of the certificate" }).optional(),
  })
  .superRefine((claim, context) => {
    // Runs even when another field is invalid; only compare dates that parsed.
    if (!(claim.validFrom instanceof Date) || (claim.validTo !== undefined && !(claim.validTo instanceof Date))) return;
    const dates = checkValidityDates(claim.validFrom, claim.validTo ?? null);
    if (!dates.ok) context.addIssue({ code: "custom", path: ["validTo"], message: dates.reason });
  })
  // Checked above as calendar days; stored as the last valid instant of the expiry day.
  .transform((claim) => ({ ...claim, validTo: claim.validTo ? endOfDay(claim.validTo) : undefined }));
export type CertificationClaim = z.infer<typeof certificationClaimSchema>;

export const withdrawClaimSchema = z.object({
  intent: z.literal("withdraw"),
  certificationId: z.string().min(1),
});

const reviewFields = {
  certificationId: z.string().min(1),
  /** Required for reject and revoke; the rule (canReview) says so with a clear message. */
  reason: z.string().trim().max(1000, "Use at most 1,000 characters").optional(),
};

/** An admin's decision on a claim. */
export const certificationReviewSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("verify"), ...reviewFields }),
  z.object({ intent: z.literal("reject"), ...reviewFields }),
  z.object({ intent: z.literal("revoke"), ...reviewFields }),
]);
export type CertificationReview = z.infer<typeof certificationReviewSchema>;

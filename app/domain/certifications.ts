/**
 * Certification rules: which claims show as badges, how an admin may review them, and what the states mean.
 * Pure: no I/O, so the rules are unit-tested here and enforced by the certification services.
 */
import type { RuleResult } from "./permissions";

export const VERIFICATION_KINDS = ["THIRD_PARTY", "PARTICIPATORY", "SELF_DECLARED"] as const;
export type VerificationKind = (typeof VERIFICATION_KINDS)[number];

export const VERIFICATION_KIND_LABELS: Record<VerificationKind, string> = {
  THIRD_PARTY: "Third-party certified",
  PARTICIPATORY: "Participatory guarantee",
  SELF_DECLARED: "Self-declared",
};

export const VERIFICATION_KIND_DESCRIPTIONS: Record<VerificationKind, string> = {
  THIRD_PARTY: "An independent certification body has inspected the producer against the label's standard.",
  PARTICIPATORY:
    "Other producers and consumers in a participatory guarantee system have checked the producer against the standard.",
  SELF_DECLARED: "The organisation states that it meets the standard, but nobody else has checked it.",
};

export const CERTIFICATION_STATUSES = ["PENDING", "VERIFIED", "REJECTED", "EXPIRED", "REVOKED"] as const;
export type CertificationStatus = (typeof CERTIFICATION_STATUSES)[number];

export const CERTIFICATION_STATUS_LABELS: Record<CertificationStatus, string> = {
  PENDING: "Awaiting review",
  VERIFIED: "Verified",
  REJECTED: "Rejected",
  EXPIRED: "Expired",
  REVOKED: "Revoked",
};

export type CertificationDates = { status: CertificationStatus; validFrom: Date; validTo: Date | null };

const allowed: RuleResult = { ok: true };
const denied = (reason: string): RuleResult => ({ ok: false, reason });

/** The shortest reason accepted when rejecting or revoking, after trimming. */
export const MIN_REVIEW_REASON_LENGTH = 5;

/** validTo is the last valid instant: a claim is still in date while now <= validTo. Open-ended (null) never lapses. */
export function hasLapsed(validTo: Date | null, now: Date): boolean {
  return validTo !== null && validTo.getTime() < now.getTime();
}

/** VERIFIED whose validTo is before `now` counts as EXPIRED (validTo is the last valid instant: valid while now <= validTo). Everything else unchanged. */
export function effectiveStatus(cert: CertificationDates, now: Date): CertificationStatus {
  if (cert.status === "VERIFIED" && hasLapsed(cert.validTo, now)) return "EXPIRED";
  return cert.status;
}

/** Only effectively VERIFIED certifications whose validFrom <= now show as badges. */
export function isBadgeShown(cert: CertificationDates, now: Date): boolean {
  return effectiveStatus(cert, now) === "VERIFIED" && cert.validFrom.getTime() <= now.getTime();
}

export type ReviewAction = "verify" | "reject" | "revoke";

export const REVIEW_ACTIONS: readonly ReviewAction[] = ["verify", "reject", "revoke"];

/**
 * Allowed: PENDING→verify|reject; VERIFIED (effective, i.e. not expired)→revoke. reject and revoke need a reason
 * (trimmed, at least 5 characters). A pending claim whose validity has already ended cannot be verified: it would
 * be expired the moment it was approved.
 */
export function canReview(
  cert: CertificationDates,
  action: ReviewAction,
  reason: string | undefined,
  now: Date,
): RuleResult {
  const status = effectiveStatus(cert, now);
  const current = CERTIFICATION_STATUS_LABELS[status].toLowerCase();
  switch (action) {
    case "verify":
      if (status !== "PENDING") return denied(`Only a certification awaiting review can be verified; this one is ${current}.`);
      if (hasLapsed(cert.validTo, now)) {
        return denied("This certificate's validity has already ended, so it cannot be verified: reject it instead.");
      }
      return allowed;
    case "reject":
      if (status !== "PENDING") return denied(`Only a certification awaiting review can be rejected; this one is ${current}.`);
      return checkReviewReason(reason, "rejecting");
    case "revoke":
      if (status !== "VERIFIED") return denied(`Only a verified, in-date certification can be revoked; this one is ${current}.`);
      return checkReviewReason(reason, "revoking");
  }
}

function checkReviewReason(reason: string | undefined, doing: string): RuleResult {
  const trimmed = reason?.trim() ?? "";
  if (trimmed.length === 0) return denied(`Give a reason for ${doing} this certification: the organisation will see it.`);
  if (trimmed.length < MIN_REVIEW_REASON_LENGTH) {
    return denied(`The reason for ${doing} must be at least ${MIN_REVIEW_REASON_LENGTH} characters long.`);
  }
  return allowed;
}

/** verify→VERIFIED, reject→REJECTED, revoke→REVOKED */
export function statusAfterReview(action: ReviewAction): CertificationStatus {
  switch (action) {
    case "verify":
      return "VERIFIED";
    case "reject":
      return "REJECTED";
    case "revoke":
      return "REVOKED";
  }
}

type Labelled = { label: { slug: string; name: string; verificationKind: VerificationKind } };

/** End of validity as a number for comparison; open-ended counts as longest. */
const validUntil = (cert: CertificationDates) => (cert.validTo === null ? Number.POSITIVE_INFINITY : cert.validTo.getTime());

/**
 * Badges for a set of certifications: only those isBadgeShown, one per label slug (keeping the one valid longest;
 * null validTo = open-ended = longest; on a tie the first given), sorted THIRD_PARTY, PARTICIPATORY, SELF_DECLARED
 * then by label name.
 */
export function badgesFor<T extends CertificationDates & Labelled>(certs: readonly T[], now: Date): T[] {
  const bySlug = new Map<string, T>();
  for (const cert of certs) {
    if (!isBadgeShown(cert, now)) continue;
    const kept = bySlug.get(cert.label.slug);
    if (!kept || validUntil(cert) > validUntil(kept)) bySlug.set(cert.label.slug, cert);
  }
  return [...bySlug.values()].sort(
    (a, b) =>
      VERIFICATION_KINDS.indexOf(a.label.verificationKind) - VERIFICATION_KINDS.indexOf(b.label.verificationKind) ||
      a.label.name.localeCompare(b.label.name, "en-GB", { sensitivity: "base" }) ||
      a.label.slug.localeCompare(b.label.slug),
  );
}

/** Validity dates of a claim: both real dates, and validTo (if given) after validFrom. */
export function checkValidityDates(validFrom: Date, validTo: Date | null): RuleResult {
  if (Number.isNaN(validFrom.getTime())) return denied("Enter the date the certificate is valid from.");
  if (validTo === null) return allowed;
  if (Number.isNaN(validTo.getTime())) return denied("Enter a real date for when the certificate expires, or leave it empty.");
  if (validTo.getTime() <= validFrom.getTime()) return denied("The expiry date must be after the date the certificate is valid from.");
  return allowed;
}

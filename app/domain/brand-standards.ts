/**
 * A brand's standards: which organisations may join (kinds, legal forms) and which labels a product must hold —
 * verified and current, on the product itself or on its organisation — to carry the mark. Pure and tested.
 */
import { LEGAL_FORM_LABELS, ORGANIZATION_KIND_LABELS, type LegalForm, type OrganizationKind } from "./organization-forms";

export type BrandStandards = {
  requiredLabels: readonly { id: string; name: string }[];
  allowedKinds: readonly OrganizationKind[];
  allowedLegalForms: readonly LegalForm[];
};

export type Candidate = {
  organization: { kind: OrganizationKind; legalForm: LegalForm };
  /** Ids of labels the product holds now (its own and its organisation's visible certifications). */
  heldLabelIds: ReadonlySet<string>;
};

export type StandardsResult = { ok: true } | { ok: false; reasons: string[] };

const list = (items: string[]) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`);

/** Kind and legal form: what decides whether an organisation may join (and its products carry the mark). */
export function organizationEligibility(standards: Pick<BrandStandards, "allowedKinds" | "allowedLegalForms">, organization: Candidate["organization"]): StandardsResult {
  const reasons: string[] = [];
  if (standards.allowedKinds.length && !standards.allowedKinds.includes(organization.kind)) {
    reasons.push(`Only ${list(standards.allowedKinds.map((kind) => ORGANIZATION_KIND_LABELS[kind].toLowerCase()))} organisations may carry this brand.`);
  }
  if (standards.allowedLegalForms.length && !standards.allowedLegalForms.includes(organization.legalForm)) {
    reasons.push(`Only ${list(standards.allowedLegalForms.map((form) => `${LEGAL_FORM_LABELS[form].toLowerCase()}s`))} may carry this brand.`);
  }
  return reasons.length ? { ok: false, reasons } : { ok: true };
}

/** Every reason a product falls short, or ok. */
export function meetsStandards(standards: BrandStandards, candidate: Candidate): StandardsResult {
  const eligibility = organizationEligibility(standards, candidate.organization);
  const reasons = eligibility.ok ? [] : [...eligibility.reasons];
  for (const label of standards.requiredLabels) {
    if (!candidate.heldLabelIds.has(label.id)) reasons.push(`It needs the ${label.name} label, verified and current.`);
  }
  return reasons.length ? { ok: false, reasons } : { ok: true };
}

export function parseList<T extends string>(value: string, allowed: readonly T[]): T[] {
  return value
    .split(",")
    .map((item) => item.trim())
    .filter((item): item is T => (allowed as readonly string[]).includes(item));
}

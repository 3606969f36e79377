import { db } from "~/adapters/db.server";
import { enqueue } from "./outbox.server";
import type { Prisma } from "~/generated/prisma/client";
import {
  EVIDENCE_REQUIRED_MESSAGE,
  evidenceRequired,
  type CertificationClaim,
} from "~/domain/certification-forms";
import {
  canReview,
  checkValidityDates,
  effectiveStatus,
  isBadgeShown,
  statusAfterReview,
  type CertificationStatus,
  type ReviewAction,
} from "~/domain/certifications";
import { assertRule, RuleViolation } from "~/domain/errors";
import { EVIDENCE_TYPES } from "~/domain/file-types";
import { hasPermission, type Role } from "~/domain/permissions";
import { deleteUpload, resolveUploadPath, storeDocument } from "~/lib/uploads.server";

/** A rule that concerns one field of the claim form; the page shows the message beside that field. */
export class ClaimFieldRejected extends RuleViolation {
  constructor(
    readonly field: "labelId" | "productId" | "evidence",
    message: string,
  ) {
    super(message);
  }
}

const certificationSelect = {
  id: true,
  status: true,
  certifier: true,
  certificateNumber: true,
  validFrom: true,
  validTo: true,
  evidenceName: true,
  evidencePath: true,
  reviewNote: true,
  reviewedAt: true,
  createdAt: true,
  label: { select: { id: true, slug: true, name: true, verificationKind: true } },
  product: { select: { id: true, slug: true, title: true } },
} as const;

/**
 * Adds the status as the public sees it (a VERIFIED claim past its expiry counts as EXPIRED) and whether its badge
 * shows now; hides the stored file path.
 */
function present<T extends { status: CertificationStatus; validFrom: Date; validTo: Date | null; evidencePath: string | null }>(
  row: T,
  now: Date,
) {
  const { evidencePath, ...rest } = row;
  return {
    ...rest,
    hasEvidence: evidencePath !== null,
    effectiveStatus: effectiveStatus(row, now),
    badgeShown: isBadgeShown(row, now),
  };
}

/** Every claim of the organisation, newest first, with its label, product and effective status. */
export async function listOrganizationCertifications(organizationId: string, now = new Date()) {
  const rows = await db.certification.findMany({
    where: { organizationId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: certificationSelect,
  });
  return rows.map((row) => present(row, now));
}

/** What the claim form offers: every label, and the organisation's products on sale. */
export async function getClaimFormOptions(organizationId: string) {
  const [labels, products] = await Promise.all([
    db.label.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, verificationKind: true } }),
    db.product.findMany({
      where: { organizationId, status: "ACTIVE" },
      orderBy: { title: "asc" },
      select: { id: true, title: true },
    }),
  ]);
  return { labels, products };
}

/**
 * Records a claim for review (PENDING). The product must be the organisation's own; labels checked by others need
 * evidence, which is stored only once everything else is known to be fine.
 */
export async function claimCertification(actor: { userId: string }, organizationId: string, input: CertificationClaim) {
  const membership = await db.membership.findUnique({
    where: { userId_organizationId: { userId: actor.userId, organizationId } },
    select: { role: true },
  });
  if (!hasPermission((membership?.role ?? null) as Role | null, "catalog:manage")) {
    throw new RuleViolation("Only members of the organisation can claim labels for it.");
  }
  const label = await db.label.findUnique({
    where: { id: input.labelId },
    select: { id: true, name: true, verificationKind: true },
  });
  if (!label) throw new ClaimFieldRejected("labelId", "Choose a label from the list.");
  const productId = input.productId || null;
  if (productId) {
    const product = await db.product.findFirst({ where: { id: productId, organizationId }, select: { id: true } });
    if (!product) {
      throw new ClaimFieldRejected("productId", "Choose one of your organisation's products, or the whole organisation.");
    }
  }
  assertRule(checkValidityDates(input.validFrom, input.validTo ?? null));
  if (evidenceRequired(label.verificationKind) && !input.evidence) {
    throw new ClaimFieldRejected("evidence", EVIDENCE_REQUIRED_MESSAGE);
  }
  const pending = await db.certification.findFirst({
    where: { organizationId, labelId: label.id, productId, status: "PENDING" },
    select: { id: true },
  });
  if (pending) {
    throw new RuleViolation(
      `A claim for ${label.name} for this ${productId ? "product" : "organisation"} is already awaiting review. Withdraw it first to send a new one.`,
    );
  }

  // Throws UploadRejected (wrong type, empty, too large): the page shows it beside the file field.
  const evidence = input.evidence ? await storeDocument(input.evidence, "evidence", EVIDENCE_TYPES) : null;
  try {
    const certification = await db.certification.create({
      data: {
        labelId: label.id,
        organizationId,
        productId,
        certificateNumber: input.certificateNumber || null,
        certifier: input.certifier,
        validFrom: input.validFrom,
        validTo: input.validTo ?? null,
        evidencePath: evidence?.path ?? null,
        evidenceName: evidence?.name ?? null,
        evidenceMimeType: evidence?.mimeType ?? null,
        status: "PENDING",
      },
      select: { id: true },
    });
    return { id: certification.id, labelName: label.name };
  } catch (error) {
    await deleteUpload(evidence?.path);
    throw error;
  }
}

/** Withdraws a claim still awaiting review, and deletes its evidence. */
export async function withdrawClaim(organizationId: string, certificationId: string) {
  const certification = await db.certification.findFirst({
    where: { id: certificationId, organizationId },
    select: { id: true, status: true, evidencePath: true, label: { select: { name: true } } },
  });
  if (!certification) throw new RuleViolation("That claim no longer exists.");
  if (certification.status !== "PENDING") {
    throw new RuleViolation("Only a claim awaiting review can be withdrawn: this one has already been reviewed.");
  }
  // Guarded by status, so a claim reviewed a moment ago is not deleted under the reviewer.
  const { count } = await db.certification.deleteMany({ where: { id: certification.id, status: "PENDING" } });
  if (!count) throw new RuleViolation("This claim was reviewed a moment ago, so it can no longer be withdrawn.");
  await deleteUpload(certification.evidencePath);
  return { labelName: certification.label.name };
}

export const REVIEW_PAGE_SIZE = 20;

const reviewSelect = {
  ...certificationSelect,
  organization: { select: { id: true, slug: true, name: true } },
  reviewedBy: { select: { name: true } },
} as const;

/**
 * The admins' queue: one status, or every status with claims awaiting review first. Oldest first within each, so
 * the longest-waiting claim is at the top.
 */
export async function listForReview(filter: { status?: CertificationStatus; page: number }, now = new Date()) {
  const skip = (filter.page - 1) * REVIEW_PAGE_SIZE;
  const orderBy = [{ createdAt: "asc" as const }, { id: "asc" as const }];
  if (filter.status) {
    const where = { status: filter.status };
    const [rows, total] = await Promise.all([
      db.certification.findMany({ where, orderBy, skip, take: REVIEW_PAGE_SIZE, select: reviewSelect }),
      db.certification.count({ where }),
    ]);
    return { certifications: rows.map((row) => present(row, now)), total, pageSize: REVIEW_PAGE_SIZE };
  }
  const [pendingTotal, total] = await Promise.all([
    db.certification.count({ where: { status: "PENDING" } }),
    db.certification.count(),
  ]);
  const pending =
    skip < pendingTotal
      ? await db.certification.findMany({
          where: { status: "PENDING" },
          orderBy,
          skip,
          take: REVIEW_PAGE_SIZE,
          select: reviewSelect,
        })
      : [];
  const room = REVIEW_PAGE_SIZE - pending.length;
  const others = room
    ? await db.certification.findMany({
        where: { status: { not: "PENDING" } },
        orderBy,
        skip: Math.max(0, skip - pendingTotal),
        take: room,
        select: reviewSelect,
      })
    : [];
  return { certifications: [...pending, ...others].map((row) => present(row, now)), total, pageSize: REVIEW_PAGE_SIZE };
}

/** An admin verifies, rejects or revokes a claim. Null when there is no such claim. */
export async function reviewCertification(
  admin: { id: string },
  certificationId: string,
  action: ReviewAction,
  reason: string | undefined,
  now = new Date(),
) {
  const certification = await db.certification.findUnique({
    where: { id: certificationId },
    select: {
      id: true,
      status: true,
      validFrom: true,
      validTo: true,
      organizationId: true,
      productId: true,
      label: { select: { name: true } },
      organization: { select: { name: true } },
    },
  });
  if (!certification) return null;
  assertRule(canReview(certification, action, reason, now));
  const note = reason?.trim() || null;
  // Guarded by the status we checked, so two admins deciding at once cannot both win.
  const count = await db.$transaction(async (tx) => {
    const { count } = await tx.certification.updateMany({
      where: { id: certification.id, status: certification.status },
      data: { status: statusAfterReview(action), reviewedById: admin.id, reviewedAt: now, reviewNote: note },
    });
    // The label facet of the products it covers changes with it.
    if (count) await announceLabelChange(tx, certification);
    return count;
  });
  if (!count) throw new RuleViolation("Someone else reviewed this claim a moment ago. Reload the page to see it.");
  return {
    labelName: certification.label.name,
    organizationName: certification.organization.name,
    status: statusAfterReview(action),
  };
}

/**
 * Marks every VERIFIED certification past its last valid instant as EXPIRED; returns how many. Display never waits
 * for this (effectiveStatus and visibleCertificationWhere already treat them as expired); it keeps the stored status
 * honest for admins and exports.
 */
export async function expireCertifications(now: Date) {
  return db.$transaction(async (tx) => {
    const lapsed = await tx.certification.findMany({
      where: { status: "VERIFIED", validTo: { lt: now } },
      select: { id: true, organizationId: true, productId: true },
    });
    if (!lapsed.length) return 0;
    await tx.certification.updateMany({ where: { id: { in: lapsed.map((row) => row.id) } }, data: { status: "EXPIRED" } });
    for (const certification of lapsed) await announceLabelChange(tx, certification);
    return lapsed.length;
  });
}

/** A product-level certification changes one product's labels; an organisation-level one changes all of its products'. */
async function announceLabelChange(tx: Prisma.TransactionClient, certification: { organizationId: string; productId: string | null }) {
  if (certification.productId) await enqueue(tx, "product.changed", { productIds: [certification.productId] });
  else await enqueue(tx, "organization.products-changed", { organizationId: certification.organizationId });
}

/** Where a claim's evidence document is; null when there is no such claim or it has no evidence. */
export async function evidenceFor(certificationId: string) {
  const certification = await db.certification.findUnique({
    where: { id: certificationId },
    select: { organizationId: true, evidencePath: true, evidenceName: true, evidenceMimeType: true },
  });
  const absolutePath = certification?.evidencePath ? resolveUploadPath(certification.evidencePath) : null;
  if (!certification || !absolutePath) return null;
  return {
    absolutePath,
    mimeType: certification.evidenceMimeType ?? "application/octet-stream",
    name: certification.evidenceName ?? "evidence",
    organizationId: certification.organizationId,
  };
}

/** May this user open documents of this organisation? Its members may; platform admins may open any. */
export async function canOpenOrganizationDocuments(user: { id: string; isPlatformAdmin: boolean }, organizationId: string) {
  if (user.isPlatformAdmin) return true;
  const membership = await db.membership.findUnique({
    where: { userId_organizationId: { userId: user.id, organizationId } },
    select: { id: true },
  });
  return membership !== null;
}

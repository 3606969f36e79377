import { db } from "~/adapters/db.server";
import { VERIFICATION_KINDS } from "~/domain/certifications";
import type { Prisma } from "~/generated/prisma/client";

/**
 * The database form of `isBadgeShown` (app/domain/certifications.ts): VERIFIED, already valid, and not past its
 * last valid instant (validTo null = open-ended). Reuse it wherever certifications are shown to the public.
 */
export function visibleCertificationWhere(now: Date) {
  return {
    status: "VERIFIED",
    validFrom: { lte: now },
    OR: [{ validTo: null }, { validTo: { gte: now } }],
  } satisfies Prisma.CertificationWhereInput;
}

/** Holders shown in public: organisation-level claims, and product-level claims on products still for sale. */
function publicHolderWhere(now: Date) {
  return {
    AND: [visibleCertificationWhere(now), { OR: [{ productId: null }, { product: { status: "ACTIVE" } }] }],
  } satisfies Prisma.CertificationWhereInput;
}

const labelSelect = {
  slug: true,
  name: true,
  summary: true,
  issuer: true,
  verificationKind: true,
  website: true,
} as const;

/** Every label, strongest verification first then by name, each with how many organisations and products hold it now. */
export async function listLabels(now = new Date()) {
  const [labels, holders] = await Promise.all([
    db.label.findMany({ select: { id: true, ...labelSelect } }),
    // One row per distinct (label, organisation, product) holder, so a renewed certificate is not counted twice.
    db.certification.groupBy({ by: ["labelId", "organizationId", "productId"], where: publicHolderWhere(now) }),
  ]);
  const counts = new Map<string, number>();
  for (const holder of holders) counts.set(holder.labelId, (counts.get(holder.labelId) ?? 0) + 1);
  return labels
    .map(({ id, ...label }) => ({ ...label, holderCount: counts.get(id) ?? 0 }))
    .sort(
      (a, b) =>
        VERIFICATION_KINDS.indexOf(a.verificationKind) - VERIFICATION_KINDS.indexOf(b.verificationKind) ||
        a.name.localeCompare(b.name, "en-GB", { sensitivity: "base" }),
    );
}

/** A label with the organisations and products that hold it right now; null when there is no such label. */
export async function getLabel(slug: string, now = new Date()) {
  const label = await db.label.findUnique({
    where: { slug },
    select: {
      ...labelSelect,
      criteria: true,
      certifications: {
        where: publicHolderWhere(now),
        select: {
          certifier: true,
          validTo: true,
          organization: { select: { slug: true, name: true, kind: true, country: true, region: true } },
          product: {
            select: { slug: true, title: true, organization: { select: { slug: true, name: true } } },
          },
        },
      },
    },
  });
  if (!label) return null;
  const { certifications, ...rest } = label;
  const organizations = new Map<string, (typeof certifications)[number]["organization"] & { certifier: string; validTo: Date | null }>();
  const products = new Map<string, NonNullable<(typeof certifications)[number]["product"]> & { certifier: string; validTo: Date | null }>();
  for (const { organization, product, certifier, validTo } of certifications) {
    // One entry per holder: when several claims are in date (a renewal), keep the one valid longest.
    if (product) {
      const kept = products.get(product.slug);
      if (!kept || outlasts(validTo, kept.validTo)) products.set(product.slug, { ...product, certifier, validTo });
    } else {
      const kept = organizations.get(organization.slug);
      if (!kept || outlasts(validTo, kept.validTo)) organizations.set(organization.slug, { ...organization, certifier, validTo });
    }
  }
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "en-GB", { sensitivity: "base" });
  return {
    ...rest,
    organizations: [...organizations.values()].sort(byName),
    products: [...products.values()].sort((a, b) => byName({ name: a.title }, { name: b.title })),
  };
}

function outlasts(validTo: Date | null, other: Date | null) {
  if (other === null) return false;
  return validTo === null || validTo.getTime() > other.getTime();
}

// A small branded catalogue for the search tests, built through the brand services (found, propose, approve) so the
// outbox events are the real ones. Self-contained: needs no seed data.
import { db } from "~/adapters/db.server";
import { foundBrand, proposeProduct, reviewProduct, type BrandActor } from "~/services/brands.server";
import { createOrganization, createUser } from "./factories";

const DAY_MS = 86_400_000;

type Organization = Awaited<ReturnType<typeof createOrganization>>;

async function listProduct(organization: Organization, categoryId: string, slug: string, title: string, retailPriceCents: number) {
  return db.product.create({
    data: {
      slug,
      title,
      summary: `${title} from ${organization.name}.`,
      description: `${title}, grown and packed by the members of ${organization.name}.`,
      organizationId: organization.id,
      categoryId,
      originCountry: organization.country,
      originRegion: organization.region,
      variants: { create: { sku: `${slug}-500g`, unitLabel: "500 g bag", caseSize: 12, retailPriceCents, wholesaleCasePriceCents: retailPriceCents * 10, stock: 40 } },
    },
  });
}

/** A verified product-level certification of `labelId`, valid from a month ago until `validTo` (null = open-ended). */
async function certify(product: { id: string; organizationId: string }, labelId: string, validTo: Date | null) {
  return db.certification.create({
    data: {
      labelId,
      organizationId: product.organizationId,
      productId: product.id,
      certifier: "Andes Fair Certification Body",
      certificateNumber: `AF-${product.id.slice(-6)}`,
      validFrom: new Date(Date.now() - 30 * DAY_MS),
      validTo,
      status: "VERIFIED",
    },
  });
}

/** A steward proposes its product and approves it, as the brand page would. */
async function approve(actor: BrandActor, brandId: string, productId: string) {
  const outcome = await proposeProduct(actor, brandId, productId);
  if (!outcome.ok) throw new Error(`Fixture product ${outcome.title} does not meet the standards: ${outcome.reasons.join(" ")}`);
  const proposal = await db.brandProduct.findUniqueOrThrow({ where: { brandId_productId: { brandId, productId } } });
  await reviewProduct(actor, proposal.id, "approve", undefined);
}

/**
 * Two brands founded by the producer co-op "Ayllu Growers":
 * - "Cordillera Commons" requires the "Andes Fair" label. It carries `expiring` (its certificate lapses at
 *   `expiresAt`) and `lasting` (open-ended certificate). `proposedOnly` is certified but still waits for a steward.
 * - "Highland Pantry" requires no label and carries `lasting` only.
 * `outsider` (another co-op, not a member) holds the label but carries no brand.
 *
 * Call `approveBrandProducts` to approve the marks; until then the products carry nothing.
 */
export async function createBrandedCatalog() {
  const steward = await createUser({ name: "Rosa Quispe" });
  const ayllu = await createOrganization({ name: "Ayllu Growers", slug: "ayllu-growers" }, [{ userId: steward.id, role: "OWNER" }]);
  const outsiderOrganization = await createOrganization({ name: "Valle Sur Growers", slug: "valle-sur-growers" });
  const category = await db.category.create({ data: { slug: "andean-grains", name: "Andean Grains" } });
  const label = await db.label.create({
    data: {
      slug: "andes-fair",
      name: "Andes Fair",
      summary: "Fair prices for Andean smallholders.",
      criteria: "A floor price and a community premium.",
      issuer: "Andes Fair Certification Body",
      verificationKind: "THIRD_PARTY",
    },
  });

  const expiresAt = new Date(Date.now() + 10 * DAY_MS);
  const expiring = await listProduct(ayllu, category.id, "ayllu-puno-quinoa", "Ayllu Puno Quinoa", 650);
  const lasting = await listProduct(ayllu, category.id, "ayllu-maca-powder", "Ayllu Maca Powder", 980);
  const proposedOnly = await listProduct(ayllu, category.id, "ayllu-chia-seeds", "Ayllu Chia Seeds", 540);
  const outsider = await listProduct(outsiderOrganization, category.id, "valle-sur-amaranth", "Valle Sur Amaranth", 470);
  const expiringCertification = await certify(expiring, label.id, expiresAt);
  for (const product of [lasting, proposedOnly, outsider]) await certify(product, label.id, null);

  const actor: BrandActor = {
    userId: steward.id,
    organization: { id: ayllu.id, name: ayllu.name, kind: ayllu.kind, legalForm: ayllu.legalForm },
    role: "OWNER",
  };
  const brandForm = { story: "Andean producer co-operatives selling under one shared mark.", primaryColor: "#1f4e5f", accentColor: "#e0a526", quorumPercent: 50, majorityPercent: 50 };
  const cordillera = await foundBrand(actor, { ...brandForm, name: "Cordillera Commons", requiredLabelIds: [label.id], allowedKinds: ["PRODUCER"], allowedLegalForms: [] });
  const highland = await foundBrand(actor, { ...brandForm, name: "Highland Pantry", requiredLabelIds: [], allowedKinds: [], allowedLegalForms: [] });

  return {
    actor,
    ayllu,
    category,
    label,
    expiresAt,
    expiringCertification,
    brands: { cordillera, highland },
    products: { expiring, lasting, proposedOnly, outsider },
  };
}

export type BrandedCatalog = Awaited<ReturnType<typeof createBrandedCatalog>>;

/** Approves the marks described on `createBrandedCatalog` (and leaves `proposedOnly` proposed). */
export async function approveBrandProducts({ actor, brands, products }: BrandedCatalog) {
  await approve(actor, brands.cordillera.id, products.expiring.id);
  await approve(actor, brands.cordillera.id, products.lasting.id);
  await approve(actor, brands.highland.id, products.lasting.id);
  const waiting = await proposeProduct(actor, brands.cordillera.id, products.proposedOnly.id);
  if (!waiting.ok) throw new Error(`Fixture product ${waiting.title} does not meet the standards: ${waiting.reasons.join(" ")}`);
}

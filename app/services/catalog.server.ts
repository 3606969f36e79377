import { db } from "~/adapters/db.server";
import { badgesFor } from "~/domain/certifications";
import type { CatalogQuery } from "~/domain/catalog-query";
import type { Prisma } from "~/generated/prisma/client";
import { visibleCertificationWhere } from "./labels.server";

export const productCardSelect = {
  slug: true,
  title: true,
  summary: true,
  originCountry: true,
  category: { select: { slug: true, name: true } },
  organization: { select: { slug: true, name: true } },
  variants: {
    orderBy: { retailPriceCents: "asc" },
    select: { retailPriceCents: true, unitLabel: true, stock: true },
  },
  images: { orderBy: { position: "asc" }, take: 1, select: { thumbPath: true, alt: true } },
} as const;

export async function featuredProducts(limit = 8) {
  return db.product.findMany({
    where: { status: "ACTIVE", featured: true },
    orderBy: { title: "asc" },
    take: limit,
    select: productCardSelect,
  });
}

/**
 * A product carries a label when it, or the organisation behind it, holds a visible certification for it.
 * The holders are looked up first (a few hundred rows at most, through the label index) and products are then
 * matched by id: Prisma's `some` becomes a correlated subquery that SQLite re-runs for every product, which took
 * seconds on a 10,000-product catalogue (see scripts/bench/catalog.ts).
 */
async function carriesLabelWhere(labelSlug: string, now: Date): Promise<Prisma.ProductWhereInput> {
  const holders = await db.certification.findMany({
    where: { ...visibleCertificationWhere(now), label: { slug: labelSlug } },
    select: { productId: true, organizationId: true },
  });
  const productIds = [...new Set(holders.flatMap((holder) => (holder.productId ? [holder.productId] : [])))];
  const organizationIds = [...new Set(holders.flatMap((holder) => (holder.productId ? [] : [holder.organizationId])))];
  return { OR: [{ id: { in: productIds } }, { organizationId: { in: organizationIds } }] };
}

const SORT_ORDER: Record<CatalogQuery["sort"], Prisma.ProductOrderByWithRelationInput[]> = {
  name: [{ title: "asc" }, { id: "asc" }],
  newest: [{ createdAt: "desc" }, { id: "asc" }],
  // Price sorts use the product's cheapest unit; see listProducts.
  "price-asc": [],
  "price-desc": [],
};

export async function listProducts(query: CatalogQuery, now = new Date()) {
  const where: Prisma.ProductWhereInput = {
    status: "ACTIVE",
    ...(query.category ? { category: { slug: query.category } } : {}),
    ...(query.label ? await carriesLabelWhere(query.label, now) : {}),
  };
  const skip = (query.page - 1) * query.perPage;
  const byPrice = query.sort === "price-asc" || query.sort === "price-desc";
  const [products, total, categories, labels] = await Promise.all([
    byPrice ? productsByPrice(where, query.sort === "price-asc" ? "asc" : "desc", skip, query.perPage) : db.product.findMany({
      where,
      orderBy: SORT_ORDER[query.sort],
      skip,
      take: query.perPage,
      select: productCardSelect,
    }),
    db.product.count({ where }),
    db.category.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } }),
    db.label.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } }),
  ]);
  return { products, total, pageSize: query.perPage, categories, labels };
}

/**
 * Prisma cannot order products by an aggregate of their variants, so the page's ids come from a grouped query on
 * variants (cheapest unit per product), then the cards are loaded for exactly those ids.
 */
async function productsByPrice(where: Prisma.ProductWhereInput, direction: "asc" | "desc", skip: number, take: number) {
  const cheapest = await db.variant.groupBy({
    by: ["productId"],
    where: { product: where },
    _min: { retailPriceCents: true },
    orderBy: [{ _min: { retailPriceCents: direction } }, { productId: "asc" }],
    skip,
    take,
  });
  const ids = cheapest.map((row) => row.productId);
  const cards = await db.product.findMany({ where: { id: { in: ids } }, select: { id: true, ...productCardSelect } });
  const byId = new Map(cards.map(({ id, ...card }) => [id, card]));
  return ids.map((id) => byId.get(id)!).filter(Boolean);
}

const certificationBadgeSelect = {
  status: true,
  validFrom: true,
  validTo: true,
  label: { select: { slug: true, name: true, verificationKind: true } },
} as const;

/** Everything the public product page shows; null when there is no such listed product. */
export async function getProduct(slug: string, now = new Date()) {
  const product = await db.product.findFirst({
    where: { slug, status: "ACTIVE" },
    select: {
      id: true,
      slug: true,
      title: true,
      summary: true,
      description: true,
      originCountry: true,
      originRegion: true,
      originPlace: true,
      category: { select: { slug: true, name: true } },
      organization: {
        select: {
          slug: true,
          name: true,
          kind: true,
          legalForm: true,
          country: true,
          verifiedAt: true,
          certifications: { where: { ...visibleCertificationWhere(now), productId: null }, select: certificationBadgeSelect },
        },
      },
      certifications: { where: visibleCertificationWhere(now), select: certificationBadgeSelect },
      images: { orderBy: { position: "asc" }, select: { path: true, thumbPath: true, alt: true, width: true, height: true } },
      provenance: {
        orderBy: { position: "asc" },
        select: {
          kind: true,
          place: true,
          country: true,
          occurredOn: true,
          description: true,
          lotCode: true,
          actorName: true,
          organization: { select: { slug: true, name: true } },
        },
      },
      variants: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          sku: true,
          unitLabel: true,
          caseSize: true,
          retailPriceCents: true,
          wholesaleCasePriceCents: true,
          stock: true,
          minOrderUnits: true,
          lotCode: true,
          priceBreaks: { orderBy: { minQuantity: "asc" }, select: { minQuantity: true, unitPriceCents: true } },
          priceComponents: { orderBy: { position: "asc" }, select: { kind: true, recipient: true, amountCents: true } },
        },
      },
    },
  });
  if (!product) return null;
  const { certifications, organization, ...rest } = product;
  const { certifications: organizationCertifications, ...producer } = organization;
  const badges = badgesFor([...certifications, ...organizationCertifications], now).map((badge) => badge.label);
  return { ...rest, organization: producer, badges };
}

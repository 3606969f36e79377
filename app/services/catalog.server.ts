import { db } from "~/adapters/db.server";
import { badgesFor } from "~/domain/certifications";
import type { CatalogQuery } from "~/domain/catalog-query";
import { Prisma } from "~/generated/prisma/client";
import type { CatalogSort } from "~/domain/catalog-options";
import { visibleCertificationWhere } from "./labels.server";

/**
 * What a product card shows: the cheapest unit (its price and label), how many units are on offer, whether any is in
 * stock and the first image. Every list of cards (catalog, home, producer, brand and campaign pages) is read through
 * productCardsByIds, so the rule for "from €x" and "out of stock" is written once, there.
 */
export type ProductCard = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  originCountry: string;
  categorySlug: string;
  categoryName: string;
  organizationName: string;
  /** The cheapest unit's price; null when the product has no units. */
  fromPriceCents: number | null;
  fromUnitLabel: string | null;
  variantCount: number;
  inStock: boolean;
  thumbPath: string | null;
  imageAlt: string | null;
};

type ProductCardRow = Omit<ProductCard, "variantCount" | "inStock" | "fromPriceCents"> & {
  variantCount: number | bigint;
  inStock: number | bigint | boolean;
  fromPriceCents: number | bigint | null;
};

// Portable SQL (SQLite and PostgreSQL), in three short queries: the page's ids, read in index order (title, date, or
// the stored cheapest price, Product.fromPriceCents); the total; and the card columns for those ids alone. Computing
// card columns for every match before the LIMIT, or each product's cheapest price while sorting, made a page of a
// 10,000-product catalogue 5–30 times slower. A product without units has no price and is left out of price sorts.
const PAGE_ORDER: Record<CatalogSort | "featured", { where: Prisma.Sql; order: Prisma.Sql }> = {
  name: { where: Prisma.empty, order: Prisma.sql`p."title", p."id"` },
  featured: { where: Prisma.empty, order: Prisma.sql`p."title", p."id"` },
  newest: { where: Prisma.empty, order: Prisma.sql`p."createdAt" DESC, p."id"` },
  "price-asc": { where: Prisma.sql`AND p."fromPriceCents" IS NOT NULL`, order: Prisma.sql`p."fromPriceCents", p."id"` },
  "price-desc": { where: Prisma.sql`AND p."fromPriceCents" IS NOT NULL`, order: Prisma.sql`p."fromPriceCents" DESC, p."id"` },
};

/**
 * Product cards matching `where` (SQL over p = Product alone, so counting reads one index), one page of them when
 * `take` is given, with the total number of matches: three queries, whatever the page size.
 */
export async function productCardsWhere(
  where: Prisma.Sql,
  { sort = "name", skip = 0, take }: { sort?: CatalogSort | "featured"; skip?: number; take?: number } = {},
): Promise<{ cards: ProductCard[]; total: number }> {
  const page = take === undefined ? Prisma.empty : Prisma.sql`LIMIT ${take} OFFSET ${skip}`;
  const order = PAGE_ORDER[sort];
  const matching = Prisma.sql`${where} ${order.where}`;
  const [ids, total] = await Promise.all([
    db.$queryRaw<{ id: string }[]>`SELECT p."id" FROM "Product" p WHERE ${matching} ORDER BY ${order.order} ${page}`,
    take === undefined ? null : countWhere(matching),
  ]);
  const cards = await productCardsByIds(ids.map((row) => row.id));
  return { cards, total: total ?? cards.length };
}

async function countWhere(where: Prisma.Sql): Promise<number> {
  const [row] = await db.$queryRaw<{ total: number | bigint }[]>`SELECT COUNT(*) AS "total" FROM "Product" p WHERE ${where}`;
  return Number(row.total);
}

/** Cards for these products, in the order given (ids of unknown products are skipped). */
export async function productCardsByIds(ids: readonly string[]): Promise<ProductCard[]> {
  if (ids.length === 0) return [];
  const rows = await db.$queryRaw<ProductCardRow[]>`
    SELECT p."id", p."slug", p."title", p."summary", p."originCountry",
      c."slug" AS "categorySlug", c."name" AS "categoryName", o."name" AS "organizationName",
      cheapest."retailPriceCents" AS "fromPriceCents", cheapest."unitLabel" AS "fromUnitLabel",
      (SELECT COUNT(*) FROM "Variant" v WHERE v."productId" = p."id") AS "variantCount",
      EXISTS (SELECT 1 FROM "Variant" v WHERE v."productId" = p."id" AND v."stock" > 0) AS "inStock",
      image."thumbPath" AS "thumbPath", image."alt" AS "imageAlt"
    FROM "Product" p
    JOIN "Category" c ON c."id" = p."categoryId"
    JOIN "Organization" o ON o."id" = p."organizationId"
    LEFT JOIN "Variant" cheapest ON cheapest."id" = (
      SELECT v."id" FROM "Variant" v WHERE v."productId" = p."id" ORDER BY v."retailPriceCents", v."position", v."id" LIMIT 1)
    LEFT JOIN "ProductImage" image ON image."id" = (
      SELECT i."id" FROM "ProductImage" i WHERE i."productId" = p."id" ORDER BY i."position", i."id" LIMIT 1)
    WHERE p."id" IN (${Prisma.join(ids)})`;
  const byId = new Map(
    rows.map(({ variantCount, inStock, fromPriceCents, ...card }) => [
      card.id,
      { ...card, fromPriceCents: fromPriceCents === null ? null : Number(fromPriceCents), variantCount: Number(variantCount), inStock: Boolean(Number(inStock)) },
    ]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function featuredProducts(limit = 8) {
  const { cards } = await productCardsWhere(Prisma.sql`p."status" = 'ACTIVE' AND p."featured" = ${true}`, { sort: "featured", take: limit });
  return cards;
}

/**
 * A product carries a label when it, or the organisation behind it, holds a visible certification for it. The
 * holders are looked up first (a few hundred rows at most, through the label index) and products matched by id: a
 * correlated subquery per product took seconds on a 10,000-product catalogue (see scripts/bench/catalog.ts).
 */
async function carriesLabelSql(labelSlug: string, now: Date): Promise<Prisma.Sql> {
  const holders = await db.certification.findMany({
    where: { ...visibleCertificationWhere(now), label: { slug: labelSlug } },
    select: { productId: true, organizationId: true },
  });
  const productIds = [...new Set(holders.flatMap((holder) => (holder.productId ? [holder.productId] : [])))];
  const organizationIds = [...new Set(holders.flatMap((holder) => (holder.productId ? [] : [holder.organizationId])))];
  const inList = (column: Prisma.Sql, ids: string[]) => (ids.length ? Prisma.sql`${column} IN (${Prisma.join(ids)})` : Prisma.sql`1 = 0`);
  return Prisma.sql`(${inList(Prisma.sql`p."id"`, productIds)} OR ${inList(Prisma.sql`p."organizationId"`, organizationIds)})`;
}

/** The catalog page: its cards and their total (productCardsWhere), plus the filters' options. */
export async function listProducts(query: CatalogQuery, now = new Date()) {
  const conditions = [Prisma.sql`p."status" = 'ACTIVE'`];
  if (query.category) conditions.push(Prisma.sql`p."categoryId" = (SELECT "id" FROM "Category" WHERE "slug" = ${query.category})`);
  if (query.label) conditions.push(await carriesLabelSql(query.label, now));
  const [{ cards, total }, categories, labels] = await Promise.all([
    productCardsWhere(Prisma.join(conditions, " AND "), { sort: query.sort, skip: (query.page - 1) * query.perPage, take: query.perPage }),
    db.category.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } }),
    db.label.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } }),
  ]);
  return { products: cards, total, pageSize: query.perPage, categories, labels };
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
      organizationId: true,
      organization: { select: { slug: true, name: true, kind: true, legalForm: true, country: true, verifiedAt: true } },
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
  // The product's own claims and its organisation's, in one query.
  const certifications = await db.certification.findMany({
    // AND, not a spread: visibleCertificationWhere has its own OR (the validTo check), which a second OR would replace.
    where: { AND: [visibleCertificationWhere(now), { OR: [{ productId: product.id }, { organizationId: product.organizationId, productId: null }] }] },
    select: certificationBadgeSelect,
  });
  const { organizationId: _organizationId, ...rest } = product;
  return { ...rest, badges: badgesFor(certifications, now).map((badge) => badge.label) };
}

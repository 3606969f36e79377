import { db } from "~/adapters/db.server";
import type { SearchDocument, SearchEngine } from "~/adapters/search/types";
import { badgesFor } from "~/domain/certifications";
import type { OutboxHandlers } from "~/services/outbox.server";
import type { Prisma } from "~/generated/prisma/client";
import { markdownToPlainText } from "~/lib/markdown.server";
import { visibleCertificationWhere } from "./labels.server";

const badgeSelect = {
  status: true,
  validFrom: true,
  validTo: true,
  label: { select: { slug: true, name: true, verificationKind: true } },
} as const;

/** The search documents of the ACTIVE products matching `where`; labels follow the same visibility rule as the pages. */
export async function buildSearchDocuments(where: Prisma.ProductWhereInput, now = new Date()): Promise<SearchDocument[]> {
  const products = await db.product.findMany({
    where: { ...where, status: "ACTIVE" },
    select: {
      id: true,
      slug: true,
      title: true,
      summary: true,
      description: true,
      originCountry: true,
      originRegion: true,
      createdAt: true,
      category: { select: { slug: true, name: true } },
      organization: {
        select: {
          slug: true,
          name: true,
          kind: true,
          certifications: { where: { ...visibleCertificationWhere(now), productId: null }, select: badgeSelect },
        },
      },
      certifications: { where: visibleCertificationWhere(now), select: badgeSelect },
      variants: { select: { retailPriceCents: true, wholesaleCasePriceCents: true, stock: true } },
    },
  });
  return products
    .filter((product) => product.variants.length > 0)
    .map((product) => ({
      id: product.id,
      slug: product.slug,
      title: product.title,
      summary: product.summary,
      description: markdownToPlainText(product.description),
      category: product.category.slug,
      categoryName: product.category.name,
      labels: badgesFor([...product.certifications, ...product.organization.certifications], now).map((badge) => badge.label.slug),
      producer: product.organization.slug,
      producerName: product.organization.name,
      organizationKind: product.organization.kind,
      country: product.originCountry,
      region: product.originRegion,
      brands: [],
      minPriceCents: Math.min(...product.variants.map((variant) => variant.retailPriceCents)),
      wholesale: product.variants.some((variant) => variant.wholesaleCasePriceCents > 0),
      inStock: product.variants.some((variant) => variant.stock > 0),
      createdAt: product.createdAt.getTime(),
    }));
}

/** Brings these products' documents up to date: listed ones are upserted, archived or deleted ones removed. */
export async function syncProducts(engine: SearchEngine, productIds: string[]) {
  if (!productIds.length) return;
  const documents = await buildSearchDocuments({ id: { in: productIds } });
  const listed = new Set(documents.map((document) => document.id));
  const gone = productIds.filter((id) => !listed.has(id));
  if (documents.length) await engine.upsert(documents);
  if (gone.length) await engine.remove(gone);
}

export async function reindexAll(engine: SearchEngine) {
  const documents = await buildSearchDocuments({});
  await engine.replaceAll(documents);
  return documents.length;
}

export function searchOutboxHandlers(engine: SearchEngine): OutboxHandlers {
  return {
    "product.changed": ({ productIds }) => syncProducts(engine, productIds),
    "organization.products-changed": async ({ organizationId }) => {
      const products = await db.product.findMany({ where: { organizationId }, select: { id: true } });
      await syncProducts(engine, products.map((product) => product.id));
    },
  };
}

import { db } from "~/adapters/db.server";

export const PRODUCTS_PAGE_SIZE = 24;

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
} as const;

export async function featuredProducts(limit = 8) {
  return db.product.findMany({
    where: { status: "ACTIVE", featured: true },
    orderBy: { title: "asc" },
    take: limit,
    select: productCardSelect,
  });
}

export async function listProducts(filter: { page: number; categorySlug?: string }) {
  const where = {
    status: "ACTIVE" as const,
    ...(filter.categorySlug ? { category: { slug: filter.categorySlug } } : {}),
  };
  const [products, total, categories] = await Promise.all([
    db.product.findMany({
      where,
      orderBy: [{ title: "asc" }, { id: "asc" }],
      skip: (filter.page - 1) * PRODUCTS_PAGE_SIZE,
      take: PRODUCTS_PAGE_SIZE,
      select: productCardSelect,
    }),
    db.product.count({ where }),
    db.category.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } }),
  ]);
  return { products, total, pageSize: PRODUCTS_PAGE_SIZE, categories };
}

export async function getProduct(slug: string) {
  return db.product.findFirst({
    where: { slug, status: "ACTIVE" },
    select: {
      slug: true,
      title: true,
      summary: true,
      description: true,
      originCountry: true,
      originRegion: true,
      originPlace: true,
      category: { select: { slug: true, name: true } },
      organization: { select: { slug: true, name: true, kind: true, legalForm: true, country: true, verifiedAt: true } },
      variants: {
        orderBy: { position: "asc" },
        select: {
          sku: true,
          unitLabel: true,
          caseSize: true,
          retailPriceCents: true,
          wholesaleCasePriceCents: true,
          stock: true,
          minOrderUnits: true,
        },
      },
    },
  });
}

import { db } from "~/adapters/db.server";
import type { OrganizationDocument, SearchDocument, SearchEngine } from "~/adapters/search/types";
import { meetsStandards, type BrandStandards, type Candidate } from "~/domain/brand-standards";
import { badgesFor } from "~/domain/certifications";
import { countryName } from "~/domain/countries";
import type { PartialOutboxHandlers } from "~/services/outbox.server";
import type { Prisma } from "~/generated/prisma/client";
import { markdownToPlainText } from "~/lib/markdown.server";
import { standardsInclude, standardsOf } from "./brands.server";
import { visibleCertificationWhere } from "./labels.server";

const badgeSelect = {
  status: true,
  validFrom: true,
  validTo: true,
  label: { select: { id: true, slug: true, name: true, verificationKind: true } },
} as const;

type ApprovedMark = { brand: Prisma.BrandGetPayload<{ include: typeof standardsInclude }> };

/**
 * Slugs of the brands an ACTIVE product carries now: approved by a steward and still meeting the standards — the
 * rule of `brandsOfProduct` (brands.server.ts), applied to marks and certifications the document query already
 * loaded, so indexing many products costs no query per product. `standardsByBrand` is shared across products.
 */
function carriedBrandSlugs(marks: ApprovedMark[], candidate: Candidate, standardsByBrand: Map<string, BrandStandards>): string[] {
  return marks
    .filter(({ brand }) => {
      let standards = standardsByBrand.get(brand.id);
      if (!standards) standardsByBrand.set(brand.id, (standards = standardsOf(brand)));
      return meetsStandards(standards, candidate).ok;
    })
    .map(({ brand }) => brand.slug)
    .sort();
}

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
          legalForm: true,
          certifications: { where: { ...visibleCertificationWhere(now), productId: null }, select: badgeSelect },
        },
      },
      certifications: { where: visibleCertificationWhere(now), select: badgeSelect },
      variants: { select: { retailPriceCents: true, wholesaleCasePriceCents: true, stock: true } },
      // Approved marks with their brand's standards, fetched for all products at once; checked below.
      brands: { where: { status: "APPROVED" }, select: { brand: { include: standardsInclude } } },
    },
  });
  const standardsByBrand = new Map<string, BrandStandards>();
  return products
    .filter((product) => product.variants.length > 0)
    .map((product) => {
      // The labels a product shows are the labels it holds: the same certifications count for the brand standards.
      const badges = badgesFor([...product.certifications, ...product.organization.certifications], now);
      const candidate: Candidate = { organization: product.organization, heldLabelIds: new Set(badges.map((badge) => badge.label.id)) };
      return {
        id: product.id,
        slug: product.slug,
        title: product.title,
        summary: product.summary,
        description: markdownToPlainText(product.description),
        category: product.category.slug,
        categoryName: product.category.name,
        labels: badges.map((badge) => badge.label.slug),
        producer: product.organization.slug,
        producerName: product.organization.name,
        organizationKind: product.organization.kind,
        country: product.originCountry,
        region: product.originRegion,
        brands: carriedBrandSlugs(product.brands, candidate, standardsByBrand),
        minPriceCents: Math.min(...product.variants.map((variant) => variant.retailPriceCents)),
        wholesale: product.variants.some((variant) => variant.wholesaleCasePriceCents > 0),
        inStock: product.variants.some((variant) => variant.stock > 0),
        createdAt: product.createdAt.getTime(),
      };
    });
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

/** The search documents of the organisations matching `where` (every organisation has a public page). */
export async function buildOrganizationDocuments(where: Prisma.OrganizationWhereInput): Promise<OrganizationDocument[]> {
  const organizations = await db.organization.findMany({
    where,
    select: { id: true, slug: true, name: true, kind: true, legalForm: true, country: true, region: true, story: true },
  });
  return organizations.map((organization) => ({ ...organization, countryName: countryName(organization.country) }));
}

/** Brings these organisations' documents up to date: existing ones are upserted, deleted ones removed. */
export async function syncOrganizations(engine: SearchEngine, organizationIds: string[]) {
  if (!organizationIds.length) return;
  const documents = await buildOrganizationDocuments({ id: { in: organizationIds } });
  const found = new Set(documents.map((document) => document.id));
  const gone = organizationIds.filter((id) => !found.has(id));
  if (documents.length) await engine.organizations.upsert(documents);
  if (gone.length) await engine.organizations.remove(gone);
}

async function syncProductsOf(engine: SearchEngine, organizationId: string) {
  const products = await db.product.findMany({ where: { organizationId }, select: { id: true } });
  await syncProducts(engine, products.map((product) => product.id));
}

/** Rebuilds both indexes from the database. */
export async function reindexAll(engine: SearchEngine) {
  const products = await buildSearchDocuments({});
  await engine.replaceAll(products);
  const organizations = await buildOrganizationDocuments({});
  await engine.organizations.replaceAll(organizations);
  return { products: products.length, organizations: organizations.length };
}

export function searchOutboxHandlers(engine: SearchEngine): PartialOutboxHandlers {
  return {
    "product.changed": ({ productIds }) => syncProducts(engine, productIds),
    "organization.products-changed": ({ organizationId }) => syncProductsOf(engine, organizationId),
    "organization.changed": async ({ organizationId }) => {
      await syncOrganizations(engine, [organizationId]);
      // Its products' documents carry its name and kind.
      await syncProductsOf(engine, organizationId);
    },
  };
}

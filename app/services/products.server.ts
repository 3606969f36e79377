import { db } from "~/adapters/db.server";
import { assertRule, RuleViolation } from "~/domain/errors";
import { IMAGE_TYPES } from "~/domain/file-types";
import { checkBreakdown, type PriceShare } from "~/domain/price-breakdown";
import { checkPriceBreaks, type PriceBreak } from "~/domain/price-breaks";
import type { ProductFields, ProvenanceStepInput, VariantFields } from "~/domain/product-forms";
import { sellsGoods } from "~/domain/organization-forms";
import { slugify, uniqueSlug } from "~/domain/slug";
import { notFound } from "~/lib/http.server";
import { deleteUpload, storeProductImage } from "~/lib/uploads.server";
import { enqueue } from "./outbox.server";
import type { PriceComponentKind } from "~/generated/prisma/client";

/** Only producer and supplier organisations list goods; buying co-ops and distributors do not. */
export function assertSells(organization: { kind: string }) {
  if (!sellsGoods(organization.kind)) {
    throw new RuleViolation("Only producer and supplier organisations list products.");
  }
}

export async function listCategories() {
  return db.category.findMany({ orderBy: { name: "asc" }, select: { id: true, slug: true, name: true } });
}

async function categoryIdFor(slug: string) {
  const category = await db.category.findUnique({ where: { slug }, select: { id: true } });
  if (!category) throw new RuleViolation("Choose a category from the list.");
  return category.id;
}

export async function listOrganizationProducts(organizationId: string, status: "ACTIVE" | "ARCHIVED") {
  return db.product.findMany({
    where: { organizationId, status },
    orderBy: { title: "asc" },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      updatedAt: true,
      category: { select: { name: true } },
      variants: { orderBy: { position: "asc" }, select: { sku: true, retailPriceCents: true, stock: true } },
      _count: { select: { provenance: true, images: true } },
    },
  });
}

const PRODUCT_NOT_FOUND = "That product does not exist or belongs to another organisation.";

/** The editor's header (title, status, public link); 404 unless the product belongs to the organisation. */
export async function getProductSummary(organizationId: string, productId: string) {
  const product = await db.product.findFirst({
    where: { id: productId, organizationId },
    select: { id: true, slug: true, title: true, status: true },
  });
  if (!product) throw notFound(PRODUCT_NOT_FOUND);
  return product;
}

/** The product with everything its editor shows; 404 unless it belongs to the organisation. */
export async function getProductForEditing(organizationId: string, productId: string) {
  const product = await db.product.findFirst({
    where: { id: productId, organizationId },
    include: {
      category: { select: { slug: true, name: true } },
      variants: {
        orderBy: { position: "asc" },
        include: {
          priceBreaks: { orderBy: { minQuantity: "asc" } },
          priceComponents: { orderBy: { position: "asc" } },
        },
      },
      provenance: { orderBy: { position: "asc" }, include: { organization: { select: { name: true, slug: true } } } },
      images: { orderBy: { position: "asc" } },
    },
  });
  if (!product) throw notFound(PRODUCT_NOT_FOUND);
  return product;
}

function productData(fields: ProductFields, categoryId: string) {
  return {
    title: fields.title,
    summary: fields.summary,
    description: fields.description,
    categoryId,
    originCountry: fields.originCountry,
    originRegion: fields.originRegion,
    originPlace: fields.originPlace ?? null,
  };
}

function variantData(fields: VariantFields) {
  return {
    sku: fields.sku,
    unitLabel: fields.unitLabel,
    caseSize: fields.caseSize,
    retailPriceCents: fields.retailPriceCents,
    wholesaleCasePriceCents: fields.wholesaleCasePriceCents,
    stock: fields.stock,
    minOrderUnits: fields.minOrderUnits,
    lotCode: fields.lotCode ?? null,
  };
}

async function assertSkuFree(sku: string, exceptVariantId?: string) {
  const existing = await db.variant.findUnique({ where: { sku }, select: { id: true } });
  if (existing && existing.id !== exceptVariantId) {
    throw new RuleViolation(`The SKU ${sku} is already used by another product. SKUs must be unique.`);
  }
}

export async function createProduct(
  organization: { id: string; kind: string },
  input: { product: ProductFields; variant: VariantFields },
) {
  assertSells(organization);
  const categoryId = await categoryIdFor(input.product.categorySlug);
  await assertSkuFree(input.variant.sku);
  const base = slugify(input.product.title);
  const taken = await db.product.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
  return db.$transaction(async (tx) => {
    const product = await tx.product.create({
      data: {
        ...productData(input.product, categoryId),
        slug: uniqueSlug(base, new Set(taken.map((row) => row.slug))),
        organizationId: organization.id,
        variants: { create: { ...variantData(input.variant), position: 0 } },
      },
    });
    await enqueue(tx, "product.changed", { productIds: [product.id] });
    return product;
  });
}

export async function updateProductDetails(organizationId: string, productId: string, fields: ProductFields) {
  await getProductForEditing(organizationId, productId);
  const categoryId = await categoryIdFor(fields.categorySlug);
  return db.$transaction(async (tx) => {
    const product = await tx.product.update({ where: { id: productId }, data: productData(fields, categoryId) });
    await enqueue(tx, "product.changed", { productIds: [productId] });
    return product;
  });
}

export async function setProductStatus(organizationId: string, productId: string, status: "ACTIVE" | "ARCHIVED") {
  await getProductForEditing(organizationId, productId);
  return db.$transaction(async (tx) => {
    const product = await tx.product.update({ where: { id: productId }, data: { status } });
    await enqueue(tx, "product.changed", { productIds: [productId] });
    return product;
  });
}

async function findVariant(organizationId: string, productId: string, variantId: string) {
  const variant = await db.variant.findFirst({
    where: { id: variantId, productId, product: { organizationId } },
    include: { priceComponents: true, priceBreaks: true },
  });
  if (!variant) throw notFound("That variant does not exist.");
  return variant;
}

export { findVariant as getVariantForEditing };

export async function addVariant(organizationId: string, productId: string, fields: VariantFields) {
  const product = await getProductForEditing(organizationId, productId);
  await assertSkuFree(fields.sku);
  return db.$transaction(async (tx) => {
    const variant = await tx.variant.create({ data: { ...variantData(fields), productId, position: product.variants.length } });
    await enqueue(tx, "product.changed", { productIds: [productId] });
    return variant;
  });
}

/**
 * Changing a variant's retail price would leave its breakdown summing to the old price, so a breakdown that no longer
 * adds up is removed with it (the editor then asks for a new one) rather than showing shoppers wrong shares.
 */
export async function updateVariant(organizationId: string, productId: string, variantId: string, fields: VariantFields) {
  const variant = await findVariant(organizationId, productId, variantId);
  await assertSkuFree(fields.sku, variantId);
  const priceChanged = variant.retailPriceCents !== fields.retailPriceCents;
  const breaksStillValid = checkPriceBreaks(variant.priceBreaks, fields.retailPriceCents).ok;
  return db.$transaction(async (tx) => {
    if (priceChanged) await tx.priceComponent.deleteMany({ where: { variantId } });
    if (!breaksStillValid) await tx.priceBreak.deleteMany({ where: { variantId } });
    const updated = await tx.variant.update({ where: { id: variantId }, data: variantData(fields) });
    await enqueue(tx, "product.changed", { productIds: [productId] });
    return updated;
  });
}

export async function deleteVariant(organizationId: string, productId: string, variantId: string) {
  const product = await getProductForEditing(organizationId, productId);
  if (!product.variants.some((variant) => variant.id === variantId)) throw notFound("That variant does not exist.");
  if (product.variants.length === 1) {
    throw new RuleViolation("A product needs at least one variant. Archive the product instead.");
  }
  await db.$transaction(async (tx) => {
    await tx.variant.delete({ where: { id: variantId } });
    await enqueue(tx, "product.changed", { productIds: [productId] });
  });
}

export type BreakdownRow = { kind: PriceComponentKind; recipient: string; amountCents: number };

/** Replaces the variant's breakdown; refuses one that does not add up exactly to the retail price. */
export async function saveBreakdown(organizationId: string, productId: string, variantId: string, rows: BreakdownRow[]) {
  const variant = await findVariant(organizationId, productId, variantId);
  const check = checkBreakdown(rows as PriceShare[], variant.retailPriceCents);
  if (!check.ok) throw new RuleViolation(check.message);
  await db.$transaction([
    db.priceComponent.deleteMany({ where: { variantId } }),
    db.priceComponent.createMany({ data: rows.map((row, position) => ({ ...row, variantId, position })) }),
  ]);
}

export async function savePriceBreaks(organizationId: string, productId: string, variantId: string, breaks: PriceBreak[]) {
  const variant = await findVariant(organizationId, productId, variantId);
  assertRule(checkPriceBreaks(breaks, variant.retailPriceCents));
  await db.$transaction([
    db.priceBreak.deleteMany({ where: { variantId } }),
    db.priceBreak.createMany({ data: breaks.map((tier) => ({ ...tier, variantId })) }),
  ]);
}

export async function listPartnerOrganizations() {
  return db.organization.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

export async function addProvenanceStep(organizationId: string, productId: string, step: ProvenanceStepInput) {
  const product = await getProductForEditing(organizationId, productId);
  if (step.organizationId && !(await db.organization.count({ where: { id: step.organizationId } }))) {
    throw new RuleViolation("Choose an organisation from the list.");
  }
  return db.provenanceStep.create({
    data: {
      productId,
      position: product.provenance.length,
      kind: step.kind,
      organizationId: step.organizationId || null,
      actorName: step.actorName || null,
      place: step.place,
      country: step.country,
      occurredOn: step.occurredOn ?? null,
      description: step.description || null,
      lotCode: step.lotCode || null,
    },
  });
}

export async function removeProvenanceStep(organizationId: string, productId: string, stepId: string) {
  const product = await getProductForEditing(organizationId, productId);
  const remaining = product.provenance.filter((step) => step.id !== stepId);
  if (remaining.length === product.provenance.length) throw notFound("That step does not exist.");
  await db.$transaction([
    db.provenanceStep.delete({ where: { id: stepId } }),
    ...remaining.map((step, position) => db.provenanceStep.update({ where: { id: step.id }, data: { position } })),
  ]);
}

/** Swaps a step with its neighbour; moving the first step up (or the last down) changes nothing. */
export async function moveProvenanceStep(organizationId: string, productId: string, stepId: string, direction: "up" | "down") {
  const product = await getProductForEditing(organizationId, productId);
  const index = product.provenance.findIndex((step) => step.id === stepId);
  if (index === -1) throw notFound("That step does not exist.");
  const other = product.provenance[direction === "up" ? index - 1 : index + 1];
  if (!other) return;
  const step = product.provenance[index];
  await db.$transaction([
    db.provenanceStep.update({ where: { id: step.id }, data: { position: other.position } }),
    db.provenanceStep.update({ where: { id: other.id }, data: { position: step.position } }),
  ]);
}

export const MAX_IMAGES_PER_PRODUCT = 8;

export async function addProductImage(organizationId: string, productId: string, file: File, alt: string) {
  const product = await getProductForEditing(organizationId, productId);
  if (product.images.length >= MAX_IMAGES_PER_PRODUCT) {
    throw new RuleViolation(`A product can have at most ${MAX_IMAGES_PER_PRODUCT} images. Remove one first.`);
  }
  const stored = await storeProductImage(file, IMAGE_TYPES);
  return db.productImage.create({ data: { ...stored, alt, productId, position: product.images.length } });
}

export async function removeProductImage(organizationId: string, productId: string, imageId: string) {
  const product = await getProductForEditing(organizationId, productId);
  const image = product.images.find((candidate) => candidate.id === imageId);
  if (!image) throw notFound("That image does not exist.");
  await db.productImage.delete({ where: { id: imageId } });
  await Promise.all([deleteUpload(image.path), deleteUpload(image.thumbPath)]);
}

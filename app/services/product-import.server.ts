import { db } from "~/adapters/db.server";
import { enqueue } from "./outbox.server";
import { checkPriceBreaks } from "~/domain/price-breaks";
import { compareCsvErrors, parseProductCsv, productsToCsv, type CsvError, type ParsedProduct } from "~/domain/product-csv";

/** Either the client or an interactive transaction: the preview runs inside the import's transaction too. */
type Client = Pick<typeof db, "category" | "product" | "variant">;

export type ImportAction = "create" | "update";
export type VariantPlan = {
  sku: string;
  action: ImportAction;
  /** The retail price changes and the variant has a price breakdown: it is removed (as in the variant editor). */
  removesBreakdown: boolean;
  /** The new retail price makes the variant's volume price breaks invalid: they are removed. */
  removesPriceBreaks: boolean;
};
export type ProductPlan = { slug: string; title: string; action: ImportAction; archived: boolean; variants: VariantPlan[] };
export type ImportPreview = { products: ProductPlan[]; errors: CsvError[] };
export type ImportCounts = { created: number; updated: number; variantsCreated: number; variantsUpdated: number };
export type ImportResult = { ok: true; counts: ImportCounts } | { ok: false; preview: ImportPreview };

type ExistingVariant = {
  id: string;
  sku: string;
  retailPriceCents: number;
  position: number;
  product: { id: string; slug: string; organizationId: string };
  priceBreaks: { minQuantity: number; unitPriceCents: number }[];
  _count: { priceComponents: number };
};

type Analysis = {
  preview: ImportPreview;
  parsed: ParsedProduct[];
  categoryIds: Map<string, string>;
  existingProducts: Map<string, { id: string; organizationId: string; status: string; maxPosition: number }>;
  existingVariants: Map<string, ExistingVariant>;
};

/** Parses the file and checks it against the database: slugs and SKUs that belong to another organisation are refused. */
async function analyse(client: Client, organizationId: string, csvText: string): Promise<Analysis> {
  const categories = await client.category.findMany({ select: { id: true, slug: true } });
  const categoryIds = new Map(categories.map((category) => [category.slug, category.id]));
  const { products: parsed, errors } = parseProductCsv(csvText, { categorySlugs: new Set(categoryIds.keys()) });

  const slugs = parsed.map((product) => product.slug);
  const skus = parsed.flatMap((product) => product.variants.map((variant) => variant.sku));
  const [productRows, variantRows] = await Promise.all([
    slugs.length
      ? client.product.findMany({
          where: { slug: { in: slugs } },
          select: { id: true, slug: true, organizationId: true, status: true, variants: { select: { position: true } } },
        })
      : [],
    skus.length
      ? client.variant.findMany({
          where: { sku: { in: skus } },
          select: {
            id: true,
            sku: true,
            retailPriceCents: true,
            position: true,
            product: { select: { id: true, slug: true, organizationId: true } },
            priceBreaks: { select: { minQuantity: true, unitPriceCents: true } },
            _count: { select: { priceComponents: true } },
          },
        })
      : [],
  ]);
  const existingProducts = new Map(
    productRows.map((product) => [
      product.slug,
      {
        id: product.id,
        organizationId: product.organizationId,
        status: product.status,
        maxPosition: Math.max(-1, ...product.variants.map((variant) => variant.position)),
      },
    ]),
  );
  const existingVariants = new Map(variantRows.map((variant) => [variant.sku, variant]));

  const plans: ProductPlan[] = [];
  for (const product of parsed) {
    const existing = existingProducts.get(product.slug);
    if (existing && existing.organizationId !== organizationId) {
      errors.push({
        row: product.row,
        column: "product_slug",
        message: `The product slug ${product.slug} is already used by another organisation: choose a different slug.`,
      });
    }
    const variants: VariantPlan[] = [];
    for (const variant of product.variants) {
      const current = existingVariants.get(variant.sku);
      if (current && current.product.organizationId !== organizationId) {
        errors.push({
          row: variant.row,
          column: "sku",
          message: `SKU ${variant.sku} is already used by another organisation's product: SKUs are unique on the whole marketplace.`,
        });
      } else if (current && current.product.slug !== product.slug) {
        errors.push({
          row: variant.row,
          column: "sku",
          message: `SKU ${variant.sku} belongs to your product ${current.product.slug}: a variant cannot move to another product. Use a new SKU, or put this row under ${current.product.slug}.`,
        });
      }
      const priceChanged = current !== undefined && current.retailPriceCents !== variant.retailPriceCents;
      variants.push({
        sku: variant.sku,
        action: current ? "update" : "create",
        removesBreakdown: priceChanged && current._count.priceComponents > 0,
        removesPriceBreaks: current !== undefined && !checkPriceBreaks(current.priceBreaks, variant.retailPriceCents).ok,
      });
    }
    plans.push({
      slug: product.slug,
      title: product.title,
      action: existing ? "update" : "create",
      archived: existing?.status === "ARCHIVED",
      variants,
    });
  }
  errors.sort(compareCsvErrors);
  return { preview: { products: plans, errors }, parsed, categoryIds, existingProducts, existingVariants };
}

/** What importing this file would create and update, and every error in it (nothing is written). */
export async function previewImport(organizationId: string, csvText: string): Promise<ImportPreview> {
  return (await analyse(db, organizationId, csvText)).preview;
}

function productData(product: ParsedProduct, categoryId: string) {
  return {
    title: product.title,
    summary: product.summary,
    description: product.description,
    categoryId,
    originCountry: product.originCountry,
    originRegion: product.originRegion,
    originPlace: product.originPlace ?? null,
  };
}

function variantData(variant: ParsedProduct["variants"][number]) {
  return {
    sku: variant.sku,
    unitLabel: variant.unitLabel,
    caseSize: variant.caseSize,
    retailPriceCents: variant.retailPriceCents,
    wholesaleCasePriceCents: variant.wholesaleCasePriceCents,
    stock: variant.stock,
    minOrderUnits: variant.minOrderUnits,
    lotCode: variant.lotCode ?? null,
  };
}

/**
 * Imports the file: checks it again (never trusting an earlier preview) and, only when it has no error at all, creates
 * or updates every product (by slug) and variant (by SKU) in one transaction. Variants missing from the file are kept.
 * Changing a retail price removes the variant's price breakdown, and price breaks that no longer fit, as the variant
 * editor does.
 */
export async function applyImport(organizationId: string, csvText: string): Promise<ImportResult> {
  return db.$transaction(
    async (tx) => {
      const analysis = await analyse(tx, organizationId, csvText);
      if (analysis.preview.errors.length) return { ok: false, preview: analysis.preview };
      const counts: ImportCounts = { created: 0, updated: 0, variantsCreated: 0, variantsUpdated: 0 };
      const newVariants: (ReturnType<typeof variantData> & { productId: string; position: number })[] = [];
      const changedProductIds: string[] = [];

      for (const [index, product] of analysis.parsed.entries()) {
        const plan = analysis.preview.products[index]!;
        const data = productData(product, analysis.categoryIds.get(product.categorySlug)!);
        const existing = analysis.existingProducts.get(product.slug);
        if (!existing) {
          const created = await tx.product.create({
            data: {
              ...data,
              slug: product.slug,
              organizationId,
              variants: { createMany: { data: product.variants.map((variant, position) => ({ ...variantData(variant), position })) } },
            },
            select: { id: true },
          });
          changedProductIds.push(created.id);
          counts.created += 1;
          counts.variantsCreated += product.variants.length;
          continue;
        }
        await tx.product.update({ where: { id: existing.id }, data });
        changedProductIds.push(existing.id);
        counts.updated += 1;
        let nextPosition = existing.maxPosition + 1;
        for (const [variantIndex, variant] of product.variants.entries()) {
          const current = analysis.existingVariants.get(variant.sku);
          const variantPlan = plan.variants[variantIndex]!;
          if (!current) {
            newVariants.push({ ...variantData(variant), productId: existing.id, position: nextPosition++ });
            continue;
          }
          if (variantPlan.removesBreakdown) await tx.priceComponent.deleteMany({ where: { variantId: current.id } });
          if (variantPlan.removesPriceBreaks) await tx.priceBreak.deleteMany({ where: { variantId: current.id } });
          await tx.variant.update({ where: { id: current.id }, data: variantData(variant) });
          counts.variantsUpdated += 1;
        }
      }
      if (newVariants.length) await tx.variant.createMany({ data: newVariants });
      counts.variantsCreated += newVariants.length;
      await enqueue(tx, "product.changed", { productIds: changedProductIds });
      return { ok: true, counts };
    },
    // A file of 5,000 rows is thousands of statements; SQLite does them quickly, but not always within the 5 s default.
    { maxWait: 10_000, timeout: 120_000 },
  );
}

/** The organisation's listed (ACTIVE) products as CSV, one row per variant; archived products are left out. */
export async function exportProductsCsv(organizationId: string): Promise<string> {
  const products = await db.product.findMany({
    where: { organizationId, status: "ACTIVE" },
    orderBy: [{ title: "asc" }, { slug: "asc" }],
    select: {
      slug: true,
      title: true,
      summary: true,
      description: true,
      originCountry: true,
      originRegion: true,
      originPlace: true,
      category: { select: { slug: true } },
      variants: {
        orderBy: [{ position: "asc" }, { sku: "asc" }],
        select: {
          sku: true,
          unitLabel: true,
          caseSize: true,
          retailPriceCents: true,
          wholesaleCasePriceCents: true,
          stock: true,
          minOrderUnits: true,
          lotCode: true,
        },
      },
    },
  });
  return productsToCsv(
    products.map((product) => ({
      slug: product.slug,
      title: product.title,
      summary: product.summary,
      description: product.description,
      categorySlug: product.category.slug,
      originCountry: product.originCountry,
      originRegion: product.originRegion,
      originPlace: product.originPlace ?? undefined,
      variants: product.variants.map((variant) => ({ ...variant, lotCode: variant.lotCode ?? undefined })),
    })),
  );
}

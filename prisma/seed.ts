// Demo data: realistic co-ops, people and products (see seed-data.ts). Every demo account shares DEMO_PASSWORD,
// listed in README.md. Run by `npm run setup` when the database is empty, or by hand with `npm run db:seed`.
import bcrypt from "bcryptjs";
import type { PrismaClient } from "~/generated/prisma/client";
import { categories, organizations, products, users } from "./seed-data";
import { seedProvenance } from "./seed-labels";
import { seedBrands } from "./seed-brands";
import { seedTrade } from "./seed-trade";

export const DEMO_PASSWORD = "solidarity-demo";

export async function isDatabaseEmpty(db: PrismaClient) {
  return (await db.organization.count()) === 0 && (await db.user.count()) === 0;
}

export async function seedDemoData(db: PrismaClient, { bcryptCost = 10 } = {}) {
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, bcryptCost);
  const verifiedAt = new Date("2026-01-15T09:00:00Z");
  const provenance = await db.$transaction(
    async (tx) => {
      const categoryIds = new Map<string, string>();
      for (const category of categories) {
        const row = await tx.category.create({ data: category });
        categoryIds.set(category.slug, row.id);
      }
      const organizationIds = new Map<string, string>();
      for (const { verified, ...organization } of organizations) {
        const row = await tx.organization.create({ data: { ...organization, verifiedAt: verified ? verifiedAt : null } });
        organizationIds.set(organization.slug, row.id);
      }
      let adminUserId: string | null = null;
      const userIds = new Map<string, string>();
      for (const { memberships, ...user } of users) {
        const row = await tx.user.create({
          data: {
            ...user,
            passwordHash,
            memberships: {
              create: memberships.map((membership) => ({
                role: membership.role,
                organizationId: organizationIds.get(membership.organizationSlug)!,
              })),
            },
          },
        });
        userIds.set(user.email, row.id);
        if (user.isPlatformAdmin) adminUserId ??= row.id;
      }
      if (!adminUserId) throw new Error("The demo data needs a platform admin to review its certifications");
      const productIds = new Map<string, string>();
      const variantIds = new Map<string, { id: string; retailPriceCents: number }>();
      for (const { variants, organizationSlug, categorySlug, ...product } of products) {
        const row = await tx.product.create({
          data: {
            ...product,
            organizationId: organizationIds.get(organizationSlug)!,
            categoryId: categoryIds.get(categorySlug)!,
            variants: { create: variants.map((variant, position) => ({ ...variant, position })) },
          },
          select: { id: true, variants: { select: { id: true, sku: true, retailPriceCents: true } } },
        });
        productIds.set(product.slug, row.id);
        for (const variant of row.variants) variantIds.set(variant.sku, variant);
      }
      await seedTrade(tx, { organizations: organizationIds, users: userIds, variants: variantIds });
      const seeded = await seedProvenance(tx, {
        organizations: organizationIds,
        products: productIds,
        variants: variantIds,
        adminUserId,
      });
      // Brands require labels, which the provenance seed creates.
      await seedBrands(tx, { organizations: organizationIds, users: userIds, products: productIds });
      return seeded;
    },
    { timeout: 60_000 },
  );
  return {
    organizations: organizations.length,
    users: users.length,
    products: products.length,
    labels: provenance.labels,
  };
}

import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/adapters/db.server";
import { loader as homeLoader } from "~/routes/_index";
import { loader as healthLoader } from "~/routes/healthz";
import { action as adminAction, loader as adminLoader } from "~/routes/admin._index";
import { loader as producerLoader } from "~/routes/producers.$slug";
import { loader as producersLoader } from "~/routes/producers._index";
import { loader as productLoader } from "~/routes/products.$slug";
import { loader as productsLoader } from "~/routes/products._index";
import { DEMO_PASSWORD, seedDemoData } from "../../prisma/seed";
import { organizations, products } from "../../prisma/seed-data";
import { createUser, sessionCookieFor } from "../support/factories";
import { call, flashFrom, get, post, readJson } from "../support/routes";
import { verifyLogin } from "~/services/accounts.server";

beforeAll(async () => {
  await seedDemoData(db, { bcryptCost: 4 });
});

describe("demo seed", () => {
  it("covers every kind of organisation, several countries, and 40+ products with variants", async () => {
    const kinds = await db.organization.groupBy({ by: ["kind"], _count: true });
    expect(kinds.map((row) => row.kind).sort()).toEqual(["BUYING_COOP", "DISTRIBUTOR", "PRODUCER", "SUPPLIER"]);
    expect(new Set(organizations.map((o) => o.country)).size).toBeGreaterThanOrEqual(5);
    expect(await db.organization.count()).toBeGreaterThanOrEqual(8);
    expect(await db.product.count()).toBeGreaterThanOrEqual(40);
    const variants = await db.variant.findMany();
    expect(variants.length).toBeGreaterThanOrEqual(products.length);
    for (const variant of variants) {
      expect(Number.isInteger(variant.retailPriceCents) && Number.isInteger(variant.wholesaleCasePriceCents)).toBe(true);
      // A case costs less than its units at retail, but not absurdly less.
      expect(variant.wholesaleCasePriceCents).toBeLessThan(variant.caseSize * variant.retailPriceCents);
      expect(variant.wholesaleCasePriceCents).toBeGreaterThan(variant.caseSize * variant.retailPriceCents * 0.5);
    }
  });

  it("lets every demo account log in with the documented password", async () => {
    for (const email of ["admin@marketplace.demo", "lucia@sierraverde.demo", "mateo@sierraverde.demo", "casey@shopper.demo"]) {
      expect(await verifyLogin(email, DEMO_PASSWORD)).not.toBeNull();
    }
  });
});

describe("public pages", () => {
  it("home shows featured products and verified producers from the seed", async () => {
    const data = await readJson(await call(homeLoader, get("/")));
    expect(data.products).toHaveLength(8);
    expect(data.products[0]).toMatchObject({ slug: expect.any(String), organizationName: expect.any(String) });
    const featured = await db.product.findMany({ where: { featured: true, status: "ACTIVE" }, select: { slug: true } });
    expect(data.products.map((p: { slug: string }) => p.slug).every((slug: string) => featured.some((f) => f.slug === slug))).toBe(true);
    expect(data.producers.length).toBeGreaterThan(0);
    for (const producer of data.producers) {
      expect(["PRODUCER", "SUPPLIER"]).toContain(producer.kind);
      expect(producer.verifiedAt).not.toBeNull();
    }
  });

  it("shows on each card the cheapest unit, whether there are others, stock and the first image", async () => {
    const all = await readJson(await call(productsLoader, get("/products?perPage=100")));
    expect(all.products.length).toBe(products.length);
    for (const card of all.products) {
      const product = await db.product.findUniqueOrThrow({
        where: { slug: card.slug },
        include: { variants: true, images: { orderBy: { position: "asc" } }, category: true, organization: true },
      });
      const cheapest = [...product.variants].sort((a, b) => a.retailPriceCents - b.retailPriceCents || a.position - b.position)[0];
      expect(card).toMatchObject({
        title: product.title,
        categoryName: product.category.name,
        organizationName: product.organization.name,
        fromPriceCents: cheapest?.retailPriceCents ?? null,
        fromUnitLabel: cheapest?.unitLabel ?? null,
        variantCount: product.variants.length,
        inStock: product.variants.some((variant) => variant.stock > 0),
        thumbPath: product.images[0]?.thumbPath ?? null,
      });
    }
    // A unit that runs out, and a cheaper one added, change the card.
    const target = all.products.find((card: { variantCount: number }) => card.variantCount === 1);
    const product = await db.product.findUniqueOrThrow({ where: { slug: target.slug }, include: { variants: true } });
    await db.variant.update({ where: { id: product.variants[0].id }, data: { stock: 0 } });
    const mini = await db.variant.create({
      data: { productId: product.id, sku: `${product.variants[0].sku}-MINI`, unitLabel: "sample", caseSize: 1, retailPriceCents: 1, wholesaleCasePriceCents: 1, stock: 0, position: 9 },
    });
    const after = await readJson(await call(productsLoader, get("/products?perPage=100")));
    expect(after.products.find((card: { slug: string }) => card.slug === target.slug)).toMatchObject({
      fromPriceCents: 1,
      fromUnitLabel: "sample",
      variantCount: 2,
      inStock: false,
    });
    await db.variant.delete({ where: { id: mini.id } });
    await db.variant.update({ where: { id: product.variants[0].id }, data: { stock: product.variants[0].stock } });
  });

  it("sorts by the cheapest unit, kept by the database as units are added, repriced and removed", async () => {
    const cheapestFirst = async () => (await readJson(await call(productsLoader, get("/products?sort=price-asc&perPage=100")))).products;
    const before = await cheapestFirst();
    const last = before[before.length - 1];
    const product = await db.product.findUniqueOrThrow({ where: { slug: last.slug }, include: { variants: true } });
    // A new unit cheaper than anything else puts it first…
    const sample = await db.variant.create({
      data: { productId: product.id, sku: `${product.variants[0].sku}-TASTER`, unitLabel: "taster", caseSize: 1, retailPriceCents: 2, wholesaleCasePriceCents: 2, stock: 5 },
    });
    expect((await cheapestFirst())[0]).toMatchObject({ slug: last.slug, fromPriceCents: 2 });
    // …a higher price for it moves it back…
    await db.variant.update({ where: { id: sample.id }, data: { retailPriceCents: 999_999 } });
    expect((await cheapestFirst()).at(-1)).toMatchObject({ slug: last.slug, fromPriceCents: last.fromPriceCents });
    // …and removing it leaves the product where it was.
    await db.variant.delete({ where: { id: sample.id } });
    expect((await cheapestFirst()).map((card: { slug: string }) => card.slug)).toEqual(before.map((card: { slug: string }) => card.slug));
    const descending = (await readJson(await call(productsLoader, get("/products?sort=price-desc&perPage=100")))).products;
    expect(descending.map((card: { slug: string }) => card.slug)[0]).toBe(last.slug);
  });

  it("paginates the catalog and filters by category", async () => {
    const first = await readJson(await call(productsLoader, get("/products")));
    expect(first.products).toHaveLength(24);
    expect(first.total).toBe(products.length);
    const second = await readJson(await call(productsLoader, get("/products?page=2")));
    expect(second.products).toHaveLength(products.length - 24);
    expect(second.products[0].slug).not.toBe(first.products[0].slug);
    const coffee = await readJson(await call(productsLoader, get("/products?category=coffee")));
    expect(coffee.total).toBe(products.filter((p) => p.categorySlug === "coffee").length);
    expect(coffee.products.every((p: { categorySlug: string }) => p.categorySlug === "coffee")).toBe(true);
    // A nonsense page number is page 1, not an error.
    expect((await call(productsLoader, get("/products?page=abc"))).status).toBe(200);
  });

  it("shows 24, 50 or 100 products per page as the shopper chooses, and 24 for anything else", async () => {
    expect(products.length).toBeGreaterThan(24);
    const fifty = await readJson(await call(productsLoader, get("/products?perPage=50&sort=price-asc")));
    expect(fifty.pageSize).toBe(50);
    expect(fifty.products).toHaveLength(Math.min(50, products.length));
    const prices = fifty.products.map((p: { fromPriceCents: number }) => p.fromPriceCents);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    for (const odd of ["7", "1000", "abc", "-50"]) {
      const page = await readJson(await call(productsLoader, get(`/products?perPage=${odd}`)));
      expect(page.pageSize).toBe(24);
      expect(page.products).toHaveLength(24);
    }
  });

  it("shows a product and an organisation, and 404s for unknown ones", async () => {
    const product = products[0];
    const data = await readJson(await call(productLoader, get(`/products/${product.slug}`), { params: { slug: product.slug } }));
    expect(data.product.variants.map((v: { sku: string }) => v.sku)).toEqual(product.variants.map((v) => v.sku));
    expect((await call(productLoader, get("/products/nope"), { params: { slug: "nope" } })).status).toBe(404);
    const producer = await readJson(await call(producerLoader, get("/producers/sierra-verde-coffee"), { params: { slug: "sierra-verde-coffee" } }));
    expect(producer.organization.products.length).toBeGreaterThanOrEqual(3);
    expect((await call(producerLoader, get("/producers/nope"), { params: { slug: "nope" } })).status).toBe(404);
  });

  it("filters the directory by kind, ignoring unknown kinds", async () => {
    const distributors = await readJson(await call(producersLoader, get("/producers?kind=DISTRIBUTOR")));
    expect(distributors.total).toBe(organizations.filter((o) => o.kind === "DISTRIBUTOR").length);
    const all = await readJson(await call(producersLoader, get("/producers?kind=PIRATES")));
    expect(all.total).toBe(organizations.length);
  });

  it("reports database health", async () => {
    const response = await call(healthLoader, get("/healthz"));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: { status: "ok" } });
  });
});

describe("platform admin", () => {
  it("is closed to everyone else with 403", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user.id);
    expect((await call(adminLoader, get("/admin", cookie))).status).toBe(403);
    const unverified = await db.organization.findFirstOrThrow({ where: { verifiedAt: null } });
    expect((await call(adminAction, post("/admin", { intent: "verify", organizationId: unverified.id }, cookie))).status).toBe(403);
    expect((await db.organization.findUniqueOrThrow({ where: { id: unverified.id } })).verifiedAt).toBeNull();
  });

  it("verifies and unverifies organisations", async () => {
    const admin = await createUser({ isPlatformAdmin: true });
    const cookie = await sessionCookieFor(admin.id);
    const unverified = await db.organization.findFirstOrThrow({ where: { verifiedAt: null } });
    const response = await call(adminAction, post("/admin", { intent: "verify", organizationId: unverified.id }, cookie));
    expect(await flashFrom(response)).toMatchObject({ text: `${unverified.name} is verified.` });
    expect((await db.organization.findUniqueOrThrow({ where: { id: unverified.id } })).verifiedAt).not.toBeNull();
    await call(adminAction, post("/admin", { intent: "unverify", organizationId: unverified.id }, cookie));
    expect((await db.organization.findUniqueOrThrow({ where: { id: unverified.id } })).verifiedAt).toBeNull();
    expect((await call(adminAction, post("/admin", { intent: "explode", organizationId: unverified.id }, cookie))).status).toBe(400);
    expect((await call(adminAction, post("/admin", { intent: "verify", organizationId: "gone" }, cookie))).status).toBe(404);
  });
});

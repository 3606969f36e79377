import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { catalogDataVersion, noteStatement, tableWrittenBy } from "~/adapters/catalog-version.server";
import { db, insertRows, runEach } from "~/adapters/db.server";
import { createSession } from "~/services/accounts.server";
import { createOrganization, createUser } from "../support/factories";

describe("tableWrittenBy", () => {
  it.each([
    // As Prisma 6 (query compiler, SQLite) sends them.
    ["INSERT INTO `main`.`Product` (`id`, `slug`, `title`) VALUES (?,?,?) RETURNING `id` AS `id`", "Product"],
    ["UPDATE `main`.`Variant` SET `stock` = (`main`.`Variant`.`stock` - ?) WHERE (`main`.`Variant`.`id` = ? AND 1=1) RETURNING `id` AS `id`", "Variant"],
    ["DELETE FROM `main`.`Session` WHERE (`main`.`Session`.`id` = ? AND 1=1)", "Session"],
    [
      "INSERT INTO `main`.`RateLimitBucket` (`key`, `windowStart`, `count`) VALUES (?,?,?) ON CONFLICT  (`key`) DO UPDATE SET `count` = (`main`.`RateLimitBucket`.`count` + ?)",
      "RateLimitBucket",
    ],
    // Written by hand (runEach, insertRows, $executeRaw).
    ['UPDATE "Variant" SET stock = stock - ? WHERE id = ?', "Variant"],
    ['UPDATE "Variant" SET "stock" = "stock" - ? WHERE "id" = ? AND "stock" >= ?', "Variant"],
    ['INSERT INTO "Category" ("id","slug","name") VALUES (?,?,?)', "Category"],
    ['INSERT OR IGNORE INTO "X" ("a") VALUES (?)', "X"],
    // Comments first, and writes behind a WITH (their table is not read: they count as an unknown one).
    ['-- restock\n/* by hand */ UPDATE "Variant" SET stock = 5', "Variant"],
    ['WITH low AS (SELECT id FROM "Variant" WHERE stock < 3) UPDATE "Variant" SET stock = 10 WHERE id IN (SELECT id FROM low)', "(unknown)"],
    ['INSERT OR REPLACE INTO "Certification" ("id") VALUES (?)', "Certification"],
    ['REPLACE INTO "Product" ("id") VALUES (?)', "Product"],
    ['UPDATE OR IGNORE "PriceBreak" SET "minUnits" = ?', "PriceBreak"],
    ['update "main"."Product" set title = ?', "Product"],
    ["delete from Category where id = ?", "Category"],
    ["insert into ProductImage (id) values (?)", "ProductImage"],
    ['\n      UPDATE "Organization" SET name = ?', "Organization"],
    ['  \t DELETE FROM "Brand"', "Brand"],
  ])("%j writes %s", (sql, table) => {
    expect(tableWrittenBy(sql)).toBe(table);
  });

  it.each([
    "SELECT `main`.`Product`.`id` FROM `main`.`Product` WHERE 1=1 LIMIT ? OFFSET ?",
    "select * from \"Variant\" where note = 'update Variant set stock = 0'",
    "SELECT 1",
    "BEGIN",
    "BEGIN IMMEDIATE",
    "COMMIT",
    "ROLLBACK",
    "PRAGMA journal_mode = WAL",
    "PRAGMA foreign_keys = ON",
    "",
  ])("%j writes nothing", (sql) => {
    expect(tableWrittenBy(sql)).toBeNull();
  });
});

describe("noteStatement", () => {
  it("moves the version for catalog tables and tables it does not know, not for the listed non-catalog ones", () => {
    const moves = (sql: string) => {
      const before = catalogDataVersion();
      noteStatement(sql);
      return catalogDataVersion() !== before;
    };
    expect(moves("UPDATE `main`.`Product` SET `title` = ?")).toBe(true);
    expect(moves('INSERT INTO "Certification" ("id") VALUES (?)')).toBe(true);
    expect(moves('INSERT INTO "SomeTableAddedLater" ("id") VALUES (?)')).toBe(true);
    expect(moves("UPDATE `main`.`Session` SET `expiresAt` = ?")).toBe(false);
    expect(moves('INSERT INTO "CartLine" ("id") VALUES (?)')).toBe(false);
    expect(moves("DELETE FROM `main`.`OutboxEvent` WHERE 1=1")).toBe(false);
    expect(moves("SELECT `main`.`Product`.`id` FROM `main`.`Product`")).toBe(false);
    expect(moves("BEGIN")).toBe(false);
  });
});

describe("catalog data version, through the real Prisma client", () => {
  let categoryId: string;
  let productId: string;
  let variantId: string;
  let userId: string;

  beforeAll(async () => {
    const category = await db.category.create({ data: { slug: "tea", name: "Tea" } });
    const organization = await createOrganization();
    const product = await db.product.create({
      data: {
        slug: "green-tea",
        title: "Green Tea",
        summary: "Leaves.",
        description: "Leaves, dried.",
        organizationId: organization.id,
        categoryId: category.id,
        originCountry: "JP",
        originRegion: "Shizuoka",
        variants: {
          create: { sku: "TEA-100", unitLabel: "100 g", caseSize: 10, retailPriceCents: 900, wholesaleCasePriceCents: 7000, stock: 50 },
        },
      },
      include: { variants: true },
    });
    categoryId = category.id;
    productId = product.id;
    variantId = product.variants[0].id;
    userId = (await createUser()).id;
  });

  /** Runs `write` and says whether the catalog data version moved during it. */
  async function moves(write: () => Promise<unknown>) {
    const before = catalogDataVersion();
    await write();
    return catalogDataVersion() !== before;
  }

  it("moves when a category is created or renamed", async () => {
    let id = "";
    expect(await moves(async () => (id = (await db.category.create({ data: { slug: "cocoa", name: "Cocoa" } })).id))).toBe(true);
    expect(await moves(() => db.category.update({ where: { id }, data: { name: "Cacao" } }))).toBe(true);
    expect(
      await moves(() => db.category.upsert({ where: { slug: "cocoa" }, create: { slug: "cocoa", name: "x" }, update: { name: "Cocoa" } })),
    ).toBe(true);
    expect((await db.category.findUniqueOrThrow({ where: { id } })).name).toBe("Cocoa");
  });

  it("moves when a product is created or edited, or a variant's stock changes", async () => {
    const organization = await createOrganization();
    expect(
      await moves(() =>
        db.product.create({
          data: {
            slug: "black-tea",
            title: "Black Tea",
            summary: "Leaves.",
            description: "Leaves, oxidised.",
            organizationId: organization.id,
            categoryId,
            originCountry: "IN",
            originRegion: "Assam",
          },
        }),
      ),
    ).toBe(true);
    expect(await moves(() => db.product.update({ where: { id: productId }, data: { title: "Sencha" } }))).toBe(true);
    expect(await moves(() => db.product.updateMany({ where: { categoryId }, data: { featured: true } }))).toBe(true);
    expect(await moves(() => db.variant.update({ where: { id: variantId }, data: { stock: { decrement: 1 } } }))).toBe(true);
    expect((await db.variant.findUniqueOrThrow({ where: { id: variantId } })).stock).toBe(49);
  });

  it("does not move for writes to sessions, the outbox or rate-limit buckets", async () => {
    let sessionId = "";
    expect(await moves(async () => (sessionId = (await createSession(userId)).id))).toBe(false);
    expect(await moves(() => db.session.update({ where: { id: sessionId }, data: { expiresAt: new Date(Date.now() + 60_000) } }))).toBe(false);
    expect(await moves(() => db.session.deleteMany({ where: { id: sessionId } }))).toBe(false);

    let eventId = "";
    expect(await moves(async () => (eventId = (await db.outboxEvent.create({ data: { topic: "test", payload: "{}" } })).id))).toBe(false);
    expect(await moves(() => db.outboxEvent.update({ where: { id: eventId }, data: { status: "DONE", processedAt: new Date() } }))).toBe(false);
    expect(await moves(() => db.outboxEvent.deleteMany({ where: { id: eventId } }))).toBe(false);

    const bucket = () =>
      db.rateLimitBucket.upsert({
        where: { key: "signup:127.0.0.1" },
        create: { key: "signup:127.0.0.1", windowStart: new Date(), count: 1 },
        update: { count: { increment: 1 } },
      });
    expect(await moves(bucket)).toBe(false);
    expect(await moves(bucket)).toBe(false);
    expect((await db.rateLimitBucket.findUniqueOrThrow({ where: { key: "signup:127.0.0.1" } })).count).toBe(2);
    expect(await moves(() => db.rateLimitBucket.deleteMany({}))).toBe(false);
  });

  it("does not move for reads", async () => {
    expect(
      await moves(async () => {
        await db.product.findMany({ include: { variants: true, category: true, organization: true } });
        await db.category.findUnique({ where: { slug: "tea" } });
        await db.variant.count();
        await db.$queryRaw`SELECT COUNT(*) AS n FROM "Product"`;
        await db.$transaction(async (tx) => tx.product.findFirst({ where: { id: productId } }));
      }),
    ).toBe(false);
  });

  it("moves for a write inside a transaction", async () => {
    expect(
      await moves(() =>
        db.$transaction(async (tx) => {
          const variant = await tx.variant.findUniqueOrThrow({ where: { id: variantId } });
          await tx.variant.update({ where: { id: variantId }, data: { stock: variant.stock + 5 } });
        }),
      ),
    ).toBe(true);
    expect(await moves(() => db.$transaction([db.product.update({ where: { id: productId }, data: { summary: "Fresh leaves." } })]))).toBe(true);
    // A transaction that only touches non-catalog tables leaves it alone.
    expect(await moves(() => db.$transaction(async (tx) => tx.outboxEvent.create({ data: { topic: "test", payload: "{}" } })))).toBe(false);
  });

  it("moves for insertRows and runEach on catalog tables inside a transaction, not on others", async () => {
    const id = crypto.randomUUID();
    expect(await moves(() => db.$transaction((tx) => insertRows(tx, "Category", [{ id, slug: "coffee", name: "Coffee" }])))).toBe(true);
    expect(await db.category.findUniqueOrThrow({ where: { id } })).toEqual({ id, slug: "coffee", name: "Coffee" });

    const stockBefore = (await db.variant.findUniqueOrThrow({ where: { id: variantId } })).stock;
    expect(
      await moves(() => db.$transaction((tx) => runEach(tx, 'UPDATE "Variant" SET "stock" = "stock" - ? WHERE "id" = ?', [[2, variantId]]))),
    ).toBe(true);
    expect((await db.variant.findUniqueOrThrow({ where: { id: variantId } })).stock).toBe(stockBefore - 2);

    const now = new Date();
    const event = { id: crypto.randomUUID(), topic: "test", payload: "{}", status: "PENDING", attempts: 0, availableAt: now, lastError: null, createdAt: now, processedAt: null };
    expect(await moves(() => db.$transaction((tx) => insertRows(tx, "OutboxEvent", [event])))).toBe(false);
    expect(await db.outboxEvent.findUnique({ where: { id: event.id } })).not.toBeNull();
  });
});

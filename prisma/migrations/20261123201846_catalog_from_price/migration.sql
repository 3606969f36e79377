-- AlterTable
ALTER TABLE "Product" ADD COLUMN "fromPriceCents" INTEGER;

-- CreateIndex
CREATE INDEX "Product_status_fromPriceCents_idx" ON "Product"("status", "fromPriceCents");

-- Product.fromPriceCents is the cheapest unit's retail price, kept here by the database so that no write path
-- (the app, a CSV import, a bulk insert, a hand-run statement) can leave it stale. (On PostgreSQL: the same three
-- triggers as plpgsql functions.)
UPDATE "Product" SET "fromPriceCents" = (SELECT MIN("retailPriceCents") FROM "Variant" WHERE "Variant"."productId" = "Product"."id");

CREATE TRIGGER "Variant_fromPrice_insert" AFTER INSERT ON "Variant" BEGIN
  UPDATE "Product" SET "fromPriceCents" = (SELECT MIN("retailPriceCents") FROM "Variant" WHERE "productId" = NEW."productId") WHERE "id" = NEW."productId";
END;

CREATE TRIGGER "Variant_fromPrice_update" AFTER UPDATE OF "retailPriceCents", "productId" ON "Variant" BEGIN
  UPDATE "Product" SET "fromPriceCents" = (SELECT MIN("retailPriceCents") FROM "Variant" WHERE "productId" = NEW."productId") WHERE "id" = NEW."productId";
  UPDATE "Product" SET "fromPriceCents" = (SELECT MIN("retailPriceCents") FROM "Variant" WHERE "productId" = OLD."productId") WHERE "id" = OLD."productId" AND OLD."productId" <> NEW."productId";
END;

CREATE TRIGGER "Variant_fromPrice_delete" AFTER DELETE ON "Variant" BEGIN
  UPDATE "Product" SET "fromPriceCents" = (SELECT MIN("retailPriceCents") FROM "Variant" WHERE "productId" = OLD."productId") WHERE "id" = OLD."productId";
END;

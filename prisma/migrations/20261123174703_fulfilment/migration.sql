-- DropIndex
DROP INDEX "Order_distributorOrganizationId_idx";

-- AlterTable
ALTER TABLE "Order" ADD COLUMN "deliveryDate" DATETIME;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Organization" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "legalForm" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "story" TEXT NOT NULL,
    "website" TEXT,
    "memberCount" INTEGER,
    "verifiedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "stripeAccountId" TEXT,
    "minimumWholesaleOrderCents" INTEGER NOT NULL DEFAULT 0,
    "distributorFeeBps" INTEGER NOT NULL DEFAULT 0,
    "deliveryFeeCents" INTEGER,
    "deliveryWeekdays" TEXT NOT NULL DEFAULT ''
);
INSERT INTO "new_Organization" ("country", "createdAt", "deliveryFeeCents", "distributorFeeBps", "id", "kind", "legalForm", "memberCount", "minimumWholesaleOrderCents", "name", "region", "slug", "story", "stripeAccountId", "updatedAt", "verifiedAt", "website") SELECT "country", "createdAt", "deliveryFeeCents", "distributorFeeBps", "id", "kind", "legalForm", "memberCount", "minimumWholesaleOrderCents", "name", "region", "slug", "story", "stripeAccountId", "updatedAt", "verifiedAt", "website" FROM "Organization";
DROP TABLE "Organization";
ALTER TABLE "new_Organization" RENAME TO "Organization";
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");
CREATE INDEX "Organization_kind_idx" ON "Organization"("kind");
CREATE TABLE "new_OrderLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orderId" TEXT NOT NULL,
    "fulfillmentId" TEXT NOT NULL,
    "variantId" TEXT,
    "productTitle" TEXT NOT NULL,
    "unitLabel" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "units" INTEGER NOT NULL,
    "unitPriceCents" INTEGER NOT NULL,
    "lineTotalCents" INTEGER NOT NULL,
    "shortUnits" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "OrderLine_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OrderLine_fulfillmentId_fkey" FOREIGN KEY ("fulfillmentId") REFERENCES "Fulfillment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OrderLine_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "Variant" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_OrderLine" ("fulfillmentId", "id", "lineTotalCents", "mode", "orderId", "productTitle", "quantity", "sku", "unitLabel", "unitPriceCents", "units", "variantId") SELECT "fulfillmentId", "id", "lineTotalCents", "mode", "orderId", "productTitle", "quantity", "sku", "unitLabel", "unitPriceCents", "units", "variantId" FROM "OrderLine";
DROP TABLE "OrderLine";
ALTER TABLE "new_OrderLine" RENAME TO "OrderLine";
CREATE INDEX "OrderLine_orderId_idx" ON "OrderLine"("orderId");
CREATE INDEX "OrderLine_fulfillmentId_idx" ON "OrderLine"("fulfillmentId");
CREATE INDEX "OrderLine_variantId_idx" ON "OrderLine"("variantId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Order_distributorOrganizationId_deliveryDate_idx" ON "Order"("distributorOrganizationId", "deliveryDate");

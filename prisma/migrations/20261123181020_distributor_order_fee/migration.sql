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
    "distributorOrderFeeCents" INTEGER NOT NULL DEFAULT 0,
    "deliveryFeeCents" INTEGER,
    "deliveryWeekdays" TEXT NOT NULL DEFAULT ''
);
INSERT INTO "new_Organization" ("country", "createdAt", "deliveryFeeCents", "deliveryWeekdays", "distributorFeeBps", "id", "kind", "legalForm", "memberCount", "minimumWholesaleOrderCents", "name", "region", "slug", "story", "stripeAccountId", "updatedAt", "verifiedAt", "website") SELECT "country", "createdAt", "deliveryFeeCents", "deliveryWeekdays", "distributorFeeBps", "id", "kind", "legalForm", "memberCount", "minimumWholesaleOrderCents", "name", "region", "slug", "story", "stripeAccountId", "updatedAt", "verifiedAt", "website" FROM "Organization";
DROP TABLE "Organization";
ALTER TABLE "new_Organization" RENAME TO "Organization";
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");
CREATE INDEX "Organization_kind_idx" ON "Organization"("kind");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

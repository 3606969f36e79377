-- CreateTable
CREATE TABLE "GroupOrder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "coordinatorOrganizationId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "opensAt" DATETIME NOT NULL,
    "closesAt" DATETIME NOT NULL,
    "deliveryDate" DATETIME NOT NULL,
    "pickupPointId" TEXT NOT NULL,
    "distributorOrganizationId" TEXT NOT NULL,
    "sharedFeesCents" INTEGER NOT NULL DEFAULT 0,
    "note" TEXT,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "openNoticeSentAt" DATETIME,
    "reminderSentAt" DATETIME,
    "closedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "GroupOrder_coordinatorOrganizationId_fkey" FOREIGN KEY ("coordinatorOrganizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "GroupOrder_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "GroupOrder_pickupPointId_fkey" FOREIGN KEY ("pickupPointId") REFERENCES "PickupPoint" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "GroupOrder_distributorOrganizationId_fkey" FOREIGN KEY ("distributorOrganizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GroupOrderProducer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "groupOrderId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "minimumOrderCents" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "GroupOrderProducer_groupOrderId_fkey" FOREIGN KEY ("groupOrderId") REFERENCES "GroupOrder" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "GroupOrderProducer_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GroupOrderOffer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "groupOrderId" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "casePriceCents" INTEGER NOT NULL,
    "caseSize" INTEGER NOT NULL,
    "casesOrdered" INTEGER,
    "unitsOrdered" INTEGER,
    CONSTRAINT "GroupOrderOffer_groupOrderId_fkey" FOREIGN KEY ("groupOrderId") REFERENCES "GroupOrder" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "GroupOrderOffer_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "Variant" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GroupOrderParticipant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "groupOrderId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "invitedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "GroupOrderParticipant_groupOrderId_fkey" FOREIGN KEY ("groupOrderId") REFERENCES "GroupOrder" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "GroupOrderParticipant_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GroupOrderMember" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "groupOrderId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "paymentMethod" TEXT NOT NULL DEFAULT 'PAY_AT_PICKUP',
    "joinedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "GroupOrderMember_groupOrderId_fkey" FOREIGN KEY ("groupOrderId") REFERENCES "GroupOrder" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "GroupOrderMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "GroupOrderMember_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GroupOrderLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "groupOrderId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "tolerance" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "GroupOrderLine_groupOrderId_fkey" FOREIGN KEY ("groupOrderId") REFERENCES "GroupOrder" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "GroupOrderLine_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "GroupOrderMember" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "GroupOrderLine_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "Variant" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GroupOrderAllocation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "groupOrderId" TEXT NOT NULL,
    "lineId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "requested" INTEGER NOT NULL,
    "tolerance" INTEGER NOT NULL,
    "units" INTEGER NOT NULL,
    "fromTolerance" INTEGER NOT NULL,
    "costCents" INTEGER NOT NULL,
    "cutReason" TEXT,
    CONSTRAINT "GroupOrderAllocation_groupOrderId_fkey" FOREIGN KEY ("groupOrderId") REFERENCES "GroupOrder" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Order" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" TEXT NOT NULL,
    "checkoutToken" TEXT NOT NULL,
    "buyerUserId" TEXT NOT NULL,
    "buyerOrganizationId" TEXT,
    "channel" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "contactName" TEXT NOT NULL,
    "contactEmail" TEXT NOT NULL,
    "contactPhone" TEXT,
    "handover" TEXT NOT NULL,
    "pickupPointId" TEXT,
    "distributorOrganizationId" TEXT,
    "deliveryAddress" TEXT,
    "deliveryPostcode" TEXT,
    "deliveryCity" TEXT,
    "deliveryCountry" TEXT,
    "poNumber" TEXT,
    "paymentMethod" TEXT NOT NULL,
    "netDays" INTEGER,
    "dueAt" DATETIME,
    "currency" TEXT NOT NULL DEFAULT 'EUR',
    "goodsCents" INTEGER NOT NULL,
    "distributionFeeCents" INTEGER NOT NULL,
    "deliveryFeeCents" INTEGER NOT NULL,
    "totalCents" INTEGER NOT NULL,
    "reservedUntil" DATETIME,
    "placedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "paidAt" DATETIME,
    "cancelledAt" DATETIME,
    "cancelReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "groupOrderId" TEXT,
    CONSTRAINT "Order_buyerUserId_fkey" FOREIGN KEY ("buyerUserId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Order_buyerOrganizationId_fkey" FOREIGN KEY ("buyerOrganizationId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Order_pickupPointId_fkey" FOREIGN KEY ("pickupPointId") REFERENCES "PickupPoint" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Order_distributorOrganizationId_fkey" FOREIGN KEY ("distributorOrganizationId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Order_groupOrderId_fkey" FOREIGN KEY ("groupOrderId") REFERENCES "GroupOrder" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Order" ("buyerOrganizationId", "buyerUserId", "cancelReason", "cancelledAt", "channel", "checkoutToken", "contactEmail", "contactName", "contactPhone", "createdAt", "currency", "deliveryAddress", "deliveryCity", "deliveryCountry", "deliveryFeeCents", "deliveryPostcode", "distributionFeeCents", "distributorOrganizationId", "dueAt", "goodsCents", "handover", "id", "netDays", "number", "paidAt", "paymentMethod", "pickupPointId", "placedAt", "poNumber", "reservedUntil", "status", "totalCents", "updatedAt") SELECT "buyerOrganizationId", "buyerUserId", "cancelReason", "cancelledAt", "channel", "checkoutToken", "contactEmail", "contactName", "contactPhone", "createdAt", "currency", "deliveryAddress", "deliveryCity", "deliveryCountry", "deliveryFeeCents", "deliveryPostcode", "distributionFeeCents", "distributorOrganizationId", "dueAt", "goodsCents", "handover", "id", "netDays", "number", "paidAt", "paymentMethod", "pickupPointId", "placedAt", "poNumber", "reservedUntil", "status", "totalCents", "updatedAt" FROM "Order";
DROP TABLE "Order";
ALTER TABLE "new_Order" RENAME TO "Order";
CREATE UNIQUE INDEX "Order_number_key" ON "Order"("number");
CREATE UNIQUE INDEX "Order_checkoutToken_key" ON "Order"("checkoutToken");
CREATE INDEX "Order_groupOrderId_idx" ON "Order"("groupOrderId");
CREATE INDEX "Order_buyerUserId_createdAt_idx" ON "Order"("buyerUserId", "createdAt");
CREATE INDEX "Order_buyerOrganizationId_createdAt_idx" ON "Order"("buyerOrganizationId", "createdAt");
CREATE INDEX "Order_status_reservedUntil_idx" ON "Order"("status", "reservedUntil");
CREATE INDEX "Order_distributorOrganizationId_idx" ON "Order"("distributorOrganizationId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "GroupOrder_status_closesAt_idx" ON "GroupOrder"("status", "closesAt");

-- CreateIndex
CREATE INDEX "GroupOrder_coordinatorOrganizationId_idx" ON "GroupOrder"("coordinatorOrganizationId");

-- CreateIndex
CREATE UNIQUE INDEX "GroupOrderProducer_groupOrderId_organizationId_key" ON "GroupOrderProducer"("groupOrderId", "organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "GroupOrderOffer_groupOrderId_variantId_key" ON "GroupOrderOffer"("groupOrderId", "variantId");

-- CreateIndex
CREATE UNIQUE INDEX "GroupOrderParticipant_groupOrderId_organizationId_key" ON "GroupOrderParticipant"("groupOrderId", "organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "GroupOrderMember_groupOrderId_userId_key" ON "GroupOrderMember"("groupOrderId", "userId");

-- CreateIndex
CREATE INDEX "GroupOrderLine_groupOrderId_variantId_idx" ON "GroupOrderLine"("groupOrderId", "variantId");

-- CreateIndex
CREATE UNIQUE INDEX "GroupOrderLine_memberId_variantId_key" ON "GroupOrderLine"("memberId", "variantId");

-- CreateIndex
CREATE UNIQUE INDEX "GroupOrderAllocation_lineId_key" ON "GroupOrderAllocation"("lineId");

-- CreateIndex
CREATE INDEX "GroupOrderAllocation_groupOrderId_memberId_idx" ON "GroupOrderAllocation"("groupOrderId", "memberId");

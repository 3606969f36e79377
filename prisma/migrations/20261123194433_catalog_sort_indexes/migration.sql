-- CreateIndex
CREATE INDEX "Product_status_title_idx" ON "Product"("status", "title");

-- CreateIndex
CREATE INDEX "Product_status_createdAt_idx" ON "Product"("status", "createdAt");

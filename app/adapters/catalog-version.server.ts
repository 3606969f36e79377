/**
 * A counter that moves whenever data public catalog pages are built from may have changed, so the page cache
 * (app/lib/page-cache.server.ts) knows when a stored page may be out of date. Every statement this process sends to
 * the database passes through noteStatement() (db.server.ts), including the bulk paths that bypass Prisma.
 *
 * Writes to tables no catalog page reads do not move it, so signing in, filling a cart or the outbox poller do not
 * empty the cache; every other table does (a table added later counts until it is listed here). Rolled-back writes
 * move it too: that only costs a re-render. Other processes' writes are not seen: the cache's TTL bounds those.
 */
const TABLES_NOT_ON_CATALOG_PAGES = new Set([
  "User",
  "Session",
  "Membership",
  "Invitation",
  "RateLimitBucket",
  "OutboxEvent",
  "Cart",
  "CartLine",
  "Order",
  "OrderLine",
  "Fulfillment",
  "Payment",
  "WebhookEvent",
  "LedgerEntry",
  "CreditTerms",
  "PickupPoint",
  "GroupOrder",
  "GroupOrderProducer",
  "GroupOrderOffer",
  "GroupOrderParticipant",
  "GroupOrderMember",
  "GroupOrderLine",
  "GroupOrderAllocation",
  "BrandApplication",
  "BrandVote",
  "BrandCampaign",
  "BrandCampaignProduct",
]);

const WRITE_STATEMENT =
  /^\s*(?:insert(?:\s+or\s+\w+)?\s+into|replace\s+into|update(?:\s+or\s+\w+)?|delete\s+from)\s+(?:[`"]?main[`"]?\s*\.\s*)?[`"]?(\w+)/i;

const LEADING_COMMENTS = /^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/;

/**
 * The table an INSERT, UPDATE, DELETE or REPLACE writes to; null for anything else (reads, BEGIN, PRAGMA…). A
 * statement starting WITH that writes somewhere is reported as an unknown table, so it counts.
 */
export function tableWrittenBy(sql: string): string | null {
  const statement = sql.replace(LEADING_COMMENTS, "");
  const table = WRITE_STATEMENT.exec(statement)?.[1];
  if (table) return table;
  return /^with\b/i.test(statement) && /\b(?:insert|update|delete|replace)\b/i.test(statement) ? "(unknown)" : null;
}

let version = 0;

export function noteStatement(sql: string): void {
  const table = tableWrittenBy(sql);
  if (table !== null && !TABLES_NOT_ON_CATALOG_PAGES.has(table)) version += 1;
}

export function catalogDataVersion(): number {
  return version;
}

import { refreshQueryPlannerStatistics } from "~/adapters/db.server";
import { env } from "~/lib/env.server";
import { recheckBrandMarks } from "./brands.server";
import { expireCertifications } from "./certifications.server";
import { releaseExpiredReservations } from "./checkout.server";
import { runGroupOrderSchedule } from "./group-orders.server";
import { deliverOutbox } from "./outbox-worker.server";

export const EXPIRY_INTERVAL_MS = 60 * 60 * 1000;
/** How often unpaid card orders are checked for an expired stock reservation. */
export const RESERVATION_INTERVAL_MS = 60 * 1000;
/** How often group orders are checked for opening notices, reminders and closing: they close within this of closesAt. */
export const GROUP_ORDER_INTERVAL_MS = 15 * 1000;
/** How often the outbox is polled: a product edit reaches search within about this long. */
export const OUTBOX_POLL_MS = 250;

// On globalThis rather than in a module variable, so a dev-server rebuild that re-evaluates this module does not
// start a second timer.
const STARTED = Symbol.for("solidarity-market.background-jobs");
type WithJobs = typeof globalThis & { [STARTED]?: boolean };

/**
 * Hourly (and at start): marks lapsed certifications as expired, rechecks brand marks, refreshes the planner's
 * statistics; errors are logged and the next run tries again.
 */
async function runExpiry() {
  try {
    const count = await expireCertifications(new Date());
    if (count) console.info(`[jobs] Marked ${count} lapsed certification${count === 1 ? "" : "s"} as expired.`);
    // Products that no longer meet their brand's standards lose the mark (pages already hide it; this records why).
    const removed = await recheckBrandMarks(new Date());
    if (removed) console.info(`[jobs] ${removed} product${removed === 1 ? "" : "s"} lost a brand mark.`);
  } catch (error) {
    console.error("[jobs] Expiring certifications failed:", error);
  }
  try {
    // Keeps the query planner's table statistics current as the catalogue grows (see optimizeSqlite).
    await refreshQueryPlannerStatistics();
  } catch (error) {
    console.error("[jobs] Refreshing query planner statistics failed:", error);
  }
}

/** Returns the stock of card orders that were never paid. */
async function runReservations() {
  try {
    const count = await releaseExpiredReservations(new Date());
    if (count) console.info(`[jobs] Released the stock of ${count} unpaid order${count === 1 ? "" : "s"}.`);
  } catch (error) {
    console.error("[jobs] Releasing expired reservations failed:", error);
  }
}

/** Opening notices, 24-hour reminders and closing at closesAt. Each step is guarded, so overlapping runs are harmless. */
async function runGroupOrders() {
  try {
    const result = await runGroupOrderSchedule(new Date(), env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`);
    for (const closed of result.closed) console.info(`[jobs] Closed group order ${closed.groupOrderId}: ${closed.cases} cases, ${closed.orders} orders.`);
  } catch (error) {
    console.error("[jobs] Group-order schedule failed:", error);
  }
}

let delivering = false;

/** One outbox pass at a time; a slow pass (search engine down, retries) never piles up behind itself. */
async function runOutbox() {
  if (delivering) return;
  delivering = true;
  try {
    await deliverOutbox();
  } catch (error) {
    console.error("[jobs] Delivering outbox events failed:", error);
  } finally {
    delivering = false;
  }
}

/**
 * Starts the in-process background jobs, once per process (later calls do nothing). The timer is unref'd so it
 * never keeps the process alive on shutdown. Safe with several instances: each run is one idempotent UPDATE.
 */
export function startBackgroundJobs(): boolean {
  const holder = globalThis as WithJobs;
  if (holder[STARTED]) return false;
  holder[STARTED] = true;
  void runExpiry();
  setInterval(() => void runExpiry(), EXPIRY_INTERVAL_MS).unref();
  void runReservations();
  setInterval(() => void runGroupOrders(), GROUP_ORDER_INTERVAL_MS).unref();
  setInterval(() => void runReservations(), RESERVATION_INTERVAL_MS).unref();
  setInterval(() => void runOutbox(), OUTBOX_POLL_MS).unref();
  return true;
}

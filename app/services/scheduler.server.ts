import { expireCertifications } from "./certifications.server";

export const EXPIRY_INTERVAL_MS = 60 * 60 * 1000;

// On globalThis rather than in a module variable, so a dev-server rebuild that re-evaluates this module does not
// start a second timer.
const STARTED = Symbol.for("solidarity-market.background-jobs");
type WithJobs = typeof globalThis & { [STARTED]?: boolean };

/** Marks lapsed certifications as expired now and then hourly; errors are logged and the next run tries again. */
async function runExpiry() {
  try {
    const count = await expireCertifications(new Date());
    if (count) console.info(`[jobs] Marked ${count} lapsed certification${count === 1 ? "" : "s"} as expired.`);
  } catch (error) {
    console.error("[jobs] Expiring certifications failed:", error);
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
  return true;
}

/**
 * Checkout benchmark: places orders through the real `/checkout` route action (session cookie, form parsing,
 * validation, placeOrder's transaction, ledger, outbox emails, flash redirect) against a fresh, migrated SQLite
 * database in a temp folder, and prints orders/second and latency percentiles.
 *
 *   npx tsx scripts/bench/checkout.ts                  # 2,000 orders per phase, 16 in flight, 200 buyers
 *   npx tsx scripts/bench/checkout.ts 300              # 300 orders per phase
 *   npx tsx scripts/bench/checkout.ts 2000 32 400      # orders per phase, in flight (concurrent phase), buyers
 *
 * Two phases: sequential (one order in flight) and concurrent (several in flight, as at a rush). Orders run in
 * rounds: every buyer's cart is filled through addToCart (not timed), then each buyer places one order (timed).
 * Catalogue, buyers and carts come from a fixed seed, so two runs place the same orders. At the end the script checks
 * that stock fell by exactly the units ordered and that every order's ledger entries sum to zero, prints one
 * `BENCH {json}` line per phase for tools that gather benchmarks, and deletes the temp database.
 * Exit code 1 when any order failed or the consistency check did not pass.
 */
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { positiveIntegerArgument, prng, useThrowAwayDatabase } from "./support";

const USAGE = "usage: npx tsx scripts/bench/checkout.ts [orders per phase = 2000] [in flight = 16] [buyers = 200]";

const PRODUCERS = 20;
const PRODUCTS_PER_PRODUCER = 5;
const VARIANTS_PER_PRODUCT = 5; // 20 × 25 variants
const INITIAL_STOCK = 10_000_000; // never runs out: the benchmark measures placing orders, not refusing them
const DISTRIBUTOR_FEE_BPS = 500;
const WARM_UP_ORDERS = 100;
const PASSWORD = "bench-password-not-secret";
/** The address server.js would pass in the load context (TEST-NET-3, never a real client). */
const BENCH_CLIENT_ADDRESS = "203.0.113.7";

type Random = ReturnType<typeof prng>;

const positiveInteger = positiveIntegerArgument(USAGE);

function parseArgs(argv: string[]) {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE);
    process.exit(0);
  }
  const ordersPerPhase = positiveInteger(argv[0], 2_000, "orders per phase");
  const concurrency = positiveInteger(argv[1], 16, "in flight");
  // Each buyer has one cart, so no more orders can be in flight than there are buyers.
  const buyers = Math.max(positiveInteger(argv[2], 200, "buyers"), concurrency);
  return { ordersPerPhase, concurrency, buyers };
}

/**
 * Counts SQL statements: the Prisma driver adapter prepares every statement (BEGIN and COMMIT included) through
 * better-sqlite3's Database#prepare, so wrapping it is a cheap, exact counter. Must run before the client connects.
 */
let sqlStatements = 0;
function countSqlStatements() {
  const prepare = Database.prototype.prepare;
  Database.prototype.prepare = function (this: Database.Database, source: string) {
    sqlStatements += 1;
    return prepare.call(this, source);
  } as typeof prepare;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

type CartPlan = { lines: { variantId: string; quantity: number }[] };

type Catalogue = { producers: { variantIds: string[] }[] };

/** 1–5 lines from 1–3 producers, distinct variants, 1–8 units each (some reach a volume price break). */
function planCart(catalogue: Catalogue, rand: Random): CartPlan {
  const lineCount = rand.int(1, 5);
  const producerCount = rand.int(1, Math.min(3, lineCount));
  const producers = new Set<number>();
  while (producers.size < producerCount) producers.add(rand.int(0, catalogue.producers.length - 1));
  const chosen = [...producers];
  const variantIds = new Set<string>();
  // Every chosen producer gets at least one line; the rest go to any of them.
  for (let line = 0; variantIds.size < lineCount; line++) {
    const producer = catalogue.producers[line < chosen.length ? chosen[line] : rand.pick(chosen)];
    variantIds.add(rand.pick(producer.variantIds));
  }
  return { lines: [...variantIds].map((variantId) => ({ variantId, quantity: rand.int(1, 8) })) };
}

type PhaseResult = {
  phase: string;
  concurrency: number;
  orders: number;
  errors: number;
  wallMs: number;
  ordersPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  sqlPerOrder: number | null;
};

async function main() {
  const { ordersPerPhase, concurrency, buyers: buyerCount } = parseArgs(process.argv.slice(2));

  const database = useThrowAwayDatabase("checkout");

  let disconnect: (() => Promise<void>) | null = null;
  let failed = false;
  try {
    database.migrate();

    countSqlStatements();
    const { db } = await import("~/adapters/db.server");
    disconnect = () => db.$disconnect();
    const { sessionIdCookie } = await import("~/lib/cookies.server");
    const { signUp, createSession } = await import("~/services/accounts.server");
    const { addToCart } = await import("~/services/cart.server");
    const { newCheckoutToken } = await import("~/services/checkout.server");
    const { action } = await import("~/routes/checkout");
    // As `npm run setup` does for every real database.
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");

    // ---- Data ---------------------------------------------------------------------------------------------------
    const setupStarted = performance.now();
    const rand = prng(20261122);
    const category = await db.category.create({ data: { slug: "pantry", name: "Pantry" } });
    const catalogue: Catalogue = { producers: [] };
    for (let p = 0; p < PRODUCERS; p++) {
      const { user: owner } = await signUp({ email: `producer${p}@bench.example`, name: `Producer owner ${p}`, password: PASSWORD });
      const organization = await db.organization.create({
        data: {
          slug: `bench-producer-${p}`,
          name: `Bench Producers' Co-op ${p}`,
          kind: "PRODUCER",
          legalForm: "PRODUCER_COOP",
          country: "PE",
          region: "Cajamarca",
          story: "A producer co-operative generated for the checkout benchmark.",
          verifiedAt: new Date("2026-01-15T09:00:00Z"),
          memberships: { create: { userId: owner.id, role: "OWNER" } },
        },
      });
      const variantIds: string[] = [];
      for (let q = 0; q < PRODUCTS_PER_PRODUCER; q++) {
        const product = await db.product.create({
          data: {
            slug: `bench-product-${p}-${q}`,
            title: `Bench product ${p}-${q}`,
            summary: "Generated for the checkout benchmark.",
            description: "Generated for the checkout benchmark.",
            organizationId: organization.id,
            categoryId: category.id,
            originCountry: "PE",
            originRegion: "Cajamarca",
            variants: {
              create: Array.from({ length: VARIANTS_PER_PRODUCT }, (_, v) => {
                const retailPriceCents = rand.int(50, 500) * 5;
                const caseSize = rand.pick([6, 12, 24]);
                return {
                  sku: `BENCH-${p}-${q}-${v}`,
                  unitLabel: rand.pick(["250 g bag", "500 g bag", "1 kg bag", "bottle", "jar"]),
                  caseSize,
                  retailPriceCents,
                  wholesaleCasePriceCents: Math.round(retailPriceCents * caseSize * 0.8),
                  stock: INITIAL_STOCK,
                  position: v,
                  // A third have a volume price from 6 units, so some lines are priced by the break.
                  priceBreaks: rand.chance(1 / 3) ? { create: { minQuantity: 6, unitPriceCents: Math.round(retailPriceCents * 0.9) } } : undefined,
                };
              }),
            },
          },
          select: { variants: { select: { id: true } } },
        });
        variantIds.push(...product.variants.map((variant) => variant.id));
      }
      catalogue.producers.push({ variantIds });
    }
    const { user: distributorOwner } = await signUp({ email: "distributor@bench.example", name: "Distributor owner", password: PASSWORD });
    const distributor = await db.organization.create({
      data: {
        slug: "bench-distributor",
        name: "Bench Distribution Co-op",
        kind: "DISTRIBUTOR",
        legalForm: "WORKER_COOP",
        country: "DE",
        region: "Berlin",
        story: "A distributor co-operative generated for the checkout benchmark.",
        verifiedAt: new Date("2026-01-15T09:00:00Z"),
        distributorFeeBps: DISTRIBUTOR_FEE_BPS,
        deliveryFeeCents: 490,
        memberships: { create: { userId: distributorOwner.id, role: "OWNER" } },
      },
    });
    const pickupPoint = await db.pickupPoint.create({
      data: {
        organizationId: distributor.id,
        name: "Kiez pantry",
        address: "Weserstraße 1",
        postcode: "12047",
        city: "Berlin",
        country: "DE",
        openingHours: "Thu 16–19, Sat 10–13",
      },
    });
    const buyers: { userId: string; email: string; name: string; cookie: string }[] = [];
    for (let b = 0; b < buyerCount; b++) {
      const { user } = await signUp({ email: `buyer${b}@bench.example`, name: `Buyer ${b}`, password: PASSWORD });
      const session = await createSession(user.id);
      const cookie = (await sessionIdCookie.serialize(session.id)).split(";")[0];
      buyers.push({ userId: user.id, email: user.email, name: user.name, cookie });
    }
    const setupMs = performance.now() - setupStarted;

    // ---- Placing orders -----------------------------------------------------------------------------------------
    const unitsOrdered = new Map<string, number>();
    let ordersPlaced = 0;
    const errorCounts = new Map<string, number>();

    /** Empties the buyer's cart (a failed order leaves it full), then fills it through the cart service. */
    async function fillCart(buyer: (typeof buyers)[number], plan: CartPlan) {
      await db.cartLine.deleteMany({ where: { cart: { userId: buyer.userId } } });
      for (const line of plan.lines) {
        await addToCart({ userId: buyer.userId, guestCartId: null }, { variantId: line.variantId, mode: "UNIT", quantity: line.quantity }, { canBuyWholesale: false });
      }
    }

    /** One timed checkout; returns its latency, or null when it did not end in a redirect to the new order. */
    async function placeOne(buyer: (typeof buyers)[number], plan: CartPlan): Promise<number | null> {
      const form = {
        checkoutToken: newCheckoutToken(),
        contactName: buyer.name,
        contactEmail: buyer.email,
        handover: "PICKUP",
        pickupPointId: pickupPoint.id,
        paymentMethod: "PAY_AT_PICKUP",
      };
      const request = new Request("http://localhost/checkout", {
        method: "POST",
        body: new URLSearchParams(form),
        headers: { Cookie: buyer.cookie },
      });
      const started = performance.now();
      let response: Response;
      try {
        response = (await action({ request, params: {}, context: { clientAddress: BENCH_CLIENT_ADDRESS } })) as Response;
      } catch (thrown) {
        // Remix turns thrown Responses (e.g. a redirect to /login) into responses; anything else is a 500.
        if (thrown instanceof Response) response = thrown;
        else {
          const problem = `threw ${thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown)}`.replace(/\s+/g, " ").slice(0, 300);
          errorCounts.set(problem, (errorCounts.get(problem) ?? 0) + 1);
          return null;
        }
      }
      const elapsed = performance.now() - started;
      const location = response.headers.get("Location") ?? "";
      if (response.status !== 303 || !location.startsWith("/orders/")) {
        const body = location || (await response.text()).replace(/\s+/g, " ").slice(0, 300);
        const problem = `HTTP ${response.status} ${body}`;
        errorCounts.set(problem, (errorCounts.get(problem) ?? 0) + 1);
        return null;
      }
      ordersPlaced += 1;
      for (const line of plan.lines) unitsOrdered.set(line.variantId, (unitsOrdered.get(line.variantId) ?? 0) + line.quantity);
      return elapsed;
    }

    /** Runs `total` orders in rounds of one per buyer; only the rounds' checkouts are on the clock. */
    async function runPhase(phase: string, total: number, inFlight: number, seed: number): Promise<PhaseResult> {
      const planRand = prng(seed);
      const latencies: number[] = [];
      let errors = 0;
      let wallMs = 0;
      let statements = 0;
      for (let done = 0; done < total; ) {
        const round = Math.min(buyers.length, total - done);
        const jobs = buyers.slice(0, round).map((buyer) => ({ buyer, plan: planCart(catalogue, planRand) }));
        for (const job of jobs) await fillCart(job.buyer, job.plan);

        let next = 0;
        const worker = async () => {
          while (next < jobs.length) {
            const job = jobs[next++];
            const latency = await placeOne(job.buyer, job.plan);
            if (latency === null) errors += 1;
            else latencies.push(latency);
          }
        };
        const statementsBefore = sqlStatements;
        const started = performance.now();
        await Promise.all(Array.from({ length: Math.min(inFlight, jobs.length) }, worker));
        wallMs += performance.now() - started;
        statements += sqlStatements - statementsBefore;
        done += round;
      }
      latencies.sort((a, b) => a - b);
      return {
        phase,
        concurrency: inFlight,
        orders: total,
        errors,
        wallMs,
        ordersPerSecond: latencies.length / (wallMs / 1000),
        p50Ms: percentile(latencies, 50),
        p95Ms: percentile(latencies, 95),
        p99Ms: percentile(latencies, 99),
        maxMs: latencies.at(-1) ?? Number.NaN,
        // Nothing else touches the database while a round runs, so every statement belongs to a checkout.
        sqlPerOrder: sqlStatements > 0 ? statements / total : null,
      };
    }

    console.log(
      `\nCheckout benchmark — ${PRODUCERS} producers × ${PRODUCTS_PER_PRODUCER * VARIANTS_PER_PRODUCT} variants, ` +
        `${buyers.length} buyers, ${ordersPerPhase.toLocaleString("en-GB")} orders per phase, Node ${process.version}`,
    );
    console.log(`setup (catalogue, accounts, sessions) ${(setupMs / 1000).toFixed(1)} s; warming up…`);
    const warmUp = await runPhase("warm-up", Math.min(WARM_UP_ORDERS, ordersPerPhase), Math.min(4, concurrency), 1);
    const results = [
      await runPhase("sequential", ordersPerPhase, 1, 2),
      await runPhase("concurrent", ordersPerPhase, concurrency, 3),
    ];

    // ---- Consistency ----------------------------------------------------------------------------------------------
    const problems: string[] = [];
    const variants = await db.variant.findMany({ select: { id: true, sku: true, stock: true } });
    const wrongStock = variants.filter((variant) => INITIAL_STOCK - variant.stock !== (unitsOrdered.get(variant.id) ?? 0));
    if (wrongStock.length > 0) {
      const example = wrongStock[0];
      problems.push(
        `${wrongStock.length} variants' stock is off (e.g. ${example.sku}: fell by ${INITIAL_STOCK - example.stock}, ${unitsOrdered.get(example.id) ?? 0} units ordered)`,
      );
    }
    const orderCount = await db.order.count();
    if (orderCount !== ordersPlaced) problems.push(`${orderCount} orders in the database, ${ordersPlaced} redirects to an order`);
    const ledgerByOrder = await db.ledgerEntry.groupBy({ by: ["orderId"], _sum: { amountCents: true } });
    const unbalanced = ledgerByOrder.filter((entry) => (entry._sum.amountCents ?? 0) !== 0);
    if (unbalanced.length > 0) problems.push(`${unbalanced.length} orders' ledger entries do not sum to zero`);
    if (ledgerByOrder.length !== orderCount) problems.push(`${orderCount} orders but ${ledgerByOrder.length} have ledger entries`);

    // ---- Report ---------------------------------------------------------------------------------------------------
    const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : "n/a").padStart(7);
    console.log("");
    console.log("| phase      | in flight | orders | errors | wall s  | orders/s | p50 ms  | p95 ms  | p99 ms  | max ms  | SQL/order |");
    console.log("|------------|-----------|--------|--------|---------|----------|---------|---------|---------|---------|-----------|");
    for (const row of results) {
      console.log(
        `| ${row.phase.padEnd(10)} | ${String(row.concurrency).padStart(9)} | ${String(row.orders).padStart(6)} | ${String(row.errors).padStart(6)} | ` +
          `${(row.wallMs / 1000).toFixed(2).padStart(7)} | ${row.ordersPerSecond.toFixed(1).padStart(8)} | ${ms(row.p50Ms)} | ${ms(row.p95Ms)} | ` +
          `${ms(row.p99Ms)} | ${ms(row.maxMs)} | ${(row.sqlPerOrder === null ? "n/a" : row.sqlPerOrder.toFixed(1)).padStart(9)} |`,
      );
    }
    console.log("");
    console.log("Each order: POST /checkout through the route action (pickup, pay at pickup) with a 1–5 line cart from 1–3 producers;");
    console.log("latency is the action's time, wall time excludes filling carts. SQL/order counts statements incl. BEGIN/COMMIT.");
    console.log(`warm-up: ${warmUp.orders} orders, ${warmUp.errors} errors`);

    const totalErrors = warmUp.errors + results.reduce((sum, row) => sum + row.errors, 0);
    if (errorCounts.size > 0) {
      console.log(`\n${totalErrors} orders failed:`);
      for (const [problem, count] of [...errorCounts].slice(0, 10)) console.log(`  ${count} × ${problem}`);
    }
    console.log(
      problems.length === 0
        ? `\nconsistency: ok (${orderCount} orders; stock fell by exactly the units ordered; every order's ledger sums to zero)`
        : `\nconsistency: FAILED\n  ${problems.join("\n  ")}`,
    );
    // One JSON line per phase, for a script that gathers every benchmark into one table.
    for (const row of results) {
      const round = (value: number, digits: number) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : null);
      console.log(
        `BENCH ${JSON.stringify({
          bench: "checkout",
          phase: row.phase,
          concurrency: row.concurrency,
          orders: row.orders,
          errors: row.errors,
          wallSeconds: round(row.wallMs / 1000, 3),
          ordersPerSecond: round(row.ordersPerSecond, 1),
          p50Ms: round(row.p50Ms, 2),
          p95Ms: round(row.p95Ms, 2),
          p99Ms: round(row.p99Ms, 2),
          maxMs: round(row.maxMs, 2),
          sqlPerOrder: row.sqlPerOrder === null ? null : round(row.sqlPerOrder, 1),
          consistent: problems.length === 0,
        })}`,
      );
    }
    failed = totalErrors > 0 || problems.length > 0;
  } finally {
    await disconnect?.();
    database.remove();
  }
  if (failed) process.exitCode = 1;
}

// Runs when started as a script, never on import.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();

/**
 * Group-order close benchmark: closes group orders of 10,000 member lines over 1,000 variants through the real
 * `closeGroupOrder` (one transaction: allocation, stock, one order per member with fulfilments, payments and a
 * balanced ledger, emails in the outbox) against a fresh, migrated SQLite database in a temp folder.
 * Target (issue): the whole close in under 1 s.
 *
 *   npx tsx scripts/bench/group-order.ts             # 7 timed closes (after 1 warm-up), 20 timed allocate() runs
 *   npx tsx scripts/bench/group-order.ts 10 50       # timed closes, timed allocate() runs
 *   npx tsx scripts/bench/group-order.ts 1 --profile=close.cpuprofile   # CPU profile of the first timed close
 *
 * Data comes from a fixed seed: 50 producers × 20 variants (case sizes 6/12/24, some producers with a minimum order,
 * one whose minimum the group does not reach), a distributor with a pickup point and fee, 3 verified buying co-ops
 * with ~1,500 members, and 10,000 lines (at most one per member and variant, 1–12 units, tolerance 1–4 on ~40%).
 * Every close gets its own identical group order, inserted up front with createMany (not timed). Two numbers:
 *  (a) the pure allocate() on the same input as the close, repeated; (b) the whole closeGroupOrder, repeated.
 * Every close is checked: Σ allocated units per variant = cases × case size, stock fell by exactly those units,
 * every offline order's ledger sums to zero, the shared fees were split exactly. A table shows where a close's time
 * goes (SQL statements by kind, and the JavaScript time before them: Prisma building queries, the app's own code).
 * Prints one `BENCH {json}` line for tools that gather benchmarks, and deletes the temp database.
 * Exit code 1 when a close failed, a consistency check did not pass, or the close missed the target.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Session } from "node:inspector/promises";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import type { AllocationInput, AllocationResult } from "~/domain/allocation";
import type { Prisma } from "~/generated/prisma/client";
import { positiveIntegerArgument, prng, useThrowAwayDatabase } from "./support";

const USAGE = "usage: npx tsx scripts/bench/group-order.ts [timed closes = 7] [timed allocate() runs = 20] [--profile=FILE.cpuprofile]";

const PRODUCERS = 50;
const PRODUCTS_PER_PRODUCER = 4;
const VARIANTS_PER_PRODUCT = 5; // 50 × 20 = 1,000 variants
const COOPS = 3;
const MEMBER_USERS = 1_500;
const LINES = 10_000;
const INITIAL_STOCK = 10_000_000; // never runs out, so every close allocates the same
const DISTRIBUTOR_FEE_BPS = 500;
const SHARED_FEES_CENTS = 24_000; // the group's shipping, split over members by value
const WARM_UP_CLOSES = 1;
const WARM_UP_ALLOCATIONS = 3;
const TARGET_CLOSE_MS = 1_000;
const INSERT_CHUNK = 2_000;
/** Nobody logs in: a constant instead of 1,500 bcrypt hashes. */
const PASSWORD_HASH = "$2b$04$bench.group.order.not.a.real.hash.................";
const OPENS_AT = new Date("2026-11-02T08:00:00Z");
const CLOSES_AT = new Date("2026-11-09T18:00:00Z");
const DELIVERY_DATE = new Date("2026-11-13T00:00:00Z");
const LINE_INTERVAL_MS = 45_000; // lines arrive over ~5 days, in order


const positiveInteger = positiveIntegerArgument(USAGE);

function parseArgs(argv: string[]) {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE);
    process.exit(0);
  }
  const profileFile = argv.find((arg) => arg.startsWith("--profile="))?.slice("--profile=".length) || null;
  const positional = argv.filter((arg) => !arg.startsWith("--"));
  return { closes: positiveInteger(positional[0], 7, "timed closes"), allocateRuns: positiveInteger(positional[1], 20, "timed allocate() runs"), profileFile };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { runs: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? Number.NaN };
}

// ---- SQL tracing ------------------------------------------------------------------------------------------------

type StatementStats = { statements: number; rows: number; maxParams: number; sqlMs: number; jsBeforeMs: number };

/**
 * The Prisma driver adapter runs every statement synchronously as prepare → bind → run (writes) or all (reads) on
 * better-sqlite3, so wrapping those methods gives an exact count and time per statement, and the gap since the
 * previous statement ended is the JavaScript that led up to it (the app's code and Prisma building the query).
 * Must run before the client connects.
 */
const sqlTrace = {
  on: false,
  statements: 0,
  lastEndedAt: 0,
  current: null as null | { kind: string; startedAt: number; jsBeforeMs: number; params: number },
  byKind: new Map<string, StatementStats>(),
};

function statementKind(sql: string): string {
  const text = sql.trim();
  const verb = (text.split(/\s+/, 1)[0] ?? "").toUpperCase();
  const table = (pattern: RegExp) => text.match(pattern)?.[1] ?? "?";
  const name = String.raw`[\`"]?(?:main[\`"]?\.[\`"]?)?(\w+)`;
  if (verb === "SELECT") return `SELECT ${table(new RegExp(String.raw`\bFROM\s+${name}`, "i"))}`;
  if (verb === "INSERT") return `INSERT ${table(new RegExp(String.raw`^INSERT\s+INTO\s+${name}`, "i"))}`;
  if (verb === "UPDATE") return `UPDATE ${table(new RegExp(String.raw`^UPDATE\s+${name}`, "i"))}`;
  if (verb === "DELETE") return `DELETE ${table(new RegExp(String.raw`^DELETE\s+FROM\s+${name}`, "i"))}`;
  return verb; // BEGIN, COMMIT, PRAGMA …
}

function traceSql() {
  const probe = new Database(":memory:");
  const statementPrototype = Object.getPrototypeOf(probe.prepare("SELECT 1")) as Record<string, (...args: unknown[]) => unknown>;
  probe.close();

  const prepare = Database.prototype.prepare;
  Database.prototype.prepare = function (this: Database.Database, source: string) {
    sqlTrace.statements += 1;
    if (sqlTrace.on) {
      const startedAt = performance.now();
      sqlTrace.current = { kind: statementKind(source), startedAt, jsBeforeMs: startedAt - sqlTrace.lastEndedAt, params: 0 };
    }
    return prepare.call(this, source);
  } as typeof prepare;

  const bind = statementPrototype.bind;
  statementPrototype.bind = function (this: unknown, ...args: unknown[]) {
    if (sqlTrace.current) sqlTrace.current.params = Array.isArray(args[0]) ? args[0].length : args.length;
    return bind.apply(this, args);
  };
  const finish = (rows: number) => {
    const current = sqlTrace.current;
    if (!current) return;
    sqlTrace.current = null;
    const endedAt = performance.now();
    sqlTrace.lastEndedAt = endedAt;
    const entry = sqlTrace.byKind.get(current.kind) ?? { statements: 0, rows: 0, maxParams: 0, sqlMs: 0, jsBeforeMs: 0 };
    entry.statements += 1;
    entry.rows += rows;
    entry.maxParams = Math.max(entry.maxParams, current.params);
    entry.sqlMs += endedAt - current.startedAt;
    entry.jsBeforeMs += current.jsBeforeMs;
    sqlTrace.byKind.set(current.kind, entry);
  };
  const run = statementPrototype.run;
  statementPrototype.run = function (this: unknown, ...args: unknown[]) {
    const result = run.apply(this, args) as { changes: number };
    finish(result.changes);
    return result;
  };
  const all = statementPrototype.all;
  statementPrototype.all = function (this: unknown, ...args: unknown[]) {
    const rows = all.apply(this, args) as unknown[];
    finish(rows.length);
    return rows;
  };
}

// ---- Data ---------------------------------------------------------------------------------------------------------

type PaymentMethod = "PAY_AT_PICKUP" | "BANK_TRANSFER" | "CARD";
type PlannedLine = { memberUser: number; variant: number; quantity: number; tolerance: number };

/** Who orders what: the same for every group order. Popular variants get more lines, so fills vary. */
function planLines(rand: ReturnType<typeof prng>, variantCount: number) {
  const weights = Array.from({ length: variantCount }, () => 0.25 + 1.75 * rand.next() ** 2);
  const cumulative: number[] = [];
  weights.reduce((sum, weight, index) => (cumulative[index] = sum + weight), 0);
  const total = cumulative[cumulative.length - 1];
  const pickVariant = () => {
    const target = rand.next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle] > target) high = middle;
      else low = middle + 1;
    }
    return low;
  };
  const taken = new Set<string>();
  const lines: PlannedLine[] = [];
  while (lines.length < LINES) {
    const memberUser = rand.int(0, MEMBER_USERS - 1);
    const variant = pickVariant();
    const key = `${memberUser}:${variant}`;
    if (taken.has(key)) continue; // a member has at most one line per variant
    taken.add(key);
    lines.push({ memberUser, variant, quantity: rand.int(1, 12), tolerance: rand.chance(0.4) ? rand.int(1, 4) : 0 });
  }
  return lines;
}

type CloseCounts = {
  members: number;
  orders: number;
  cardOrders: number;
  cases: number;
  allocationRows: number;
  orderLines: number;
  fulfillments: number;
  ledgerEntries: number;
  emails: number;
};

async function main() {
  const { closes, allocateRuns, profileFile } = parseArgs(process.argv.slice(2));

  const database = useThrowAwayDatabase("group-order");

  let disconnect: (() => Promise<void>) | null = null;
  let failed = false;
  try {
    database.migrate();

    traceSql();
    const { db } = await import("~/adapters/db.server");
    disconnect = () => db.$disconnect();
    const { allocate } = await import("~/domain/allocation");
    const { closeGroupOrder } = await import("~/services/group-orders.server");
    // As `npm run setup` does for every real database.
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");

    // ---- Data (not timed) ---------------------------------------------------------------------------------------
    const setupStarted = performance.now();
    const rand = prng(20261123);
    const inChunks = async <T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) => {
      for (let start = 0; start < rows.length; start += INSERT_CHUNK) await insert(rows.slice(start, start + INSERT_CHUNK));
    };
    const verifiedAt = new Date("2026-01-15T09:00:00Z");
    const organization = (id: string, kind: "PRODUCER" | "DISTRIBUTOR" | "BUYING_COOP", name: string, extra: Partial<Prisma.OrganizationCreateManyInput> = {}) => ({
      id,
      slug: id,
      name,
      kind,
      legalForm: kind === "PRODUCER" ? ("PRODUCER_COOP" as const) : kind === "DISTRIBUTOR" ? ("WORKER_COOP" as const) : ("CONSUMER_COOP" as const),
      country: kind === "PRODUCER" ? "PE" : "DE",
      region: kind === "PRODUCER" ? "Cajamarca" : "Berlin",
      story: "Generated for the group-order benchmark.",
      verifiedAt,
      ...extra,
    });
    const user = (id: string, email: string, name: string) => ({ id, email, name, passwordHash: PASSWORD_HASH });

    const users: Prisma.UserCreateManyInput[] = [];
    const organizations: Prisma.OrganizationCreateManyInput[] = [];
    const memberships: Prisma.MembershipCreateManyInput[] = [];
    const producerIds = Array.from({ length: PRODUCERS }, (_, p) => `bench-producer-${p}`);
    for (const [p, id] of producerIds.entries()) {
      // Every fifth producer asks for a minimum order the group easily reaches; the last one sells only by the
      // pallet, so the group stays below its minimum and nothing is ordered from it.
      const minimumWholesaleOrderCents = p === PRODUCERS - 1 ? 5_000_000 : p % 5 === 0 ? rand.int(15, 60) * 1_000 : 0;
      organizations.push(organization(id, "PRODUCER", `Bench Producers' Co-op ${p}`, { minimumWholesaleOrderCents }));
      users.push(user(`bench-producer-owner-${p}`, `producer${p}@bench.example`, `Producer owner ${p}`));
      memberships.push({ userId: `bench-producer-owner-${p}`, organizationId: id, role: "OWNER" });
    }
    const distributorId = "bench-distributor";
    organizations.push(organization(distributorId, "DISTRIBUTOR", "Bench Distribution Co-op", { distributorFeeBps: DISTRIBUTOR_FEE_BPS, deliveryFeeCents: 490 }));
    users.push(user("bench-distributor-owner", "distributor@bench.example", "Distributor owner"));
    memberships.push({ userId: "bench-distributor-owner", organizationId: distributorId, role: "OWNER" });
    const coopIds = Array.from({ length: COOPS }, (_, c) => `bench-coop-${c}`);
    for (const [c, id] of coopIds.entries()) {
      organizations.push(organization(id, "BUYING_COOP", `Bench Food Co-op ${c}`));
      users.push(user(`bench-coop-owner-${c}`, `coop${c}@bench.example`, `Co-op coordinator ${c}`));
      memberships.push({ userId: `bench-coop-owner-${c}`, organizationId: id, role: "OWNER" });
    }
    // Members: half in the coordinating co-op, the rest in the two invited ones.
    const memberUsers = Array.from({ length: MEMBER_USERS }, (_, m) => {
      const roll = rand.next();
      const coop = roll < 0.5 ? 0 : roll < 0.8 ? 1 : 2;
      const paymentRoll = rand.next();
      const paymentMethod: PaymentMethod = paymentRoll < 0.75 ? "PAY_AT_PICKUP" : paymentRoll < 0.9 ? "BANK_TRANSFER" : "CARD";
      return { id: `bench-member-${m}`, organizationId: coopIds[coop], paymentMethod };
    });
    for (const [m, member] of memberUsers.entries()) {
      users.push(user(member.id, `member${m}@bench.example`, `Member ${m}`));
      memberships.push({ userId: member.id, organizationId: member.organizationId, role: "MEMBER" });
    }
    await inChunks(users, (chunk) => db.user.createMany({ data: chunk }));
    await db.organization.createMany({ data: organizations });
    await inChunks(memberships, (chunk) => db.membership.createMany({ data: chunk }));

    const category = await db.category.create({ data: { slug: "pantry", name: "Pantry" } });
    const products: Prisma.ProductCreateManyInput[] = [];
    const variants: (Prisma.VariantCreateManyInput & { id: string; caseSize: number; wholesaleCasePriceCents: number; producerId: string })[] = [];
    for (const [p, producerId] of producerIds.entries()) {
      for (let q = 0; q < PRODUCTS_PER_PRODUCER; q++) {
        const productId = `bench-product-${p}-${q}`;
        products.push({
          id: productId,
          slug: productId,
          title: `Bench product ${p}-${q}`,
          summary: "Generated for the group-order benchmark.",
          description: "Generated for the group-order benchmark.",
          organizationId: producerId,
          categoryId: category.id,
          originCountry: "PE",
          originRegion: "Cajamarca",
        });
        for (let v = 0; v < VARIANTS_PER_PRODUCT; v++) {
          const retailPriceCents = rand.int(50, 500) * 5;
          const caseSize = rand.pick([6, 12, 24]);
          variants.push({
            id: `bench-variant-${p}-${q}-${v}`,
            productId,
            producerId,
            sku: `BENCH-${p}-${q}-${v}`,
            unitLabel: rand.pick(["250 g bag", "500 g bag", "1 kg bag", "bottle", "jar"]),
            caseSize,
            retailPriceCents,
            wholesaleCasePriceCents: Math.round(retailPriceCents * caseSize * 0.8),
            stock: INITIAL_STOCK,
            position: v,
          });
        }
      }
    }
    await db.product.createMany({ data: products });
    await inChunks(variants, (chunk) => db.variant.createMany({ data: chunk.map(({ producerId: _producer, ...variant }) => variant) }));
    const pickupPoint = await db.pickupPoint.create({
      data: { organizationId: distributorId, name: "Kiez pantry", address: "Weserstraße 1", postcode: "12047", city: "Berlin", country: "DE", openingHours: "Thu 16–19, Sat 10–13" },
    });

    // One identical group order per close (the warm-up's included): same offers, members and lines in the same order.
    const plannedLines = planLines(rand, variants.length);
    const firstLineAt = new Map<number, number>();
    plannedLines.forEach((line, index) => {
      if (!firstLineAt.has(line.memberUser)) firstLineAt.set(line.memberUser, index);
    });
    const minimums = new Map(organizations.map((org) => [org.id!, org.minimumWholesaleOrderCents ?? 0]));
    const groupOrderIds: string[] = [];
    for (let g = 0; g < WARM_UP_CLOSES + closes; g++) {
      const groupOrder = await db.groupOrder.create({
        data: {
          title: `Bench group order ${g}`,
          coordinatorOrganizationId: coopIds[0],
          createdById: "bench-coop-owner-0",
          opensAt: OPENS_AT,
          closesAt: CLOSES_AT,
          deliveryDate: DELIVERY_DATE,
          pickupPointId: pickupPoint.id,
          distributorOrganizationId: distributorId,
          sharedFeesCents: SHARED_FEES_CENTS,
          producers: { createMany: { data: producerIds.map((organizationId) => ({ organizationId, minimumOrderCents: minimums.get(organizationId) ?? 0 })) } },
          participants: { createMany: { data: coopIds.map((organizationId) => ({ organizationId })) } },
          offers: { createMany: { data: variants.map((variant) => ({ variantId: variant.id, caseSize: variant.caseSize, casePriceCents: variant.wholesaleCasePriceCents })) } },
        },
        select: { id: true },
      });
      const memberId = (m: number) => `bench-gom-${g}-${m}`;
      const members = [...firstLineAt].map(([m, index]) => ({
        id: memberId(m),
        groupOrderId: groupOrder.id,
        userId: memberUsers[m].id,
        organizationId: memberUsers[m].organizationId,
        paymentMethod: memberUsers[m].paymentMethod,
        joinedAt: new Date(OPENS_AT.getTime() + index * LINE_INTERVAL_MS),
      }));
      await inChunks(members, (chunk) => db.groupOrderMember.createMany({ data: chunk }));
      const lines = plannedLines.map((line, index) => {
        const createdAt = new Date(OPENS_AT.getTime() + (index + 1) * LINE_INTERVAL_MS);
        return { groupOrderId: groupOrder.id, memberId: memberId(line.memberUser), variantId: variants[line.variant].id, quantity: line.quantity, tolerance: line.tolerance, createdAt, updatedAt: createdAt };
      });
      await inChunks(lines, (chunk) => db.groupOrderLine.createMany({ data: chunk }));
      groupOrderIds.push(groupOrder.id);
    }
    const setupMs = performance.now() - setupStarted;
    const memberCount = firstLineAt.size;
    const tolerantLines = plannedLines.filter((line) => line.tolerance > 0).length;

    console.log(
      `\nGroup-order close benchmark — ${PRODUCERS} producers × ${PRODUCTS_PER_PRODUCER * VARIANTS_PER_PRODUCT} variants, ${COOPS} co-ops, ` +
        `${memberCount.toLocaleString("en-GB")} members, ${LINES.toLocaleString("en-GB")} lines per group order ` +
        `(${Math.round((100 * tolerantLines) / LINES)}% with tolerance), Node ${process.version}`,
    );
    // Other work on the machine stretches wall times; the CPU-time row below is less sensitive to it.
    console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((load) => load.toFixed(1)).join(" / ")} (1 / 5 / 15 min) at start`);
    console.log(`setup (catalogue, ${users.length.toLocaleString("en-GB")} users, ${groupOrderIds.length} group orders) ${(setupMs / 1000).toFixed(1)} s`);

    // ---- (a) allocate() alone, on exactly the input the close builds -------------------------------------------
    const loaded = await db.groupOrder.findUniqueOrThrow({
      where: { id: groupOrderIds[0] },
      include: {
        producers: true,
        offers: { include: { variant: { select: { stock: true, product: { select: { organizationId: true } } } } } },
        lines: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      },
    });
    const allocationInput: AllocationInput = {
      variants: loaded.offers.map((offer) => ({
        variantId: offer.variantId,
        producerId: offer.variant.product.organizationId,
        caseSize: offer.caseSize,
        casePriceCents: offer.casePriceCents,
        stock: offer.variant.stock,
      })),
      lines: loaded.lines.map((line, sequence) => ({ lineId: line.id, memberId: line.memberId, variantId: line.variantId, quantity: line.quantity, tolerance: line.tolerance, sequence })),
      producerMinimums: Object.fromEntries(loaded.producers.map((producer) => [producer.organizationId, producer.minimumOrderCents])),
      sharedFeesCents: loaded.sharedFeesCents,
    };
    let allocation: AllocationResult = allocate(allocationInput);
    for (let run = 1; run < WARM_UP_ALLOCATIONS; run++) allocate(allocationInput);
    const allocateTimes: number[] = [];
    for (let run = 0; run < allocateRuns; run++) {
      const started = performance.now();
      allocation = allocate(allocationInput);
      allocateTimes.push(performance.now() - started);
    }
    const expectedCases = allocation.variants.reduce((sum, variant) => sum + variant.cases, 0);

    // ---- (b) the whole close, each on its own group order -------------------------------------------------------
    const problems: string[] = [];
    const closeTimes: number[] = [];
    /** Process CPU time (all threads, GC included): on a busy machine the wall time also counts waiting for a core. */
    const closeCpuTimes: number[] = [];
    const allocationInCloseTimes: number[] = [];
    const statementsPerClose: number[] = [];
    let coldCloseMs = Number.NaN;
    let counts: CloseCounts | null = null;
    const producerMinimumCents = new Map(loaded.producers.map((producer) => [producer.organizationId, producer.minimumOrderCents]));

    /** Checks one close against the database; returns what is wrong and what was written. */
    async function verifyClose(groupOrderId: string, stockBefore: Map<string, number>, outboxBefore: number, summary: NonNullable<Awaited<ReturnType<typeof closeGroupOrder>>>) {
      const found: string[] = [];
      const [groupOrder, offers, allocationSums, allocationRows, orders, orderLineSums, fulfillments, ledger, payments, stockAfter, outboxAfter] = await Promise.all([
        db.groupOrder.findUniqueOrThrow({ where: { id: groupOrderId }, select: { status: true, sharedFeesCents: true, _count: { select: { lines: true, members: true } } } }),
        db.groupOrderOffer.findMany({ where: { groupOrderId }, include: { variant: { select: { product: { select: { organizationId: true } } } } } }),
        db.groupOrderAllocation.groupBy({ by: ["variantId"], where: { groupOrderId }, _sum: { units: true, costCents: true } }),
        db.groupOrderAllocation.count({ where: { groupOrderId } }),
        db.order.findMany({ where: { groupOrderId }, select: { id: true, paymentMethod: true, status: true, goodsCents: true, deliveryFeeCents: true, totalCents: true } }),
        db.orderLine.aggregate({ where: { order: { groupOrderId } }, _sum: { units: true, lineTotalCents: true }, _count: true }),
        db.fulfillment.count({ where: { order: { groupOrderId } } }),
        db.ledgerEntry.groupBy({ by: ["orderId"], where: { order: { groupOrderId } }, _sum: { amountCents: true }, _count: true }),
        db.payment.findMany({ where: { order: { groupOrderId } }, select: { orderId: true, amountCents: true } }),
        db.variant.findMany({ select: { id: true, stock: true } }),
        db.outboxEvent.count(),
      ]);
      if (groupOrder.status !== "CLOSED") found.push(`status is ${groupOrder.status}, not CLOSED`);
      if (allocationRows !== groupOrder._count.lines) found.push(`${allocationRows} allocation rows for ${groupOrder._count.lines} lines`);

      // Σ allocated units per variant = cases × case size; Σ cost = cases × case price; offer's units match.
      const sums = new Map(allocationSums.map((row) => [row.variantId, row._sum]));
      let badUnits = 0;
      let badCost = 0;
      let cases = 0;
      const valueByProducer = new Map<string, number>();
      for (const offer of offers) {
        const casesOrdered = offer.casesOrdered ?? Number.NaN;
        cases += casesOrdered;
        const units = sums.get(offer.variantId)?.units ?? 0;
        if (units !== casesOrdered * offer.caseSize || offer.unitsOrdered !== casesOrdered * offer.caseSize) badUnits += 1;
        if ((sums.get(offer.variantId)?.costCents ?? 0) !== casesOrdered * offer.casePriceCents) badCost += 1;
        const producerId = offer.variant.product.organizationId;
        valueByProducer.set(producerId, (valueByProducer.get(producerId) ?? 0) + casesOrdered * offer.casePriceCents);
      }
      if (badUnits > 0) found.push(`${badUnits} variants' allocated units ≠ cases ordered × case size`);
      if (badCost > 0) found.push(`${badCost} variants' allocated cost ≠ cases ordered × case price`);
      if (cases !== summary.cases) found.push(`offers say ${cases} cases, the close reported ${summary.cases}`);
      const belowMinimum = [...valueByProducer].filter(([producerId, value]) => value > 0 && value < (producerMinimumCents.get(producerId) ?? 0));
      if (belowMinimum.length > 0) found.push(`${belowMinimum.length} producers ordered from below their minimum`);

      // Stock fell by exactly the units ordered (all variants are on offer; other variants must not move).
      const unitsOrdered = new Map(offers.map((offer) => [offer.variantId, offer.unitsOrdered ?? 0]));
      const wrongStock = stockAfter.filter((variant) => (stockBefore.get(variant.id) ?? Number.NaN) - variant.stock !== (unitsOrdered.get(variant.id) ?? 0));
      if (wrongStock.length > 0) found.push(`${wrongStock.length} variants' stock did not fall by exactly the units ordered`);

      // Orders, lines, payments and the ledger.
      if (orders.length !== summary.orders) found.push(`${orders.length} orders in the database, the close reported ${summary.orders}`);
      const allocatedUnits = allocationSums.reduce((sum, row) => sum + (row._sum.units ?? 0), 0);
      const allocatedCost = allocationSums.reduce((sum, row) => sum + (row._sum.costCents ?? 0), 0);
      if ((orderLineSums._sum.units ?? 0) !== allocatedUnits) found.push(`order lines hold ${orderLineSums._sum.units} units, allocation ${allocatedUnits}`);
      if ((orderLineSums._sum.lineTotalCents ?? 0) !== allocatedCost) found.push(`order lines total ${orderLineSums._sum.lineTotalCents} cents, allocation ${allocatedCost}`);
      if (orders.reduce((sum, order) => sum + order.goodsCents, 0) !== allocatedCost) found.push("orders' goods do not add up to the allocated cost");
      const sharedFees = orders.reduce((sum, order) => sum + order.deliveryFeeCents, 0);
      if (allocatedCost > 0 && sharedFees !== groupOrder.sharedFeesCents) found.push(`shared fees split into ${sharedFees} cents, not ${groupOrder.sharedFeesCents}`);
      const ledgerByOrder = new Map(ledger.map((row) => [row.orderId, row]));
      const offline = orders.filter((order) => order.paymentMethod !== "CARD");
      const unbalanced = offline.filter((order) => (ledgerByOrder.get(order.id)?._sum.amountCents ?? Number.NaN) !== 0);
      if (unbalanced.length > 0) found.push(`${unbalanced.length} offline orders' ledger does not sum to zero (or is missing)`);
      const cardOrders = orders.filter((order) => order.paymentMethod === "CARD");
      if (cardOrders.some((order) => ledgerByOrder.has(order.id))) found.push("card orders got ledger entries before being paid");
      if (cardOrders.some((order) => order.status !== "AWAITING_PAYMENT") || offline.some((order) => order.status !== "CONFIRMED")) found.push("order status does not match the payment method");
      const paymentByOrder = new Map(payments.map((payment) => [payment.orderId, payment.amountCents]));
      if (payments.length !== orders.length || orders.some((order) => paymentByOrder.get(order.id) !== order.totalCents)) found.push("not exactly one payment per order for the order's total");
      const emails = outboxAfter - outboxBefore;
      if (emails < groupOrder._count.members) found.push(`${emails} emails for ${groupOrder._count.members} members`);

      const counts: CloseCounts = {
        members: groupOrder._count.members,
        orders: orders.length,
        cardOrders: cardOrders.length,
        cases,
        allocationRows,
        orderLines: orderLineSums._count,
        fulfillments,
        ledgerEntries: ledger.reduce((sum, row) => sum + row._count, 0),
        emails,
      };
      return { problems: found, counts };
    }

    for (const [index, groupOrderId] of groupOrderIds.entries()) {
      const timed = index >= WARM_UP_CLOSES;
      // Profiles only the close (open it in Chrome DevTools or speedscope): setup would drown it in --cpu-prof.
      const profiler = profileFile && index === WARM_UP_CLOSES ? new Session() : null;
      if (profiler) {
        profiler.connect();
        await profiler.post("Profiler.enable");
        await profiler.post("Profiler.start");
      }
      const stockBefore = new Map((await db.variant.findMany({ select: { id: true, stock: true } })).map((variant) => [variant.id, variant.stock]));
      const outboxBefore = await db.outboxEvent.count();
      if (timed) sqlTrace.on = true;
      const statementsBefore = sqlTrace.statements;
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      sqlTrace.lastEndedAt = started;
      let summary: Awaited<ReturnType<typeof closeGroupOrder>> = null;
      let failure: { error: unknown } | null = null;
      try {
        summary = await closeGroupOrder(groupOrderId);
      } catch (error) {
        failure = { error };
      }
      const elapsed = performance.now() - started;
      const cpu = process.cpuUsage(cpuBefore);
      sqlTrace.on = false;
      sqlTrace.current = null;
      if (profiler && profileFile) {
        const { profile } = await profiler.post("Profiler.stop");
        fs.writeFileSync(profileFile, JSON.stringify(profile));
        profiler.disconnect();
        console.log(`CPU profile of close ${index} written to ${path.resolve(profileFile)}`);
      }
      if (failure) {
        const { error } = failure;
        problems.push(`close ${index} threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`.slice(0, 500));
        continue;
      }
      const statements = sqlTrace.statements - statementsBefore;
      if (!summary) {
        problems.push(`close ${index} returned null (group order was not open)`);
        continue;
      }
      if (timed) {
        closeTimes.push(elapsed);
        closeCpuTimes.push((cpu.user + cpu.system) / 1000);
        allocationInCloseTimes.push(summary.allocationMs);
        statementsPerClose.push(statements);
      } else coldCloseMs = elapsed;
      const { problems: found, counts: closeCounts } = await verifyClose(groupOrderId, stockBefore, outboxBefore, summary);
      problems.push(...found.map((problem) => `close ${index}: ${problem}`));
      counts ??= closeCounts;
      if (summary.cases !== expectedCases) problems.push(`close ${index}: ${summary.cases} cases, allocate() alone gave ${expectedCases}`);
    }

    // ---- Report -----------------------------------------------------------------------------------------------------
    const allocateStats = stats(allocateTimes);
    const closeStats = stats(closeTimes);
    const inCloseStats = stats(allocationInCloseTimes);
    const closeCpuStats = stats(closeCpuTimes);
    const pass = closeTimes.length > 0 && closeStats.p95 < TARGET_CLOSE_MS;
    const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "n/a").padStart(8);
    console.log("");
    console.log("| step                          | runs | p50 ms   | p95 ms   | max ms   | target       |");
    console.log("|-------------------------------|------|----------|----------|----------|--------------|");
    const row = (step: string, s: ReturnType<typeof stats>, target = "") =>
      console.log(`| ${step.padEnd(29)} | ${String(s.runs).padStart(4)} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.max)} | ${target.padEnd(12)} |`);
    row("allocate() alone", allocateStats);
    row("closeGroupOrder (whole)", closeStats, `< 1 s ${pass ? "PASS" : "FAIL"}`);
    row("  process CPU time of a close", closeCpuStats);
    row("  allocate() inside the close", inCloseStats);
    console.log("");
    console.log(`warm-up close (first, cold; not in the table): ${Number.isFinite(coldCloseMs) ? coldCloseMs.toFixed(1) : "n/a"} ms`);
    const cutLines = (reason: string) => allocation.lines.filter((line) => line.cut === reason).length;
    console.log(
      `allocation: ${expectedCases.toLocaleString("en-GB")} cases, ${allocation.variants.filter((variant) => variant.cases === 0).length} variants without a full case, ` +
        `${allocation.lines.filter((line) => line.fromTolerance > 0).length} lines topped up from tolerance, lines cut: ` +
        `${cutLines("NO_FULL_CASE")} no full case, ${cutLines("OUT_OF_STOCK")} out of stock, ${cutLines("PRODUCER_MINIMUM")} producer minimum ` +
        `(${allocation.producersBelowMinimum.length} producer below minimum)`,
    );
    if (counts) {
      console.log(
        `per close: ${counts.members.toLocaleString("en-GB")} members → ${counts.orders.toLocaleString("en-GB")} orders (${counts.cardOrders} card), ` +
          `${counts.cases.toLocaleString("en-GB")} cases, ${counts.allocationRows.toLocaleString("en-GB")} allocation rows, ` +
          `${counts.orderLines.toLocaleString("en-GB")} order lines, ${counts.fulfillments.toLocaleString("en-GB")} fulfilments, ` +
          `${counts.ledgerEntries.toLocaleString("en-GB")} ledger entries, ${counts.emails.toLocaleString("en-GB")} emails in the outbox`,
      );
    }
    const sqlPerClose = statementsPerClose.length > 0 ? statementsPerClose.reduce((a, b) => a + b, 0) / statementsPerClose.length : Number.NaN;

    // Where a timed close's time goes, averaged over the timed closes.
    const timedCloses = Math.max(1, closeTimes.length);
    const kinds = [...sqlTrace.byKind].sort((a, b) => b[1].sqlMs + b[1].jsBeforeMs - (a[1].sqlMs + a[1].jsBeforeMs));
    const sqlMs = kinds.reduce((sum, [, entry]) => sum + entry.sqlMs, 0) / timedCloses;
    const jsBeforeMs = kinds.reduce((sum, [, entry]) => sum + entry.jsBeforeMs, 0) / timedCloses;
    const meanCloseMs = closeTimes.reduce((a, b) => a + b, 0) / timedCloses;
    console.log("");
    console.log(`Where a close's time goes (mean of ${closeTimes.length} timed closes, ${meanCloseMs.toFixed(1)} ms; ${sqlPerClose.toFixed(0)} SQL statements):`);
    console.log("| statement                    | count  | rows     | max params | SQL ms   | JS before ms |");
    console.log("|------------------------------|--------|----------|------------|----------|--------------|");
    const per = (value: number) => value / timedCloses;
    for (const [kind, entry] of kinds) {
      console.log(
        `| ${kind.padEnd(28)} | ${per(entry.statements).toFixed(0).padStart(6)} | ${per(entry.rows).toFixed(0).padStart(8)} | ${String(entry.maxParams).padStart(10)} | ` +
          `${ms(per(entry.sqlMs))} | ${per(entry.jsBeforeMs).toFixed(1).padStart(12)} |`,
      );
    }
    console.log(
      `SQL (prepare + bind + run) ${sqlMs.toFixed(1)} ms · JS between statements ${jsBeforeMs.toFixed(1)} ms · after the last statement ${(meanCloseMs - sqlMs - jsBeforeMs).toFixed(1)} ms`,
    );
    console.log("JS before = time from the previous statement's end to this one's start: the app's code and Prisma building the query.");
    console.log(
      problems.length === 0
        ? `\nconsistency: ok (${groupOrderIds.length} closes; Σ allocated units per variant = cases × case size; stock fell by exactly those units; ` +
            "every offline order's ledger sums to zero; shared fees split exactly)"
        : `\nconsistency: FAILED\n  ${problems.slice(0, 20).join("\n  ")}`,
    );
    const round = (value: number, digits: number) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : null);
    // One JSON line, for a script that gathers every benchmark into one table.
    console.log(
      `BENCH ${JSON.stringify({
        bench: "group-order",
        lines: LINES,
        variants: variants.length,
        members: memberCount,
        closes: closeTimes.length,
        closeP50Ms: round(closeStats.p50, 1),
        closeP95Ms: round(closeStats.p95, 1),
        closeMaxMs: round(closeStats.max, 1),
        closeCpuP50Ms: round(closeCpuStats.p50, 1),
        coldCloseMs: round(coldCloseMs, 1),
        allocationInCloseP50Ms: round(inCloseStats.p50, 2),
        allocateRuns: allocateStats.runs,
        allocateP50Ms: round(allocateStats.p50, 2),
        allocateP95Ms: round(allocateStats.p95, 2),
        allocateMaxMs: round(allocateStats.max, 2),
        sqlPerClose: round(sqlPerClose, 0),
        orders: counts?.orders ?? null,
        cases: counts?.cases ?? null,
        allocationRows: counts?.allocationRows ?? null,
        loadAverage: round(os.loadavg()[0], 1),
        targetMs: TARGET_CLOSE_MS,
        pass,
        consistent: problems.length === 0,
      })}`,
    );
    failed = problems.length > 0 || !pass;
  } finally {
    await disconnect?.();
    database.remove();
  }
  if (failed) process.exitCode = 1;
}

// Runs when started as a script, never on import.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();

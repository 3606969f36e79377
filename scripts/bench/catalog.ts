/**
 * Catalog benchmark: the production server (`node server.js` on the Remix build) under HTTP load from autocannon,
 * against a throw-away SQLite database of generated products, the way shoppers browse:
 *   /products        50 per page, pages 1–3, a category or label filter, sorted by price, newest or name (rotating)
 *   /products/:slug  rotating through every listed product page
 * Both as anonymous visitors whose browser asks for gzip. Two server runs: PAGE_CACHE_SECONDS=0 (every request
 * rendered: what the app itself costs) and the default server (its anonymous page cache on, warmed by visiting every
 * path once, as a running shop's would be). Also counts SQL statements per request (a preloaded hook counts
 * better-sqlite3 prepares inside the server, one per statement) and the gzip size of the JavaScript a first visit to
 * a product page downloads (the scripts its HTML module-preloads: the entry, shared chunks and the matched routes).
 *
 *   npx tsx scripts/bench/catalog.ts                       # 10,000 products, 40 producers, 10 s per page, 50 conns
 *   npx tsx scripts/bench/catalog.ts 2000 20 5             # products, producers, seconds per page
 *   npx tsx scripts/bench/catalog.ts --profile=DIR         # also writes the server's CPU profile into DIR
 *
 * Needs a production build (`npx remix build`); builds one when build/index.js is missing. Data comes from a fixed
 * seed, so two runs load the same pages. Prints a table and one `BENCH {json}` line per measured thing; deletes the
 * temp database. Exit code 1 when a request failed (non-2xx or error), 0 otherwise — targets are reported, not enforced.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import zlib from "node:zlib";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { positiveIntegerArgument, prng } from "./support";

const USAGE = "usage: npx tsx scripts/bench/catalog.ts [products = 10000] [producers = 40] [seconds per page = 10] [--profile=DIR]";
const CONNECTIONS = 50;
const WARM_UP_SECONDS = 3;
const SQL_SAMPLE_REQUESTS = 20;

export const CATALOG_TARGETS = {
  listing: { rps: 1_000, p99Ms: 100 },
  product: { rps: 1_200, p99Ms: 80 },
  productPageJsGzipBytes: 100 * 1024,
} as const;


const positiveInteger = positiveIntegerArgument(USAGE);

function parseArgs(argv: string[]) {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE);
    process.exit(0);
  }
  const profileDir = argv.find((arg) => arg.startsWith("--profile="))?.slice("--profile=".length) || null;
  const positional = argv.filter((arg) => !arg.startsWith("--"));
  return {
    products: positiveInteger(positional[0], 10_000, "products"),
    producers: positiveInteger(positional[1], 40, "producers"),
    seconds: positiveInteger(positional[2], 10, "seconds per page"),
    profileDir: profileDir ? path.resolve(profileDir) : null,
  };
}

const CATEGORIES = [
  ["coffee", "Coffee"], ["tea", "Tea"], ["chocolate", "Chocolate"], ["honey", "Honey"], ["olive-oil", "Olive oil"],
  ["spices", "Spices"], ["grains", "Grains & pulses"], ["nuts", "Nuts & dried fruit"], ["sugar", "Sugar & sweeteners"],
  ["textiles", "Textiles"], ["crafts", "Crafts & homeware"], ["cosmetics", "Soap & cosmetics"],
] as const;
const LABELS = [
  ["fairtrade", "Fairtrade", "THIRD_PARTY"], ["organic", "Organic", "THIRD_PARTY"], ["spp", "SPP", "THIRD_PARTY"],
  ["wfto", "WFTO", "THIRD_PARTY"], ["worker-owned", "Worker-owned", "SELF_DECLARED"], ["pgs-organic", "PGS organic", "PARTICIPATORY"],
] as const;
const ORIGINS = [
  ["PE", "Cajamarca"], ["CO", "Huila"], ["ET", "Sidama"], ["KE", "Nyeri"], ["IN", "Assam"], ["GH", "Ashanti"],
  ["MX", "Chiapas"], ["PS", "Jenin"], ["ES", "Andalucía"], ["IT", "Puglia"], ["BO", "Yungas"], ["UG", "Mount Elgon"],
] as const;
const ADJECTIVES = ["washed", "natural", "raw", "dark", "wildflower", "hand-woven", "smoked", "roasted", "extra virgin", "whole"];
const NOUNS = ["beans", "leaves", "bar", "jar", "oil", "pepper", "quinoa", "cashews", "panela", "scarf", "basket", "soap"];
const UNITS = ["250 g bag", "500 g bag", "1 kg bag", "bottle", "jar", "piece"];

/** better-sqlite3 stores Prisma DateTimes as ISO text with an explicit offset (the adapter's default format). */
const sqliteDate = (date: Date) => date.toISOString().replace("Z", "+00:00");

/** Writes the generated catalogue straight through SQLite (Prisma would take minutes for this many rows). */
export function generateCatalogue(databaseFile: string, productCount: number, producerCount: number): string[] {
  const sqlite = new Database(databaseFile);
  sqlite.pragma("journal_mode = WAL");
  const rand = prng(20261123);
  const now = new Date();
  const stamp = sqliteDate(now);
  const insert = (table: string, row: Record<string, unknown>) => {
    const columns = Object.keys(row);
    const key = `${table}:${columns.join(",")}`;
    let statement = statements.get(key);
    if (!statement) {
      statement = sqlite.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(",")}) VALUES (${columns.map(() => "?").join(",")})`);
      statements.set(key, statement);
    }
    statement.run(Object.values(row).map((value) => (typeof value === "boolean" ? Number(value) : value ?? null)));
  };
  const statements = new Map<string, Database.Statement>();
  const slugs: string[] = [];
  sqlite.transaction(() => {
    CATEGORIES.forEach(([slug, name]) => insert("Category", { id: `cat-${slug}`, slug, name }));
    LABELS.forEach(([slug, name, verificationKind]) =>
      insert("Label", { id: `label-${slug}`, slug, name, summary: `${name} standard.`, criteria: "Criteria.", issuer: "Issuer", verificationKind }),
    );
    let certification = 0;
    const certify = (labelSlug: string, organizationId: string, productId: string | null) =>
      insert("Certification", {
        id: `cert-${certification++}`, labelId: `label-${labelSlug}`, organizationId, productId, certifier: "Bench certifier",
        validFrom: sqliteDate(new Date(now.getTime() - 200 * 86_400_000)), validTo: sqliteDate(new Date(now.getTime() + 300 * 86_400_000)),
        status: "VERIFIED", createdAt: stamp, updatedAt: stamp,
      });
    for (let o = 0; o < producerCount; o++) {
      const [country, region] = rand.pick(ORIGINS);
      const id = `org-${o}`;
      insert("Organization", {
        id, slug: `bench-producer-${o}`, name: `Bench Producers' Co-op ${o}`, kind: "PRODUCER", legalForm: "PRODUCER_COOP", country, region,
        story: "A producer co-operative generated for the catalog benchmark.", verifiedAt: stamp, createdAt: stamp, updatedAt: stamp,
      });
      for (const [labelSlug] of LABELS) if (rand.chance(0.3)) certify(labelSlug, id, null);
    }
    for (let p = 0; p < productCount; p++) {
      const organizationId = `org-${rand.int(0, producerCount - 1)}`;
      const [categorySlug] = rand.pick(CATEGORIES);
      const [country, region] = rand.pick(ORIGINS);
      const title = `${rand.pick(ADJECTIVES)} ${rand.pick(NOUNS)} from ${region}`;
      const slug = `${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${p}`;
      const id = `prod-${p}`;
      const createdAt = sqliteDate(new Date(now.getTime() - rand.int(0, 700) * 86_400_000));
      insert("Product", {
        id, slug, title, summary: `Generated ${title}.`, description: `**${title}**, grown and packed by a co-operative.\n\nStore cool and dry.`,
        organizationId, categoryId: `cat-${categorySlug}`, originCountry: country, originRegion: region, status: rand.chance(0.97) ? "ACTIVE" : "ARCHIVED",
        featured: rand.chance(0.01), createdAt, updatedAt: createdAt,
      });
      slugs.push(slug);
      const variants = rand.int(1, 3);
      for (let v = 0; v < variants; v++) {
        const retailPriceCents = rand.int(50, 800) * 5;
        const caseSize = rand.pick([6, 12, 24]);
        const variantId = `var-${p}-${v}`;
        insert("Variant", {
          id: variantId, productId: id, sku: `CAT-${p}-${v}`, unitLabel: rand.pick(UNITS), caseSize, retailPriceCents,
          wholesaleCasePriceCents: Math.round(retailPriceCents * caseSize * 0.8), stock: rand.chance(0.9) ? rand.int(1, 500) : 0, minOrderUnits: 1, position: v,
        });
        const producerShare = Math.round(retailPriceCents * 0.6);
        insert("PriceComponent", { id: `pc-${p}-${v}-0`, variantId, kind: "PRODUCER", recipient: "Co-op members", amountCents: producerShare, position: 0 });
        insert("PriceComponent", { id: `pc-${p}-${v}-1`, variantId, kind: "DISTRIBUTOR", recipient: "Food hub", amountCents: retailPriceCents - producerShare, position: 1 });
      }
      insert("ProductImage", { id: `img-${p}`, productId: id, path: `bench/${p}.webp`, thumbPath: `bench/${p}-thumb.webp`, alt: title, width: 1200, height: 900, position: 0 });
      insert("ProvenanceStep", { id: `step-${p}-0`, productId: id, position: 0, kind: "GROWN", organizationId, place: region, country });
      insert("ProvenanceStep", { id: `step-${p}-1`, productId: id, position: 1, kind: "SHIPPED", actorName: "Sail cargo co-op", place: "Hamburg", country: "DE" });
      if (rand.chance(0.2)) certify(rand.pick(LABELS)[0], organizationId, id);
    }
  })();
  sqlite.close();
  return slugs;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Preloaded into the server: counts SQL statements. The Prisma better-sqlite3 adapter prepares every statement
 * through Database#prepare, so wrapping it counts them exactly without touching the app. Answers over IPC.
 */
const SQL_COUNTER_PRELOAD = `
import { createRequire } from "node:module";
const require = createRequire(process.cwd() + "/package.json");
const Database = require("better-sqlite3");
let statements = 0;
const prepare = Database.prototype.prepare;
Database.prototype.prepare = function (source) { statements += 1; return prepare.call(this, source); };
process.on("message", (message) => { if (message === "sql-statements") process.send({ sqlStatements: statements }); });
process.channel?.unref();
`;

async function waitUntilUp(baseUrl: string, server: ChildProcess, output: () => string) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`Server exited (${server.exitCode}):\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/favicon.svg`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Server did not start within 30 s:\n${output()}`);
}

function sqlStatementsSoFar(server: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no answer from the SQL counter")), 5_000);
    server.once("message", (message: { sqlStatements: number }) => {
      clearTimeout(timer);
      resolve(message.sqlStatements);
    });
    server.send("sql-statements");
  });
}

type LoadResult = {
  page: string;
  workload: string;
  requests: number;
  rps: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  non2xx: number;
  sqlPerRequest: number | null;
  htmlBytes: number;
  pageCache: boolean;
};

const BROWSER_HEADERS = { "accept-encoding": "gzip, deflate, br", accept: "text/html,application/xhtml+xml" };

/** autocannon with 50 connections, each request taking the next path of the rotation. */
async function load(baseUrl: string, paths: string[], seconds: number) {
  let next = 0;
  const result = await autocannon({
    url: baseUrl,
    connections: CONNECTIONS,
    duration: seconds,
    headers: BROWSER_HEADERS,
    requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }],
  });
  return result;
}

async function measure(
  baseUrl: string,
  server: ChildProcess,
  page: string,
  workload: string,
  paths: string[],
  seconds: number,
  pageCache: boolean,
): Promise<LoadResult> {
  // With the page cache on, a running shop has its pages in it: visit every path once first (8 at a time).
  if (pageCache) {
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < paths.length) {
          const response = await fetch(baseUrl + paths[next++], { headers: BROWSER_HEADERS });
          await response.arrayBuffer();
        }
      }),
    );
  }
  // SQL statements per request: a few requests one at a time, before the load, each counted on its own. The server's
  // background jobs (the outbox poller every 250 ms, the scheduler's checks) run statements too, now and then inside
  // one of these windows: the median request is the page's own count.
  const perRequest: number[] = [];
  let htmlBytes = 0;
  for (let i = 0; i < SQL_SAMPLE_REQUESTS; i++) {
    const before = await sqlStatementsSoFar(server);
    const response = await fetch(baseUrl + paths[i % paths.length], { headers: { accept: "text/html" } });
    if (!response.ok) throw new Error(`${paths[i % paths.length]} answered ${response.status}`);
    htmlBytes += (await response.arrayBuffer()).byteLength;
    perRequest.push((await sqlStatementsSoFar(server)) - before);
  }
  const sqlPerRequest = [...perRequest].sort((x, y) => x - y)[Math.floor(perRequest.length / 2)];

  await load(baseUrl, paths, WARM_UP_SECONDS);
  const result = await load(baseUrl, paths, seconds);
  return {
    page,
    workload,
    requests: result.requests.total,
    rps: result.requests.total / (result.duration || seconds),
    p50Ms: result.latency.p50,
    p95Ms: (result.latency as unknown as Record<string, number>).p95 ?? result.latency.p97_5,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    sqlPerRequest,
    htmlBytes: Math.round(htmlBytes / SQL_SAMPLE_REQUESTS),
    pageCache,
  };
}

/**
 * Gzip size of every script a first visit to the page downloads (its module preloads), fetched
 * from the server (as a browser would, so a concurrent rebuild of public/build cannot mix two builds).
 */
async function firstVisitJavaScript(baseUrl: string, pagePath: string) {
  const html = await (await fetch(baseUrl + pagePath)).text();
  // The HTML also names the modules of routes the visitor might go to next (lazy route discovery); those are fetched
  // only on navigation. What a first visit downloads is what it module-preloads.
  const assets = new Set<string>();
  for (const match of html.matchAll(/<link rel="modulepreload" href="(\/build\/[^"]+\.js)"/g)) assets.add(match[1]);
  if (assets.size === 0) throw new Error(`${pagePath} module-preloads no scripts: has the HTML changed?`);
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const asset of assets) {
    const response = await fetch(baseUrl + asset, { headers: { "accept-encoding": "identity" } });
    if (!response.ok) throw new Error(`${asset} answered ${response.status} (was the app rebuilt during the run?)`);
    const file = Buffer.from(await response.arrayBuffer());
    rawBytes += file.byteLength;
    gzipBytes += zlib.gzipSync(file, { level: 9 }).byteLength;
  }
  return { files: assets.size, rawBytes, gzipBytes };
}

/**
 * Copies the production build (server bundle and public assets) into the temp folder and serves it from there, so
 * a rebuild in the working tree during the run (another terminal, an e2e run) cannot swap the assets under the
 * server. Retries while the copy is caught mid-build (the bundle names a manifest the assets do not have).
 */
function snapshotBuild(root: string, tempDir: string): string {
  const appDir = path.join(tempDir, "app");
  for (let attempt = 1; ; attempt++) {
    fs.rmSync(appDir, { recursive: true, force: true });
    fs.mkdirSync(appDir, { recursive: true });
    fs.cpSync(path.join(root, "build"), path.join(appDir, "build"), { recursive: true });
    fs.cpSync(path.join(root, "public"), path.join(appDir, "public"), { recursive: true });
    fs.copyFileSync(path.join(root, "package.json"), path.join(appDir, "package.json")); // "type": "module"
    fs.symlinkSync(path.join(root, "node_modules"), path.join(appDir, "node_modules"), "dir");
    const manifest = fs.readFileSync(path.join(appDir, "build/index.js"), "utf8").match(/\/build\/(manifest-[A-Za-z0-9]+\.js)/)?.[1];
    if (manifest && fs.existsSync(path.join(appDir, "public/build", manifest))) return appDir;
    if (attempt === 5) throw new Error("build/ and public/build/ do not match (a build is running?); run `npx remix build` and try again");
    spawnSync("sleep", ["3"]);
  }
}

async function main() {
  const { products, producers, seconds, profileDir } = parseArgs(process.argv.slice(2));
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-catalog-"));
  let server: ChildProcess | null = null;
  const cleanUp = () => {
    if (server && server.exitCode === null) server.kill("SIGTERM");
    fs.rmSync(tempDir, { recursive: true, force: true });
  };
  process.once("SIGINT", () => {
    cleanUp();
    process.exit(130);
  });

  let failed = false;
  try {
    if (!fs.existsSync(path.join(root, "build/index.js"))) {
      console.log("No production build yet: running `npx remix build`…");
      const build = spawnSync("npx", ["remix", "build"], { cwd: root, stdio: "inherit" });
      if (build.status !== 0) throw new Error("remix build failed");
    }
    const appDir = snapshotBuild(root, tempDir);
    const databaseFile = path.join(tempDir, "bench.db");
    const env = {
      ...process.env,
      DATABASE_URL: `file:${databaseFile}`,
      NODE_ENV: "production" as const,
      SESSION_SECRET: "bench-catalog-session-secret-0123456789abcdef",
      STRIPE_SECRET_KEY: "",
      STRIPE_WEBHOOK_SECRET: "",
      UPLOAD_DIR: path.join(tempDir, "uploads"),
    };
    const migrate = spawnSync(process.execPath, [path.join(root, "scripts/prisma.mjs"), "migrate", "deploy"], { cwd: root, env, encoding: "utf8" });
    if (migrate.status !== 0) throw new Error(`Migration failed:\n${migrate.stdout}\n${migrate.stderr}`);
    const generateStarted = performance.now();
    const slugs = generateCatalogue(databaseFile, products, producers);
    const generateMs = performance.now() - generateStarted;

    const preload = path.join(tempDir, "count-sql.mjs");
    fs.writeFileSync(preload, SQL_COUNTER_PRELOAD);
    let serverOutput = "";
    /** Starts `node server.js` on a free port; the page cache as the app defaults it, or off (PAGE_CACHE_SECONDS=0). */
    const startServer = async (pageCache: boolean) => {
      const port = await freePort();
      const nodeArgs = ["--import", pathToFileURL(preload).href];
      if (profileDir) nodeArgs.push("--cpu-prof", `--cpu-prof-dir=${profileDir}`);
      serverOutput = "";
      const child = spawn(process.execPath, [...nodeArgs, path.join(root, "server.js")], {
        cwd: appDir,
        env: { ...env, REMIX_BUILD: path.join(appDir, "build/index.js"), PORT: String(port), HOST: "127.0.0.1", PAGE_CACHE_SECONDS: pageCache ? undefined : "0" },
        stdio: ["ignore", "pipe", "pipe", "ipc"],
      });
      server = child;
      child.stdout?.on("data", (chunk: Buffer) => void (serverOutput += chunk.toString()));
      child.stderr?.on("data", (chunk: Buffer) => void (serverOutput += chunk.toString()));
      const baseUrl = `http://127.0.0.1:${port}`;
      await waitUntilUp(baseUrl, child, () => serverOutput);
      // The embedded search index is built from the database on first use (the outbox poller touches it at boot):
      // wait for it here, so its few seconds of indexing do not land in the measurements.
      await fetch(`${baseUrl}/search?q=coffee`);
      return { child, baseUrl };
    };
    const stopServer = async () => {
      const running = server;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once("exit", resolve));
      running.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    };

    // Shoppers' listing pages: page 2 of everything, a category, a label, by price both ways and newest.
    const rand = prng(99);
    const listingPaths = Array.from({ length: 200 }, () => {
      const params = new URLSearchParams();
      if (rand.chance(0.6)) params.set("category", rand.pick(CATEGORIES)[0]);
      else if (rand.chance(0.4)) params.set("label", rand.pick(LABELS)[0]);
      params.set("sort", rand.pick(["price-asc", "price-desc", "newest", "name"]));
      params.set("page", String(rand.int(1, 3)));
      params.set("perPage", "50");
      return `/products?${params}`;
    });
    listingPaths[0] = "/products?page=2&category=coffee&sort=price-asc&perPage=50";
    const productPaths = Array.from({ length: 2_000 }, () => `/products/${encodeURIComponent(rand.pick(slugs))}`);
    // Only keep pages that exist (archived products answer 404).
    const listed = new Set<string>();
    {
      const sqlite = new Database(databaseFile, { readonly: true });
      for (const row of sqlite.prepare(`SELECT slug FROM "Product" WHERE status = 'ACTIVE'`).all() as { slug: string }[]) listed.add(row.slug);
      sqlite.close();
    }
    const productPathsListed = productPaths.filter((p) => listed.has(decodeURIComponent(p.slice("/products/".length))));

    console.log(
      `\nCatalog benchmark — ${products.toLocaleString("en-GB")} products from ${producers} producers (generated in ${(generateMs / 1000).toFixed(1)} s), ` +
        `node server.js (NODE_ENV=production), autocannon ${CONNECTIONS} connections, ${WARM_UP_SECONDS} s warm-up + ${seconds} s per page, ` +
        `Node ${process.version}, ${os.cpus().length} CPUs`,
    );
    const listingWorkload = "50 per page, p1–3, category/label filter, sort price/newest/name";
    const productWorkload = `${new Set(productPathsListed).size} product pages rotating`;
    // Without the page cache first: what the app itself costs (and its SQL per request, every request a miss).
    let running = await startServer(false);
    const uncached = [
      await measure(running.baseUrl, running.child, "/products", listingWorkload, listingPaths, seconds, false),
      await measure(running.baseUrl, running.child, "/products/:slug", productWorkload, productPathsListed, seconds, false),
    ];
    await stopServer();
    running = await startServer(true);
    const cached = [
      await measure(running.baseUrl, running.child, "/products", listingWorkload, listingPaths, seconds, true),
      await measure(running.baseUrl, running.child, "/products/:slug", productWorkload, productPathsListed, seconds, true),
    ];
    const js = await firstVisitJavaScript(running.baseUrl, productPathsListed[0]);
    await stopServer();
    // SQL per request is the app's own: take it from the uncached run (the cached run's first requests also miss).
    cached.forEach((row, index) => (row.sqlPerRequest = uncached[index].sqlPerRequest));
    const results = [...uncached, ...cached];

    const ms = (value: number) => value.toFixed(1).padStart(7);
    const verdict = (ok: boolean) => (ok ? "PASS" : "MISS");
    console.log("");
    console.log("| page            | page cache | requests | req/s   | p50 ms  | p95 ms  | p99 ms  | max ms  | errors | SQL/req | HTML KB | target                          |");
    console.log("|-----------------|------------|----------|---------|---------|---------|---------|---------|--------|---------|---------|---------------------------------|");
    for (const row of results) {
      const target = row.page === "/products" ? CATALOG_TARGETS.listing : CATALOG_TARGETS.product;
      const ok = row.rps >= target.rps && row.p99Ms <= target.p99Ms;
      const judged = row.pageCache ? verdict(ok) : "(no target)";
      console.log(
        `| ${row.page.padEnd(15)} | ${(row.pageCache ? "default" : "off").padEnd(10)} | ${String(row.requests).padStart(8)} | ${row.rps.toFixed(0).padStart(7)} | ${ms(row.p50Ms)} | ${ms(row.p95Ms)} | ${ms(row.p99Ms)} | ${ms(row.maxMs)} | ` +
          `${String(row.errors + row.non2xx).padStart(6)} | ${(row.sqlPerRequest ?? Number.NaN).toFixed(1).padStart(7)} | ${(row.htmlBytes / 1024).toFixed(0).padStart(7)} | ` +
          `${`≥${target.rps}/s p99≤${target.p99Ms} ${judged}`.padEnd(31)} |`,
      );
    }
    const jsOk = js.gzipBytes <= CATALOG_TARGETS.productPageJsGzipBytes;
    console.log(
      `\nFirst visit to a product page downloads ${js.files} scripts: ${(js.rawBytes / 1024).toFixed(1)} KB, ${(js.gzipBytes / 1024).toFixed(1)} KB gzip ` +
        `(target ≤ ${CATALOG_TARGETS.productPageJsGzipBytes / 1024} KB: ${verdict(jsOk)})`,
    );
    console.log("Workloads: listing paths rotate through 200 shopper-like queries; product pages through the listed products.");
    console.log("Requests ask for gzip like a browser, carry no cookie (anonymous). SQL/req: statements per request (the median of 20 counted one at a time).");
    console.log("page cache 'default': the server as shipped — cookie-less catalog pages served from memory while the catalog data is unchanged");
    console.log("(at most PAGE_CACHE_SECONDS, default 60), warmed by one visit to every path. 'off' (PAGE_CACHE_SECONDS=0): every page rendered,");
    console.log("what a cold page or a signed-in shopper costs. Targets apply to the default server.");
    const serverLog = serverOutput.split("\n").filter((line) => line.trim() && !/listening on/.test(line));
    if (serverLog.length) console.log(`\nserver output (last lines):\n${serverLog.slice(-10).join("\n")}`);

    const round = (value: number, digits: number) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : null);
    for (const row of results) {
      const target = row.page === "/products" ? CATALOG_TARGETS.listing : CATALOG_TARGETS.product;
      console.log(
        `BENCH ${JSON.stringify({
          bench: "catalog",
          page: row.page,
          pageCache: row.pageCache,
          workload: row.workload,
          products,
          producers,
          connections: CONNECTIONS,
          seconds,
          requests: row.requests,
          rps: round(row.rps, 0),
          p50Ms: round(row.p50Ms, 1),
          p95Ms: round(row.p95Ms, 1),
          p99Ms: round(row.p99Ms, 1),
          maxMs: round(row.maxMs, 1),
          errors: row.errors + row.non2xx,
          sqlPerRequest: row.sqlPerRequest === null ? null : round(row.sqlPerRequest, 1),
          targetRps: target.rps,
          targetP99Ms: target.p99Ms,
          pass: row.pageCache ? row.rps >= target.rps && row.p99Ms <= target.p99Ms : null,
        })}`,
      );
    }
    console.log(
      `BENCH ${JSON.stringify({ bench: "catalog", page: "product page JS", scripts: js.files, rawBytes: js.rawBytes, gzipBytes: js.gzipBytes, targetGzipBytes: CATALOG_TARGETS.productPageJsGzipBytes, pass: jsOk })}`,
    );
    failed = results.some((row) => row.errors + row.non2xx > 0);
    if (failed) console.log("\nSome requests failed (errors or non-2xx answers): the figures above are not trustworthy.");
  } finally {
    const running = server as ChildProcess | null;
    if (running && running.exitCode === null) {
      const exited = new Promise((resolve) => running.once("exit", resolve));
      running.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    }
    if (profileDir) console.log(`CPU profiles (one per server run) written to ${profileDir}`);
    cleanUp();
  }
  if (failed) process.exitCode = 1;
}

// Runs when started as a script, never on import.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();

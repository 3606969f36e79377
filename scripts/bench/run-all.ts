/**
 * `npm run bench`: builds the app once (`npx remix build`), runs every benchmark under scripts/bench/ in turn as a
 * child process with modest sizes (the whole run takes a few minutes), shows each one's own output, collects their
 * `BENCH {json}` lines and prints one table: benchmark, workload, throughput, p50/p95/p99 and the target beside them.
 * Each benchmark generates its own data from a fixed seed into a throw-away database; demo data is never touched.
 *
 *   npm run bench                    # everything, modest sizes
 *   npm run bench -- catalog search  # only these
 *   npm run bench -- --full          # each benchmark's own (larger) default sizes
 *
 * Exit code 1 when a benchmark failed to run or reported errors; a missed target is printed as a named gap.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

type Row = {
  benchmark: string;
  workload: string;
  throughput: string;
  p50: string;
  p95: string;
  p99: string;
  target: string;
  verdict: "PASS" | "GAP" | "info" | "FAIL";
  gap?: string;
};

type BenchSpec = {
  name: string;
  script: string;
  /** Arguments for `npm run bench` (modest) and for `--full` (the script's defaults). */
  modestArgs: string[];
  /** Turns the benchmark's output (BENCH lines, or its table when it has none) into table rows. */
  rows: (bench: Record<string, unknown>[], output: string) => Row[];
};

const num = (value: unknown, digits = 1) => (typeof value === "number" && Number.isFinite(value) ? value.toFixed(digits) : "n/a");
const ms = (value: unknown) => (typeof value === "number" ? `${num(value, 1)} ms` : "n/a");

const BENCHMARKS: BenchSpec[] = [
  {
    name: "catalog",
    script: "scripts/bench/catalog.ts",
    modestArgs: ["10000", "40", "10"],
    rows: (lines) =>
      lines.map((line): Row => {
        if (line.page === "product page JS") {
          const gzipKb = Number(line.gzipBytes) / 1024;
          const targetKb = Number(line.targetGzipBytes) / 1024;
          return {
            benchmark: "catalog",
            workload: `product page JS, first visit (${String(line.scripts)} scripts)`,
            throughput: `${gzipKb.toFixed(1)} KB gzip`,
            p50: "",
            p95: "",
            p99: "",
            target: `≤ ${targetKb} KB gzip`,
            verdict: line.pass ? "PASS" : "GAP",
            gap: line.pass ? undefined : `${(gzipKb - targetKb).toFixed(1)} KB over`,
          };
        }
        const rps = Number(line.rps);
        const p99 = Number(line.p99Ms);
        const gaps: string[] = [];
        if (rps < Number(line.targetRps)) gaps.push(`${Math.round(Number(line.targetRps) - rps)} req/s short`);
        if (p99 > Number(line.targetP99Ms)) gaps.push(`p99 ${Math.round(p99 - Number(line.targetP99Ms))} ms over`);
        const cached = line.pageCache === false ? " (no page cache)" : "";
        return {
          benchmark: "catalog",
          workload: `${String(line.page)}${cached}, ${String(line.connections)} conns, SQL/req ${num(line.sqlPerRequest)}`,
          throughput: `${Math.round(rps)} req/s`,
          p50: ms(line.p50Ms),
          p95: ms(line.p95Ms),
          p99: ms(line.p99Ms),
          target: `≥ ${String(line.targetRps)} req/s, p99 ≤ ${String(line.targetP99Ms)} ms`,
          // The uncached rows are there to show what the cache hides; they carry no target of their own.
          verdict: Number(line.errors) > 0 ? "FAIL" : line.pageCache === false ? "info" : gaps.length ? "GAP" : "PASS",
          gap: Number(line.errors) > 0 ? `${String(line.errors)} failed requests` : gaps.join(", ") || undefined,
        };
      }),
  },
  {
    name: "search",
    script: "scripts/bench/search.ts",
    modestArgs: ["20000"],
    // search.ts prints a markdown table and no BENCH line: read its rows.
    rows: (_lines, output) => {
      const products = output.match(/—\s*([\d,]+) products/)?.[1] ?? "?";
      return [...output.matchAll(/^\|\s*(typed words|typos|faceted \+ sort)\s*\|\s*(\d+)\s*\|\s*([\d.]+)\s*\|\s*([\d.]+)\s*\|\s*([\d.]+)\s*\|.*\|\s*(PASS|MISS)\s*\|$/gm)].map(
        ([, kind, queries, p50, p95, p99, verdict]): Row => ({
          benchmark: "search",
          workload: `${kind}, ${products} products, ${queries} queries`,
          throughput: `${Math.round(1000 / Number(p50))} q/s (1 at a time)`,
          p50: `${p50} ms`,
          p95: `${p95} ms`,
          p99: `${p99} ms`,
          target: "p95 ≤ 10 ms",
          verdict: verdict === "PASS" ? "PASS" : "GAP",
          gap: verdict === "PASS" ? undefined : `p95 ${(Number(p95) - 10).toFixed(1)} ms over`,
        }),
      );
    },
  },
  {
    name: "checkout",
    script: "scripts/bench/checkout.ts",
    modestArgs: ["500"],
    rows: (lines) =>
      lines.map((line): Row => ({
        benchmark: "checkout",
        workload: `${String(line.phase)}, ${String(line.concurrency)} in flight, ${String(line.orders)} orders, SQL/order ${num(line.sqlPerOrder)}`,
        throughput: `${num(line.ordersPerSecond)} orders/s`,
        p50: ms(line.p50Ms),
        p95: ms(line.p95Ms),
        p99: ms(line.p99Ms),
        target: "no errors, consistent",
        verdict: Number(line.errors) === 0 && line.consistent ? "PASS" : "FAIL",
        gap: Number(line.errors) === 0 && line.consistent ? undefined : `${String(line.errors)} errors, consistent=${String(line.consistent)}`,
      })),
  },
  {
    name: "group-order",
    script: "scripts/bench/group-order.ts",
    modestArgs: ["3", "10"],
    rows: (lines) =>
      lines.flatMap((line): Row[] => [
        {
          benchmark: "group-order",
          workload: `close: ${String(line.lines)} lines, ${String(line.variants)} variants, ${String(line.closes)} closes`,
          throughput: `${num(1000 / Number(line.closeP50Ms), 2)} closes/s`,
          p50: ms(line.closeP50Ms),
          p95: ms(line.closeP95Ms),
          p99: `max ${ms(line.closeMaxMs)}`,
          target: `p95 < ${String(line.targetMs)} ms`,
          verdict: !line.consistent ? "FAIL" : line.pass ? "PASS" : "GAP",
          gap: !line.consistent ? "inconsistent close" : line.pass ? undefined : `p95 ${Math.round(Number(line.closeP95Ms) - Number(line.targetMs))} ms over`,
        },
        {
          benchmark: "group-order",
          workload: `allocate() alone, ${String(line.allocateRuns)} runs`,
          throughput: `${num(1000 / Number(line.allocateP50Ms), 0)} runs/s`,
          p50: ms(line.allocateP50Ms),
          p95: ms(line.allocateP95Ms),
          p99: `max ${ms(line.allocateMaxMs)}`,
          target: "",
          verdict: "info",
        },
      ]),
  },
];

function runChild(script: string, args: string[], root: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), script, ...args], {
      cwd: root,
      env: process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const relay = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
      output += chunk.toString();
      stream.write(chunk);
    };
    child.stdout.on("data", relay(process.stdout));
    child.stderr.on("data", relay(process.stderr));
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

function printTable(rows: Row[]) {
  const headers = ["benchmark", "workload", "throughput", "p50", "p95", "p99", "target", "result"];
  const cells = rows.map((row) => [
    row.benchmark,
    row.workload,
    row.throughput,
    row.p50,
    row.p95,
    row.p99,
    row.target,
    row.gap ? `${row.verdict}: ${row.gap}` : row.verdict,
  ]);
  const widths = headers.map((header, column) => Math.max(header.length, ...cells.map((line) => line[column].length)));
  const line = (values: string[]) => `| ${values.map((value, column) => value.padEnd(widths[column])).join(" | ")} |`;
  console.log(line(headers));
  console.log(`|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`);
  for (const row of cells) console.log(line(row));
}

async function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  const argv = process.argv.slice(2);
  const full = argv.includes("--full");
  const only = argv.filter((arg) => !arg.startsWith("--"));
  const unknown = only.filter((name) => !BENCHMARKS.some((bench) => bench.name === name));
  if (unknown.length) {
    console.error(`unknown benchmark(s): ${unknown.join(", ")}; known: ${BENCHMARKS.map((bench) => bench.name).join(", ")}`);
    process.exit(2);
  }
  const selected = BENCHMARKS.filter((bench) => only.length === 0 || only.includes(bench.name));
  const started = performance.now();

  console.log("Building the production bundle (npx remix build)…");
  const build = spawnSync("npx", ["remix", "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) {
    console.error("remix build failed");
    process.exit(1);
  }

  const rows: Row[] = [];
  let failed = false;
  for (const bench of selected) {
    if (!fs.existsSync(path.join(root, bench.script))) {
      rows.push({ benchmark: bench.name, workload: "(script missing)", throughput: "", p50: "", p95: "", p99: "", target: "", verdict: "FAIL" });
      failed = true;
      continue;
    }
    console.log(`\n━━ ${bench.name} ━━ npx tsx ${bench.script} ${full ? "" : bench.modestArgs.join(" ")}`);
    const { code, output } = await runChild(bench.script, full ? [] : bench.modestArgs, root);
    const lines = output
      .split("\n")
      .filter((line) => line.startsWith("BENCH "))
      .map((line) => JSON.parse(line.slice("BENCH ".length)) as Record<string, unknown>);
    const benchRows = bench.rows(lines, output);
    if (benchRows.length === 0) {
      benchRows.push({ benchmark: bench.name, workload: `(no results; exit code ${code})`, throughput: "", p50: "", p95: "", p99: "", target: "", verdict: "FAIL" });
    }
    // A non-zero exit with rows means the script judged its own run (errors, inconsistency or a missed target).
    if (code !== 0 && benchRows.every((row) => row.verdict !== "FAIL" && row.verdict !== "GAP")) {
      benchRows.push({ benchmark: bench.name, workload: `(exit code ${code})`, throughput: "", p50: "", p95: "", p99: "", target: "", verdict: "FAIL" });
    }
    if (benchRows.some((row) => row.verdict === "FAIL")) failed = true;
    rows.push(...benchRows);
  }

  const [load1] = os.loadavg();
  console.log(
    `\n━━ All benchmarks ━━ ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"}), Node ${process.version}, ` +
      `load average ${load1.toFixed(1)} at the end, ${((performance.now() - started) / 1000).toFixed(0)} s in all\n`,
  );
  printTable(rows);
  console.log("\nPASS: target met · GAP: target missed by the amount shown · FAIL: errors or inconsistent results · info: no target");
  console.log("The load generator shares the machine with the server; other processes running at the same time lower every figure.");
  if (failed) process.exitCode = 1;
}

await main();

import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";
import type Database from "better-sqlite3";
import { PrismaClient, type Prisma } from "~/generated/prisma/client";
import { noteStatement } from "./catalog-version.server";
import { databaseFilePath } from "~/lib/database-url";
import { env } from "~/lib/env.server";

export type { PrismaClient } from "~/generated/prisma/client";

/** A first-come, first-served lock: `acquire()` resolves with the function that releases it. */
function createLock() {
  let tail = Promise.resolve();
  return {
    acquire(): Promise<() => void> {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const acquired = tail.then(() => release);
      tail = tail.then(() => released);
      return acquired;
    },
  };
}

/**
 * better-sqlite3 gives Prisma ONE connection. The adapter queues transactions, but a query outside a transaction
 * runs straight away on that connection — inside whatever transaction is open, reading its uncommitted rows and
 * vanishing if it rolls back. This wrapper puts every statement in the same queue as transactions, so each
 * transaction really is isolated. (PostgreSQL has a pool of connections and needs none of this.)
 * It also tells the catalog version about every statement (catalog-version.server.ts).
 */
export function serializeSqlite(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  const lock = createLock();
  const exclusive = async <T,>(run: () => Promise<T>): Promise<T> => {
    const release = await lock.acquire();
    try {
      return await run();
    } finally {
      release();
    }
  };
  const wrapTransaction = (transaction: Transaction, release: () => void): Transaction => {
    let done = false;
    const finish = async (end: () => Promise<void>) => {
      try {
        await end();
      } finally {
        if (!done) {
          done = true;
          release();
        }
      }
    };
    return {
      provider: transaction.provider,
      adapterName: transaction.adapterName,
      options: transaction.options,
      queryRaw: (query) => (noteStatement(query.sql), transaction.queryRaw(query)),
      executeRaw: (query) => (noteStatement(query.sql), transaction.executeRaw(query)),
      commit: () => finish(() => transaction.commit()),
      rollback: () => finish(() => transaction.rollback()),
    };
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect(): Promise<SqlDriverAdapter> {
      const adapter = await factory.connect();
      // The driver's own connection, for bulk writes inside a transaction (see insertRows).
      sqliteConnection = (adapter as unknown as { client?: Database.Database }).client ?? null;
      // In WAL mode (set by `npm run setup`), NORMAL is durable across crashes of the app and needs no fsync per
      // commit; only a power cut can lose the last commits. The usual setting for a WAL database.
      if (sqliteConnection && sqliteConnection.pragma("journal_mode", { simple: true }) === "wal") sqliteConnection.pragma("synchronous = NORMAL");
      // Table statistics for the query planner, as SQLite advises for long-lived connections (refreshed hourly by the
      // scheduler): without them it reads a whole table through a low-selectivity index such as Product(status)
      // where an OR of two indexes or a covering index is 5–10× faster (scripts/bench/catalog.ts).
      optimizeSqlite(0x10002);
      return {
        provider: adapter.provider,
        adapterName: adapter.adapterName,
        queryRaw: (query) => (noteStatement(query.sql), exclusive(() => adapter.queryRaw(query))),
        executeRaw: (query) => (noteStatement(query.sql), exclusive(() => adapter.executeRaw(query))),
        executeScript: (script) => exclusive(() => adapter.executeScript(script)),
        async startTransaction(isolationLevel) {
          const release = await lock.acquire();
          try {
            return wrapTransaction(await adapter.startTransaction(isolationLevel), release);
          } catch (error) {
            release();
            throw error;
          }
        },
        getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
        dispose: () => adapter.dispose(),
      };
    },
  };
}

let sqliteConnection: Database.Database | null = null;

/** `PRAGMA optimize` (ANALYZE where statistics are missing or stale, bounded by analysis_limit); SQLite only. */
function optimizeSqlite(mask: number): void {
  if (!sqliteConnection) return;
  sqliteConnection.pragma("analysis_limit = 1000");
  sqliteConnection.pragma(`optimize = ${mask}`);
}

/** The hourly refresh of the planner's statistics, queued like any statement (SQLite only; a no-op elsewhere). */
export async function refreshQueryPlannerStatistics(): Promise<void> {
  if (sqliteConnection) await db.$queryRawUnsafe("PRAGMA optimize");
}

/** How the better-sqlite3 adapter stores a DateTime (its default iso8601 format). */
// Bulk rows share a few Date objects (one `now` per close): format each once, not once per row and column.
let lastDate: Date | null = null;
let lastDateText = "";
let lastDateTime = Number.NaN;

function toSqliteValue(value: unknown): unknown {
  if (value instanceof Date) {
    if (value !== lastDate || value.getTime() !== lastDateTime) {
      lastDate = value;
      lastDateTime = value.getTime();
      lastDateText = value.toISOString().replace("Z", "+00:00");
    }
    return lastDateText;
  }
  if (typeof value === "boolean") return value ? 1 : 0;
  return value ?? null;
}

const MAX_SQLITE_PARAMETERS = 30_000;

/**
 * Inserts many rows of one table inside the caller's transaction. Prisma's createMany costs about half a
 * millisecond per row here (query compilation and mapping), which makes a group order's close — tens of thousands
 * of rows — take many seconds; on SQLite this writes through the driver's prepared statements instead, in the same
 * transaction (the serialising lock is held by it). Every column must be given (ids, timestamps, defaults): no
 * Prisma default applies. Other databases fall back to createMany.
 */
export async function insertRows(tx: Prisma.TransactionClient, table: Prisma.ModelName, rows: readonly Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  if (!sqliteConnection) {
    const delegate = (tx as unknown as Record<string, { createMany: (args: { data: readonly Record<string, unknown>[] }) => Promise<unknown> }>)[
      table.charAt(0).toLowerCase() + table.slice(1)
    ];
    await delegate.createMany({ data: rows });
    return;
  }
  const columns = Object.keys(rows[0]);
  const perStatement = Math.max(1, Math.floor(MAX_SQLITE_PARAMETERS / columns.length));
  const rowPlaceholders = `(${columns.map(() => "?").join(",")})`;
  noteStatement(`INSERT INTO "${table}"`);
  const head = `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(",")}) VALUES `;
  const statements = new Map<number, Database.Statement>();
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    let statement = statements.get(chunk.length);
    if (!statement) {
      statement = sqliteConnection.prepare(head + Array.from({ length: chunk.length }, () => rowPlaceholders).join(","));
      statements.set(chunk.length, statement);
    }
    const values: unknown[] = [];
    for (const row of chunk) for (const column of columns) values.push(toSqliteValue(row[column]));
    statement.run(values);
  }
}

/**
 * Runs one parameterised statement for many parameter lists inside the caller's transaction, returning how many
 * rows each changed. On SQLite it is one prepared statement run n times; elsewhere n raw queries.
 */
export async function runEach(tx: Prisma.TransactionClient, sql: string, parameterLists: readonly unknown[][]): Promise<number[]> {
  if (!sqliteConnection) {
    const changed: number[] = [];
    for (const parameters of parameterLists) changed.push(await tx.$executeRawUnsafe(sql, ...parameters));
    return changed;
  }
  noteStatement(sql);
  const statement = sqliteConnection.prepare(sql);
  return parameterLists.map((parameters) => statement.run(parameters.map(toSqliteValue)).changes);
}

function createClient() {
  // busy timeout: let concurrent writers wait for SQLite's single write lock instead of failing at once.
  const adapter = serializeSqlite(new PrismaBetterSQLite3({ url: databaseFilePath(env.DATABASE_URL), timeout: 5_000 }));
  return new PrismaClient({ adapter });
}

// Keep one client across dev rebuilds; in production and tests each process (or test file) gets its own.
const globalForDb = globalThis as unknown as { __db?: PrismaClient };
export const db: PrismaClient =
  env.NODE_ENV === "development" ? (globalForDb.__db ??= createClient()) : createClient();

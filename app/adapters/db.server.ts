import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "~/generated/prisma/client";
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
      queryRaw: (query) => transaction.queryRaw(query),
      executeRaw: (query) => transaction.executeRaw(query),
      commit: () => finish(() => transaction.commit()),
      rollback: () => finish(() => transaction.rollback()),
    };
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect(): Promise<SqlDriverAdapter> {
      const adapter = await factory.connect();
      return {
        provider: adapter.provider,
        adapterName: adapter.adapterName,
        queryRaw: (query) => exclusive(() => adapter.queryRaw(query)),
        executeRaw: (query) => exclusive(() => adapter.executeRaw(query)),
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

function createClient() {
  // busy timeout: let concurrent writers wait for SQLite's single write lock instead of failing at once.
  const adapter = serializeSqlite(new PrismaBetterSQLite3({ url: databaseFilePath(env.DATABASE_URL), timeout: 5_000 }));
  return new PrismaClient({ adapter });
}

// Keep one client across dev rebuilds; in production and tests each process (or test file) gets its own.
const globalForDb = globalThis as unknown as { __db?: PrismaClient };
export const db: PrismaClient =
  env.NODE_ENV === "development" ? (globalForDb.__db ??= createClient()) : createClient();

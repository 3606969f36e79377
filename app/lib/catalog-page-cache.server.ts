import { catalogDataVersion } from "~/adapters/catalog-version.server";
import { env } from "./env.server";
import { createPageCache } from "./page-cache.server";

/** The product listing and product pages, for visitors without cookies (see page-cache.server.ts). */
export const CATALOG_PAGE_PATH = /^\/products(?:\/[^/]+)?\/?$/;

export const catalogPageCache = createPageCache({
  // In development it is code, not data, that changes pages: no cache.
  ttlMs: env.NODE_ENV === "development" ? 0 : env.PAGE_CACHE_SECONDS * 1000,
  cacheablePath: CATALOG_PAGE_PATH,
  dataVersion: catalogDataVersion,
});

/** The catalog's sort orders and page sizes: plain data for the listing page's controls (no zod in the browser). */
export const CATALOG_SORTS = ["name", "newest", "price-asc", "price-desc"] as const;
export type CatalogSort = (typeof CATALOG_SORTS)[number];
export const CATALOG_SORT_LABELS: Record<CatalogSort, string> = {
  name: "Name",
  newest: "Newest",
  "price-asc": "Price: low to high",
  "price-desc": "Price: high to low",
};

/** Products per page a shopper can choose; the first is the default. */
export const CATALOG_PAGE_SIZES = [24, 50, 100] as const;
export const DEFAULT_CATALOG_PAGE_SIZE = CATALOG_PAGE_SIZES[0];

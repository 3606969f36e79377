import { z } from "zod";
import { pageParamSchema } from "./pagination";

export const CATALOG_SORTS = ["name", "newest", "price-asc", "price-desc"] as const;
export const CATALOG_SORT_LABELS: Record<(typeof CATALOG_SORTS)[number], string> = {
  name: "Name",
  newest: "Newest",
  "price-asc": "Price: low to high",
  "price-desc": "Price: high to low",
};

const slugParam = z
  .string()
  .regex(/^[a-z0-9-]{1,80}$/)
  .optional()
  .catch(undefined);

/** The catalog's URL state. Unknown or malformed values fall back to defaults: a shared link never errors. */
export const catalogQuerySchema = z.object({
  category: slugParam,
  label: slugParam,
  sort: z.enum(CATALOG_SORTS).catch("name"),
  page: pageParamSchema,
});
export type CatalogQuery = z.infer<typeof catalogQuerySchema>;

export function parseCatalogQuery(url: URL): CatalogQuery {
  const params = url.searchParams;
  return catalogQuerySchema.parse({
    category: params.get("category") || undefined,
    label: params.get("label") || undefined,
    sort: params.get("sort") ?? "name",
    page: params.get("page") ?? 1,
  });
}

import { z } from "zod";
import { pageParamSchema } from "./pagination";

import { CATALOG_PAGE_SIZES, CATALOG_SORTS, DEFAULT_CATALOG_PAGE_SIZE } from "./catalog-options";

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
  perPage: z.coerce
    .number()
    .refine((value) => (CATALOG_PAGE_SIZES as readonly number[]).includes(value))
    .catch(DEFAULT_CATALOG_PAGE_SIZE),
});
export type CatalogQuery = z.infer<typeof catalogQuerySchema>;

export function parseCatalogQuery(url: URL): CatalogQuery {
  const params = url.searchParams;
  return catalogQuerySchema.parse({
    category: params.get("category") || undefined,
    label: params.get("label") || undefined,
    sort: params.get("sort") ?? "name",
    page: params.get("page") ?? 1,
    perPage: params.get("perPage") ?? DEFAULT_CATALOG_PAGE_SIZE,
  });
}

import { z } from "zod";

/** `?page=` from a URL: a positive whole number, 1 when missing or nonsense (never an error page). */
export const pageParamSchema = z.coerce.number().int().min(1).max(10_000).catch(1);

export function parsePage(url: URL): number {
  return pageParamSchema.parse(url.searchParams.get("page") ?? 1);
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

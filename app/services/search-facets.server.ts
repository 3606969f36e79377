import { db } from "~/adapters/db.server";
import type { FacetCount } from "~/adapters/search/types";

/** Display names for the slugs the search engine returns as facet values. */
export async function searchFacetNames(facets: { category: FacetCount[]; label: FacetCount[]; producer: FacetCount[]; brand: FacetCount[] }) {
  const values = (counts: FacetCount[]) => counts.map((count) => count.value);
  const [categories, labels, producers, brands] = await Promise.all([
    db.category.findMany({ where: { slug: { in: values(facets.category) } }, select: { slug: true, name: true } }),
    db.label.findMany({ select: { slug: true, name: true } }),
    db.organization.findMany({ where: { slug: { in: values(facets.producer) } }, select: { slug: true, name: true } }),
    db.brand.findMany({ where: { slug: { in: values(facets.brand) } }, select: { slug: true, name: true } }),
  ]);
  const byslug = (rows: { slug: string; name: string }[]) => Object.fromEntries(rows.map((row) => [row.slug, row.name]));
  return { category: byslug(categories), label: byslug(labels), producer: byslug(producers), brand: byslug(brands) } as Partial<
    Record<string, Record<string, string>>
  >;
}

/** "Café Los Andes — Cooperativa" → "cafe-los-andes-cooperativa" */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
}

/** The first of base, base-2, base-3 … that is not taken. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  const root = base || "organisation";
  if (!taken.has(root)) return root;
  for (let n = 2; ; n++) {
    const candidate = `${root}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

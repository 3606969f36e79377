import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { Pagination } from "~/components/pagination";
import { countryName } from "~/domain/countries";
import { centsToInput, formatMoney } from "~/domain/money";
import { ORGANIZATION_KIND_LABELS, type OrganizationKind } from "~/domain/organization-forms";
import { parseSearchQuery, SEARCH_SORT_LABELS, SEARCH_SORTS, type MultiValueFacet } from "~/domain/search-query";
import { searchFacetNames } from "~/services/search-facets.server";
import { searchOrganizations, searchProducts } from "~/services/search.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.query.q ? `“${data.query.q}” — Search — Solidarity Market` : "Search — Solidarity Market" },
];

/** How many organisations the compact block above the products shows. */
const ORGANIZATION_HITS = 4;

export async function loader({ request }: LoaderFunctionArgs) {
  const query = parseSearchQuery(new URL(request.url).searchParams);
  // Organisations match the typed words only (product filters do not apply to them), on the first page.
  const [result, found] = await Promise.all([
    searchProducts(query),
    query.q && query.page === 1 ? searchOrganizations(query.q, ORGANIZATION_HITS) : null,
  ]);
  const names = await searchFacetNames(result.facets);
  const organizations = found?.hits.length
    ? {
        total: found.total,
        hits: found.hits.map(({ document, highlights }) => ({
          id: document.id,
          slug: document.slug,
          kind: document.kind,
          country: document.country,
          highlights,
        })),
      }
    : null;
  return json({ query, result, names, organizations });
}

const FACET_GROUPS: { facet: MultiValueFacet; title: string }[] = [
  { facet: "category", title: "Category" },
  { facet: "label", title: "Label" },
  { facet: "producer", title: "Producer" },
  { facet: "country", title: "Origin" },
  { facet: "organizationKind", title: "Sold by" },
  { facet: "brand", title: "Brand" },
];

const DEBOUNCE_MS = 250;

export default function SearchPage() {
  const { query, result, names, organizations } = useLoaderData<typeof loader>();
  const submit = useSubmit();
  const navigation = useNavigation();
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);

  // Results follow the form as people type (debounced) or tick a facet; the URL keeps the state, so it can be shared.
  const update = (delay: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (formRef.current) submit(formRef.current, { replace: true, preventScrollReset: true });
    }, delay);
  };
  const label = (facet: MultiValueFacet, value: string) =>
    facet === "country"
      ? countryName(value)
      : facet === "organizationKind"
        ? (ORGANIZATION_KIND_LABELS[value as OrganizationKind] ?? value)
        : (names[facet]?.[value] ?? value);
  const selected = (facet: MultiValueFacet) => new Set(query.filters[facet] ?? []);
  const searching = navigation.state === "loading" && navigation.location?.pathname === "/search";

  return (
    <main className="mx-auto max-w-6xl px-4 py-10">
      <Form
        method="get"
        action="/search"
        ref={formRef}
        role="search"
        // Typing (text fields) waits for a pause; ticking a box or choosing a sort updates at once.
        onChange={(event) => update((event.target as HTMLInputElement).type === "checkbox" || (event.target as HTMLElement).tagName === "SELECT" ? 0 : DEBOUNCE_MS)}
      >
        <div className="flex flex-wrap items-end gap-3">
          <label className="min-w-64 flex-1">
            <span className="block text-sm font-medium">Search products and producers</span>
            <input
              type="search"
              name="q"
              defaultValue={query.q}
              placeholder="coffee, honey, Fairtrade, Kenya…"
              className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-lg"
              autoComplete="off"
            />
          </label>
          <label className="text-sm font-medium">
            Sort by
            <select name="sort" defaultValue={query.sort} className="mt-1 block rounded-md border border-stone-300 bg-white px-3 py-2.5">
              {SEARCH_SORTS.map((sort) => (
                <option key={sort} value={sort}>
                  {SEARCH_SORT_LABELS[sort]}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700">
            Search
          </button>
        </div>
        <p className="mt-3 text-sm text-stone-600" aria-live="polite">
          {searching ? "Searching…" : `${result.total} ${result.total === 1 ? "product" : "products"}${query.q ? ` for “${query.q}”` : ""}`}
        </p>

        <div className="mt-6 grid gap-8 md:grid-cols-[16rem_1fr]">
          <aside aria-label="Filters" className="space-y-6">
            {FACET_GROUPS.map(({ facet, title }) =>
              result.facets[facet].length ? (
                <fieldset key={facet}>
                  <legend className="text-sm font-semibold">{title}</legend>
                  <ul className="mt-2 space-y-1">
                    {result.facets[facet].map(({ value, count }) => (
                      <li key={value}>
                        <label className="flex items-center gap-2 text-sm">
                          <input type="checkbox" name={facet} value={value} defaultChecked={selected(facet).has(value)} className="h-4 w-4" />
                          <span>
                            {label(facet, value)} <span className="text-stone-500">({count})</span>
                          </span>
                        </label>
                      </li>
                    ))}
                  </ul>
                </fieldset>
              ) : null,
            )}
            <fieldset>
              <legend className="text-sm font-semibold">Availability</legend>
              <label className="mt-2 flex items-center gap-2 text-sm">
                <input type="checkbox" name="inStock" value="1" defaultChecked={query.filters.inStock === true} className="h-4 w-4" />
                In stock
              </label>
              <label className="mt-1 flex items-center gap-2 text-sm">
                <input type="checkbox" name="wholesale" value="1" defaultChecked={query.filters.wholesale === true} className="h-4 w-4" />
                Sold by the case (wholesale)
              </label>
            </fieldset>
            <fieldset>
              <legend className="text-sm font-semibold">Price per unit (€)</legend>
              <div className="mt-2 flex items-center gap-2">
                <input
                  name="minPrice"
                  inputMode="decimal"
                  aria-label="Minimum price in euros"
                  placeholder={result.priceRange ? centsToInput(result.priceRange.min) : "min"}
                  defaultValue={query.filters.minPriceCents !== undefined ? centsToInput(query.filters.minPriceCents) : ""}
                  className="w-20 rounded-md border border-stone-300 bg-white px-2 py-1 text-sm"
                />
                <span aria-hidden="true">–</span>
                <input
                  name="maxPrice"
                  inputMode="decimal"
                  aria-label="Maximum price in euros"
                  placeholder={result.priceRange ? centsToInput(result.priceRange.max) : "max"}
                  defaultValue={query.filters.maxPriceCents !== undefined ? centsToInput(query.filters.maxPriceCents) : ""}
                  className="w-20 rounded-md border border-stone-300 bg-white px-2 py-1 text-sm"
                />
              </div>
            </fieldset>
            <noscript>
              <button type="submit" className="rounded-md border border-stone-300 bg-white px-3 py-2 text-sm font-semibold">
                Apply filters
              </button>
            </noscript>
            <Link to="/search" className="block text-sm text-brand-700 underline">
              Clear everything
            </Link>
          </aside>

          <div>
            {organizations ? (
              <section aria-label="Organisations" className="mb-6 rounded-lg border border-stone-200 bg-stone-50 p-4">
                <h2 className="text-sm font-semibold">
                  Organisations <span className="font-normal text-stone-600">({organizations.total})</span>
                </h2>
                <ul className="mt-2 grid gap-x-6 gap-y-2 sm:grid-cols-2">
                  {organizations.hits.map(({ id, slug, kind, country, highlights }) => (
                    <li key={id}>
                      <Link
                        to={`/producers/${slug}`}
                        className="font-semibold text-brand-700 hover:underline [&_mark]:bg-amber-100 [&_mark]:text-inherit"
                        dangerouslySetInnerHTML={{ __html: highlights.name }}
                      />
                      <p className="text-xs text-stone-600 [&_mark]:bg-amber-100">
                        {ORGANIZATION_KIND_LABELS[kind as OrganizationKind] ?? kind} ·{" "}
                        <span dangerouslySetInnerHTML={{ __html: highlights.region }} />, {countryName(country)}
                      </p>
                    </li>
                  ))}
                </ul>
                {organizations.total > organizations.hits.length ? (
                  <p className="mt-2 text-xs text-stone-600">
                    The best {organizations.hits.length} of {organizations.total}; add a word to narrow them down.
                  </p>
                ) : null}
              </section>
            ) : null}
            <section aria-label="Results">
              {result.hits.length ? (
                <ol className="space-y-3">
                  {result.hits.map(({ document, highlights }) => (
                    <li key={document.id} className="rounded-lg border border-stone-200 bg-white p-4">
                      <h2 className="font-semibold">
                        <Link
                          to={`/products/${document.slug}`}
                          className="hover:underline [&_mark]:bg-amber-100 [&_mark]:text-inherit"
                          dangerouslySetInnerHTML={{ __html: highlights.title ?? document.title }}
                        />
                      </h2>
                      <p className="text-sm text-stone-600">
                        {document.producerName} · {document.categoryName} · {countryName(document.country)}
                      </p>
                      <p
                        className="mt-1 text-sm text-stone-800 [&_mark]:bg-amber-100"
                        dangerouslySetInnerHTML={{ __html: highlights.summary ?? document.summary }}
                      />
                      <p className="mt-2 flex flex-wrap items-center gap-3 text-sm">
                        <span className="font-semibold">from {formatMoney(document.minPriceCents)}</span>
                        {document.inStock ? null : <span className="text-red-700">Out of stock</span>}
                        {document.labels.map((slug) => (
                          <span key={slug} className="rounded-full border border-stone-300 px-2 py-0.5 text-xs">
                            {names.label?.[slug] ?? slug}
                          </span>
                        ))}
                      </p>
                    </li>
                  ))}
                </ol>
              ) : (
                <div className="rounded-lg border border-dashed border-stone-300 bg-white p-8 text-center text-stone-700">
                  <p className="font-semibold">No products match{query.q ? ` “${query.q}”` : " these filters"}.</p>
                  <p className="mt-1 text-sm">Try fewer or shorter words, or remove a filter.</p>
                </div>
              )}
              <Pagination page={query.page} total={result.total} pageSize={query.pageSize} />
            </section>
          </div>
        </div>
      </Form>
    </main>
  );
}

import { Link, useLocation } from "@remix-run/react";
import { pageCount } from "~/domain/pagination";

/** Previous/next links that keep every other query parameter (filters) as they are. */
export function Pagination({ page, total, pageSize }: { page: number; total: number; pageSize: number }) {
  const location = useLocation();
  const pages = pageCount(total, pageSize);
  if (pages <= 1) return null;
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(location.search);
    params.set("page", String(target));
    return `${location.pathname}?${params}`;
  };
  const linkClass = "rounded-md border border-stone-300 bg-white px-3 py-2 text-sm font-medium hover:bg-stone-100";
  return (
    <nav aria-label="Pagination" className="mt-8 flex items-center justify-between">
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} className={linkClass} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-stone-600">
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link to={hrefFor(page + 1)} className={linkClass} rel="next">
          Next →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

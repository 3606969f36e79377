import { Link } from "@remix-run/react";
import { countryName } from "~/domain/countries";
import { formatMoney } from "~/domain/money";
import { LEGAL_FORM_LABELS, ORGANIZATION_KIND_LABELS, type LegalForm, type OrganizationKind } from "~/domain/organization-kinds";

// Type only: the data comes from the server (productCardsWhere); nothing of catalog.server reaches the browser.
import type { ProductCard as ProductCardData } from "~/services/catalog.server";

export function ProductCard({ product }: { product: ProductCardData }) {
  return (
    <li className="flex flex-col rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
      {product.thumbPath ? (
        <img
          src={`/uploads/${product.thumbPath}`}
          alt={product.imageAlt ?? ""}
          width={480}
          height={480}
          loading="lazy"
          className="mb-3 h-28 w-full rounded-md object-cover"
        />
      ) : (
        <div aria-hidden="true" className="mb-3 flex h-28 items-center justify-center rounded-md bg-earth-100 text-3xl font-bold text-earth-500">
          {product.title.slice(0, 1)}
        </div>
      )}
      <p className="text-xs font-medium uppercase tracking-wide text-brand-700">{product.categoryName}</p>
      <h3 className="mt-1 font-semibold text-stone-900">
        <Link to={`/products/${product.slug}`} className="hover:underline">
          {product.title}
        </Link>
      </h3>
      <p className="text-sm text-stone-600">
        {product.organizationName} · {countryName(product.originCountry)}
      </p>
      <p className="mt-2 line-clamp-2 text-sm text-stone-700">{product.summary}</p>
      <div className="mt-auto flex items-baseline justify-between pt-3">
        {product.fromPriceCents !== null ? (
          <p className="font-semibold">
            {product.variantCount > 1 ? "from " : ""}
            {formatMoney(product.fromPriceCents)}
            <span className="text-sm font-normal text-stone-600"> / {product.fromUnitLabel}</span>
          </p>
        ) : null}
        {product.inStock ? null : <span className="text-sm text-red-700">Out of stock</span>}
      </div>
    </li>
  );
}

export type OrganizationCardData = {
  slug: string;
  name: string;
  kind: string;
  legalForm: string;
  country: string;
  region: string;
  verifiedAt: Date | string | null;
};

export function VerifiedBadge() {
  return (
    <span className="inline-flex items-center rounded-full bg-brand-100 px-2 py-0.5 text-xs font-medium text-brand-900">
      Verified organisation
    </span>
  );
}

export function OrganizationCard({ organization }: { organization: OrganizationCardData }) {
  return (
    <li className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
      <p className="text-xs font-medium uppercase tracking-wide text-brand-700">
        {ORGANIZATION_KIND_LABELS[organization.kind as OrganizationKind]}
      </p>
      <h3 className="mt-1 font-semibold">
        <Link to={`/producers/${organization.slug}`} className="hover:underline">
          {organization.name}
        </Link>
      </h3>
      <p className="text-sm text-stone-600">
        {organization.region}, {countryName(organization.country)}
      </p>
      <p className="mt-1 text-sm text-stone-600">{LEGAL_FORM_LABELS[organization.legalForm as LegalForm]}</p>
      {organization.verifiedAt ? (
        <div className="mt-2">
          <VerifiedBadge />
        </div>
      ) : null}
    </li>
  );
}

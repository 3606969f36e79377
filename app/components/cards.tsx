import { Link } from "@remix-run/react";
import { countryName } from "~/domain/countries";
import { formatMoney } from "~/domain/money";
import { LEGAL_FORM_LABELS, ORGANIZATION_KIND_LABELS, type LegalForm, type OrganizationKind } from "~/domain/organization-kinds";

export type ProductCardData = {
  slug: string;
  title: string;
  summary: string;
  originCountry: string;
  category: { name: string };
  organization: { name: string };
  variants: { retailPriceCents: number; unitLabel: string; stock: number }[];
  images?: { thumbPath: string; alt: string }[];
};

export function ProductCard({ product }: { product: ProductCardData }) {
  const cheapest = product.variants[0];
  const inStock = product.variants.some((variant) => variant.stock > 0);
  return (
    <li className="flex flex-col rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
      {product.images?.[0] ? (
        <img
          src={`/uploads/${product.images[0].thumbPath}`}
          alt={product.images[0].alt}
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
      <p className="text-xs font-medium uppercase tracking-wide text-brand-700">{product.category.name}</p>
      <h3 className="mt-1 font-semibold text-stone-900">
        <Link to={`/products/${product.slug}`} className="hover:underline">
          {product.title}
        </Link>
      </h3>
      <p className="text-sm text-stone-600">
        {product.organization.name} · {countryName(product.originCountry)}
      </p>
      <p className="mt-2 line-clamp-2 text-sm text-stone-700">{product.summary}</p>
      <div className="mt-auto flex items-baseline justify-between pt-3">
        {cheapest ? (
          <p className="font-semibold">
            {product.variants.length > 1 ? "from " : ""}
            {formatMoney(cheapest.retailPriceCents)}
            <span className="text-sm font-normal text-stone-600"> / {cheapest.unitLabel}</span>
          </p>
        ) : null}
        {inStock ? null : <span className="text-sm text-red-700">Out of stock</span>}
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

import type { FieldMetadata } from "@conform-to/react";
import { SelectField, TextareaField, TextField } from "~/components/ui/form";
import { COUNTRY_OPTIONS } from "~/domain/countries";


// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fields<K extends string> = Record<K, FieldMetadata<any>>;

/** The product's own fields; used by the new-product form and the details editor. */
export function ProductFieldInputs({
  fields,
  categories,
}: {
  fields: Fields<"title" | "summary" | "description" | "categorySlug" | "originCountry" | "originRegion" | "originPlace">;
  categories: readonly { slug: string; name: string }[];
}) {
  return (
    <div className="space-y-5">
      <TextField label="Title" meta={fields.title} />
      <TextField label="Summary" meta={fields.summary} help="One sentence shown on product cards." />
      <TextareaField
        label="Description"
        meta={fields.description}
        rows={8}
        help="Markdown: **bold**, *italic*, lists and links. Tell buyers the variety, process, taste and who grows it."
      />
      <SelectField
        label="Category"
        meta={fields.categorySlug}
        options={categories.map((category) => ({ value: category.slug, label: category.name }))}
      />
      <fieldset className="grid gap-5 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold text-stone-800">Origin</legend>
        <SelectField label="Country" meta={fields.originCountry} options={COUNTRY_OPTIONS} />
        <TextField label="Region" meta={fields.originRegion} />
        <TextField label="Farm, village or site" meta={fields.originPlace} optional />
      </fieldset>
    </div>
  );
}

/** One variant's fields (unit, case, prices, stock); used when creating a product and editing variants. */
export function VariantFieldInputs({
  fields,
}: {
  fields: Fields<
    "sku" | "unitLabel" | "caseSize" | "retailPriceCents" | "wholesaleCasePriceCents" | "stock" | "minOrderUnits" | "lotCode"
  >;
}) {
  return (
    <div className="grid gap-5 sm:grid-cols-2 lg:grid-cols-4">
      <TextField label="SKU" meta={fields.sku} help="Your stock code, e.g. SVC-COF-250." />
      <TextField label="Unit" meta={fields.unitLabel} help="What one unit is, e.g. 250 g bag." />
      <TextField label="Retail price per unit (€)" meta={fields.retailPriceCents} placeholder="12.90" />
      <TextField label="Units per case" type="number" meta={fields.caseSize} />
      <TextField label="Wholesale price per case (€)" meta={fields.wholesaleCasePriceCents} placeholder="120.00" />
      <TextField label="Units in stock" type="number" meta={fields.stock} />
      <TextField label="Minimum order (units)" type="number" meta={fields.minOrderUnits} />
      <TextField label="Lot / batch code" meta={fields.lotCode} optional />
    </div>
  );
}

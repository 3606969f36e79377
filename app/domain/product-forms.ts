import { z } from "zod";
import { isKnownCountry } from "./countries";
import { parseMoneyToCents } from "./money";
import { PRICE_COMPONENT_KINDS } from "./price-breakdown";
import { PROVENANCE_STEP_KINDS } from "./provenance-steps";

// Plain data shared with browser bundles lives in provenance-steps.ts (no zod there); re-exported for the forms.
export * from "./provenance-steps";

/** A money field typed as "12.90"; becomes integer cents. */
export const moneyField = (label: string) =>
  z
    .string({ required_error: `Enter the ${label}` })
    .trim()
    .transform((value, context) => {
      const cents = parseMoneyToCents(value);
      if (cents === null) {
        context.addIssue({ code: "custom", message: `Enter the ${label} as an amount like 12.90` });
        return z.NEVER;
      }
      return cents;
    });

const wholeNumber = (label: string, min: number, max = 1_000_000) =>
  z.coerce
    .number({ invalid_type_error: `Enter the ${label} as a whole number`, required_error: `Enter the ${label}` })
    .int(`Enter the ${label} as a whole number`)
    .min(min, `The ${label} must be at least ${min}`)
    .max(max, `The ${label} must be at most ${max.toLocaleString("en-GB")}`);

const country = z
  .string({ required_error: "Choose a country" })
  .trim()
  .toUpperCase()
  .refine(isKnownCountry, "Choose a country from the list (two-letter code such as PE)");

/** The product itself (one form; also every CSV row's product columns). */
export const productFieldsSchema = z.object({
  title: z.string({ required_error: "Enter a title" }).trim().min(3, "Use at least 3 characters").max(120, "Use at most 120 characters"),
  summary: z.string({ required_error: "Enter a one-line summary" }).trim().min(10, "Use at least 10 characters").max(200, "Use at most 200 characters"),
  description: z.string({ required_error: "Describe the product" }).trim().min(20, "Use at least 20 characters").max(10_000, "Use at most 10,000 characters"),
  categorySlug: z.string({ required_error: "Choose a category" }).trim().min(1, "Choose a category"),
  originCountry: country,
  originRegion: z.string({ required_error: "Enter the region of origin" }).trim().min(2, "Enter the region of origin").max(100),
  originPlace: z.string().trim().max(120, "Use at most 120 characters").optional(),
});
export type ProductFields = z.infer<typeof productFieldsSchema>;

/** One variant (unit) of a product; also every CSV row's variant columns. */
export const variantFieldsSchema = z
  .object({
    sku: z
      .string({ required_error: "Enter a SKU" })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, "Use 2–40 letters, digits and dashes, like SVC-COF-250"),
    unitLabel: z.string({ required_error: "Say what one unit is, like 1 kg bag" }).trim().min(2, "Say what one unit is, like 1 kg bag").max(60),
    caseSize: wholeNumber("case size", 1, 10_000),
    retailPriceCents: moneyField("retail price"),
    wholesaleCasePriceCents: moneyField("wholesale case price"),
    stock: wholeNumber("stock", 0),
    minOrderUnits: wholeNumber("minimum order", 1, 10_000).default(1),
    lotCode: z.string().trim().max(60, "Use at most 60 characters").optional(),
  })
  .superRefine((variant, context) => {
    if (variant.wholesaleCasePriceCents > variant.caseSize * variant.retailPriceCents) {
      context.addIssue({
        code: "custom",
        path: ["wholesaleCasePriceCents"],
        message: "A case should not cost more than its units at the retail price",
      });
    }
    if (variant.retailPriceCents === 0) {
      context.addIssue({ code: "custom", path: ["retailPriceCents"], message: "The retail price must be more than 0" });
    }
  });
export type VariantFields = z.infer<typeof variantFieldsSchema>;

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date like 2026-03-15")
  .transform((value) => new Date(`${value}T00:00:00Z`))
  .refine((date) => !Number.isNaN(date.getTime()), "Enter a real date");

/** One step of a product's journey. Either an organisation on the platform or a named actor did it. */
export const provenanceStepSchema = z
  .object({
    kind: z.enum(PROVENANCE_STEP_KINDS, { errorMap: () => ({ message: "Choose what happened at this step" }) }),
    organizationId: z.string().trim().optional(),
    actorName: z.string().trim().max(120, "Use at most 120 characters").optional(),
    place: z.string({ required_error: "Say where this happened" }).trim().min(2, "Say where this happened").max(120),
    country,
    occurredOn: isoDate.optional(),
    description: z.string().trim().max(500, "Use at most 500 characters").optional(),
    lotCode: z.string().trim().max(60, "Use at most 60 characters").optional(),
  })
  .refine((step) => step.organizationId || step.actorName, {
    path: ["actorName"],
    message: "Choose the organisation that did this, or name who did it",
  });
export type ProvenanceStepInput = z.infer<typeof provenanceStepSchema>;

export const priceBreakRowSchema = z.object({
  minQuantity: wholeNumber("quantity", 2, 100_000),
  unitPriceCents: moneyField("unit price"),
});

export const imageAltSchema = z
  .string({ required_error: "Describe the image for people who cannot see it" })
  .trim()
  .min(3, "Describe the image for people who cannot see it")
  .max(200, "Use at most 200 characters");

/** The form that creates a product together with its first variant. */
export const newProductSchema = z.object({ product: productFieldsSchema, variant: variantFieldsSchema });

export const BREAKDOWN_MAX_ROWS = 12;

/** A variant's price breakdown: who receives what share of one unit's retail price. */
export const breakdownFormSchema = z.object({
  shares: z
    .array(
      z.object({
        kind: z.enum(PRICE_COMPONENT_KINDS, { errorMap: () => ({ message: "Choose who this share is for" }) }),
        recipient: z
          .string({ required_error: "Name who receives it" })
          .trim()
          .min(2, "Name who receives it")
          .max(120, "Use at most 120 characters"),
        amountCents: moneyField("share"),
      }),
    )
    .min(1, "Add at least one share")
    .max(BREAKDOWN_MAX_ROWS, `Use at most ${BREAKDOWN_MAX_ROWS} shares`),
});

export const priceBreaksFormSchema = z.object({
  breaks: z.array(priceBreakRowSchema).max(10, "Use at most 10 price tiers").default([]),
});

/** Uploading a product photo. The file's real type is checked on the server by its bytes. */
export const productImageSchema = z.object({
  image: z.instanceof(File, { message: "Choose a photo to upload" }).refine((file) => file.size > 0, "Choose a photo to upload"),
  alt: imageAltSchema,
});

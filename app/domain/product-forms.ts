import { z } from "zod";
import { isKnownCountry } from "./countries";
import { parseMoneyToCents } from "./money";

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

/** Brand forms: one zod schema per form, shared by the browser (conform) and the server. */
import { z } from "zod";
import { LEGAL_FORMS, ORGANIZATION_KINDS } from "./organization-forms";

const list = <T extends z.ZodTypeAny>(item: T, max = 50) =>
  z.preprocess((value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]), z.array(item).max(max));

const color = (label: string) =>
  z
    .string({ required_error: `Choose the ${label}` })
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, `Give the ${label} as #rrggbb`)
    .transform((value) => value.toLowerCase());

/** WCAG 2 contrast ratio of two #rrggbb colours (1–21). */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((start) => {
      const channel = parseInt(hex.slice(start, start + 2), 16) / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** Brand pages put white text on the main colour and the home banner main-colour text on the accent colour. */
export const MIN_CONTRAST = 4.5;

export const brandSchema = z
  .object({
  name: z.string({ required_error: "Give the brand a name" }).trim().min(2, "Use at least 2 characters").max(80, "Use at most 80 characters"),
  story: z.string({ required_error: "Tell its story" }).trim().min(20, "Tell its story in at least 20 characters").max(5_000, "Use at most 5,000 characters"),
  primaryColor: color("main colour"),
  accentColor: color("accent colour"),
  requiredLabelIds: list(z.string().min(1)),
  allowedKinds: list(z.enum(ORGANIZATION_KINDS)),
  allowedLegalForms: list(z.enum(LEGAL_FORMS)),
  quorumPercent: z.coerce.number({ invalid_type_error: "Enter a whole per cent" }).int("Enter a whole per cent").min(1, "At least 1%").max(100, "At most 100%"),
  majorityPercent: z.coerce.number({ invalid_type_error: "Enter a whole per cent" }).int("Enter a whole per cent").min(50, "At least 50% (more than half)").max(99, "At most 99%"),
  /** Optional; an empty file input counts as none. The server checks the real type of the bytes. */
  logo: z.preprocess((value) => (value instanceof File && value.size === 0 ? undefined : value), z.instanceof(File).optional()),
  })
  .superRefine((form, ctx) => {
    if (contrastRatio(form.primaryColor, "#ffffff") < MIN_CONTRAST) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["primaryColor"], message: "Choose a darker main colour: white text on it must stay readable" });
    } else if (contrastRatio(form.primaryColor, form.accentColor) < MIN_CONTRAST) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["accentColor"], message: "Choose an accent colour that contrasts more with the main colour (banners put one on the other)" });
    }
  });
export type BrandForm = z.infer<typeof brandSchema>;

export const brandActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("apply"), message: z.string({ required_error: "Say why you want to join" }).trim().min(10, "Say in a sentence or two why you want to join").max(2_000, "Use at most 2,000 characters") }),
  z.object({ intent: z.literal("vote"), applicationId: z.string().min(1), choice: z.enum(["YES", "NO", "ABSTAIN"], { errorMap: () => ({ message: "Choose yes, no or abstain" }) }) }),
  z.object({ intent: z.literal("close-vote"), applicationId: z.string().min(1) }),
  z.object({ intent: z.literal("propose-product"), productId: z.string({ required_error: "Choose a product" }).min(1, "Choose a product") }),
  z.object({
    intent: z.literal("review-product"),
    brandProductId: z.string().min(1),
    decision: z.enum(["approve", "reject"]),
    reason: z.string().trim().max(500, "Use at most 500 characters").optional(),
  }),
  z.object({ intent: z.literal("review-campaign"), campaignId: z.string().min(1), decision: z.enum(["approve", "reject"]) }),
]);
export type BrandAction = z.infer<typeof brandActionSchema>;

export const campaignSchema = z
  .object({
    title: z.string({ required_error: "Give the campaign a title" }).trim().min(3, "Use at least 3 characters").max(100, "Use at most 100 characters"),
    bannerText: z.string({ required_error: "Write the banner" }).trim().min(5, "Use at least 5 characters").max(140, "Use at most 140 characters"),
    body: z.string({ required_error: "Describe the campaign" }).trim().min(20, "Use at least 20 characters").max(5_000, "Use at most 5,000 characters"),
    startsAt: z.string({ required_error: "Enter the first day" }).regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the first day").transform((value) => new Date(`${value}T00:00:00Z`)),
    endsAt: z.string({ required_error: "Enter the last day" }).regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the last day").transform((value) => new Date(`${value}T23:59:59Z`)),
    productIds: list(z.string().min(1), 60).refine((ids) => ids.length > 0, "Choose at least one product from the brand's collection"),
  })
  .superRefine((form, ctx) => {
    if (form.endsAt < form.startsAt) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["endsAt"], message: "The campaign must end on or after its first day" });
  });
export type CampaignForm = z.infer<typeof campaignSchema>;

/** A distributor's terms and pickup points: one zod schema per form, shared by the browser and the server. */
import { z } from "zod";
import { isKnownCountry } from "./countries";
import { parseMoneyToCents } from "./money";

const money = (message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      const cents = parseMoneyToCents(value);
      if (cents === null) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message });
        return z.NEVER;
      }
      return cents;
    });

export const WEEKDAYS = [
  { value: 1, label: "Monday" },
  { value: 2, label: "Tuesday" },
  { value: 3, label: "Wednesday" },
  { value: 4, label: "Thursday" },
  { value: 5, label: "Friday" },
  { value: 6, label: "Saturday" },
  { value: 7, label: "Sunday" },
] as const;

export const distributionSettingsSchema = z.object({
  intent: z.literal("settings"),
  /** Percent with up to two decimals, stored as basis points. */
  feePercent: z
    .string({ required_error: "Enter your handling fee in per cent (0 for none)" })
    .trim()
    .regex(/^\d{1,2}([.,]\d{1,2})?$/, "Enter a per cent such as 5 or 4.5")
    .transform((value) => Math.round(Number(value.replace(",", ".")) * 100))
    .refine((bps) => bps <= 5_000, "At most 50%"),
  orderFee: money("Enter an amount such as 1.50").transform((cents) => cents ?? 0),
  /** Blank: this distributor does not deliver to addresses. */
  deliveryFee: money("Enter an amount such as 6.50, or leave it empty if you do not deliver"),
  deliveryWeekdays: z
    .preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(z.coerce.number().int().min(1).max(7)))
    .refine((days) => days.length > 0, "Choose at least one day you hand over orders"),
});

export const pickupPointFields = {
  name: z.string({ required_error: "Name the pickup point" }).trim().min(2, "Use at least 2 characters").max(80, "Use at most 80 characters"),
  address: z.string({ required_error: "Enter the street and number" }).trim().min(3, "Enter the street and number").max(160, "Use at most 160 characters"),
  postcode: z.string({ required_error: "Enter the postcode" }).trim().min(2, "Enter the postcode").max(12, "Use at most 12 characters"),
  city: z.string({ required_error: "Enter the town or city" }).trim().min(2, "Enter the town or city").max(80, "Use at most 80 characters"),
  country: z.string({ required_error: "Choose a country" }).refine(isKnownCountry, "Choose a country"),
  openingHours: z.string({ required_error: "Say when buyers can collect" }).trim().min(3, "Say when buyers can collect").max(120, "Use at most 120 characters"),
  capacity: z.preprocess(
    (value) => (value === "" || value === undefined ? undefined : value),
    z.coerce.number({ invalid_type_error: "Enter a whole number" }).int("Enter a whole number").min(1, "At least 1").max(10_000, "At most 10,000").optional(),
  ),
};

export const pickupPointSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("add-point"), ...pickupPointFields }),
  z.object({ intent: z.literal("update-point"), pointId: z.string().min(1), ...pickupPointFields }),
]);

export const pickupPointToggleSchema = z.object({ intent: z.literal("toggle-point"), pointId: z.string().min(1), active: z.enum(["true", "false"]) });

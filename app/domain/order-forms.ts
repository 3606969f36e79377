/** Cart and checkout forms: one zod schema per form, shared by the browser (conform) and the server. */
import { z } from "zod";
import { emailField } from "./auth-forms";
import { MAX_LINE_QUANTITY } from "./cart-pricing";
import { isKnownCountry } from "./countries";

const quantityField = z.coerce
  .number({ invalid_type_error: "Enter a whole number" })
  .int("Enter a whole number")
  .min(1, "Enter at least 1")
  .max(MAX_LINE_QUANTITY, `Enter at most ${MAX_LINE_QUANTITY}`);

export const purchaseModeField = z.enum(["UNIT", "CASE"], { errorMap: () => ({ message: "Choose units or cases" }) });

export const addToCartSchema = z.object({
  intent: z.literal("add"),
  variantId: z.string({ required_error: "Choose a variant" }).min(1, "Choose a variant"),
  mode: purchaseModeField.default("UNIT"),
  quantity: quantityField,
});

export const updateCartLineSchema = z.object({
  intent: z.literal("update"),
  lineId: z.string().min(1),
  quantity: quantityField,
});

export const removeCartLineSchema = z.object({
  intent: z.literal("remove"),
  lineId: z.string().min(1),
});

export const cartActionSchema = z.discriminatedUnion("intent", [addToCartSchema, updateCartLineSchema, removeCartLineSchema]);

export const PAYMENT_METHODS = ["CARD", "PAY_AT_PICKUP", "BANK_TRANSFER", "INVOICE"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  CARD: "Card (Stripe)",
  PAY_AT_PICKUP: "Pay at pickup",
  BANK_TRANSFER: "Bank transfer",
  INVOICE: "Invoice",
};

const optionalText = (max: number, message: string) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), z.string().trim().max(max, message).optional());

export const checkoutSchema = z
  .object({
    checkoutToken: z.string().min(10).max(64),
    contactName: z.string({ required_error: "Enter your name" }).trim().min(2, "Enter your name").max(100, "Use at most 100 characters"),
    contactEmail: emailField,
    contactPhone: optionalText(40, "Use at most 40 characters").refine(
      (value) => value === undefined || /^[+()\d\s./-]{5,40}$/.test(value),
      "Enter a phone number with digits, spaces and + ( ) - only",
    ),
    handover: z.enum(["PICKUP", "DELIVERY"], { errorMap: () => ({ message: "Choose pickup or delivery" }) }),
    pickupPointId: optionalText(64, "Choose a pickup point"),
    deliveryDistributorId: optionalText(64, "Choose who delivers"),
    deliveryAddress: optionalText(200, "Use at most 200 characters"),
    deliveryPostcode: optionalText(12, "Use at most 12 characters"),
    deliveryCity: optionalText(100, "Use at most 100 characters"),
    deliveryCountry: optionalText(2, "Choose a country"),
    paymentMethod: z.enum(PAYMENT_METHODS, { errorMap: () => ({ message: "Choose how to pay" }) }),
    poNumber: optionalText(64, "Use at most 64 characters"),
  })
  .superRefine((form, ctx) => {
    const missing = (path: string, message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message });
    if (form.handover === "PICKUP") {
      if (!form.pickupPointId) missing("pickupPointId", "Choose a pickup point");
    } else {
      if (!form.deliveryDistributorId) missing("deliveryDistributorId", "Choose who delivers");
      if (!form.deliveryAddress) missing("deliveryAddress", "Enter the street and number");
      if (!form.deliveryPostcode) missing("deliveryPostcode", "Enter the postcode");
      if (!form.deliveryCity) missing("deliveryCity", "Enter the town or city");
      if (!form.deliveryCountry || !isKnownCountry(form.deliveryCountry)) missing("deliveryCountry", "Choose a country");
      if (form.paymentMethod === "PAY_AT_PICKUP") missing("paymentMethod", "Pay at pickup is only possible when you collect the order");
    }
  });

export type CheckoutForm = z.infer<typeof checkoutSchema>;

export const STATUS_LABELS = {
  AWAITING_PAYMENT: "Awaiting payment",
  CONFIRMED: "Confirmed",
  PAID: "Paid",
  CANCELLED: "Cancelled",
} as const;

export const FULFILLMENT_STATUS_LABELS = {
  AWAITING_GOODS: "Awaiting goods",
  RECEIVED: "Received by distributor",
  PACKED: "Packed",
  READY_FOR_PICKUP: "Ready for pickup",
  OUT_FOR_DELIVERY: "Out for delivery",
  DELIVERED: "Delivered",
  CANCELLED: "Cancelled",
} as const;

/**
 * Which payment methods a checkout offers. Card needs Stripe configured; pay at pickup needs a pickup; invoice terms
 * need a wholesale order whose every seller has approved the buying organisation.
 */
export function availablePaymentMethods(options: {
  cardEnabled: boolean;
  handover: "PICKUP" | "DELIVERY";
  invoiceEligible: boolean;
}): PaymentMethod[] {
  return PAYMENT_METHODS.filter((method) => {
    if (method === "CARD") return options.cardEnabled;
    if (method === "PAY_AT_PICKUP") return options.handover === "PICKUP";
    if (method === "INVOICE") return options.invoiceEligible;
    return true;
  });
}

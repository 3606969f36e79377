/** Group-order forms: one zod schema per form, shared by the browser (conform) and the server. */
import { z } from "zod";
import { parseMoneyToCents } from "./money";

/** `<input type="datetime-local">` sends "2026-12-01T18:00" (no zone); the app's times are UTC. */
const dateTimeField = (label: string) =>
  z
    .string({ required_error: `Enter the ${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, `Enter the ${label} as a date and time`)
    .transform((value, ctx) => {
      const date = new Date(`${value}${value.length === 16 ? ":00" : ""}Z`);
      if (Number.isNaN(date.getTime())) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `Enter a real ${label}` });
        return z.NEVER;
      }
      return date;
    });

const idList = (message: string) =>
  z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(z.string().min(1)).min(1, message).max(500));

const optionalIdList = z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(z.string().min(1)).max(50));

export const groupOrderSchema = z
  .object({
    title: z.string({ required_error: "Give the group order a name" }).trim().min(3, "Use at least 3 characters").max(100, "Use at most 100 characters"),
    opensAt: dateTimeField("opening time"),
    closesAt: dateTimeField("closing time"),
    deliveryDate: z
      .string({ required_error: "Enter the delivery date" })
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the delivery date")
      .transform((value) => new Date(`${value}T00:00:00Z`)),
    pickupPointId: z.string({ required_error: "Choose where members collect" }).min(1, "Choose where members collect"),
    sharedFees: z
      .string()
      .trim()
      .optional()
      .transform((value, ctx) => {
        if (!value) return 0;
        const cents = parseMoneyToCents(value);
        if (cents === null) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: "Enter an amount such as 25.00" });
          return z.NEVER;
        }
        return cents;
      }),
    variantIds: idList("Choose at least one product to offer"),
    invitedOrganizationIds: optionalIdList,
    note: z.string().trim().max(1000, "Use at most 1,000 characters").optional(),
  })
  .superRefine((form, ctx) => {
    if (form.closesAt <= form.opensAt) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["closesAt"], message: "The order must close after it opens" });
    if (form.deliveryDate < new Date(Date.UTC(form.closesAt.getUTCFullYear(), form.closesAt.getUTCMonth(), form.closesAt.getUTCDate()))) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["deliveryDate"], message: "Delivery cannot be before the order closes" });
    }
  });

export type GroupOrderForm = z.infer<typeof groupOrderSchema>;

export const MAX_GROUP_QUANTITY = 999;
export const MAX_TOLERANCE = 99;

const wholeNumber = (max: number, label: string) =>
  z.preprocess(
    (value) => (value === "" || value === undefined ? 0 : value),
    z.coerce
      .number({ invalid_type_error: `Enter the ${label} as a whole number` })
      .int(`Enter the ${label} as a whole number`)
      .min(0, `The ${label} cannot be negative`)
      .max(max, `At most ${max}`),
  );

export const memberLinesSchema = z
  .object({
    intent: z.literal("save-lines"),
    organizationId: z.string({ required_error: "Choose the co-op you order through" }).min(1, "Choose the co-op you order through"),
    paymentMethod: z.enum(["PAY_AT_PICKUP", "BANK_TRANSFER", "CARD"], { errorMap: () => ({ message: "Choose how you will pay" }) }),
    lines: z
      .array(z.object({ variantId: z.string().min(1), quantity: wholeNumber(MAX_GROUP_QUANTITY, "quantity"), tolerance: wholeNumber(MAX_TOLERANCE, "tolerance") }))
      .max(500),
  })
  .superRefine((form, ctx) => {
    form.lines.forEach((line, index) => {
      if (line.tolerance > 0 && line.quantity === 0) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["lines", index, "tolerance"], message: "Add a quantity first: tolerance is extra on top of what you order" });
      }
    });
  });

export type MemberLinesForm = z.infer<typeof memberLinesSchema>;

export const GROUP_PAYMENT_LABELS = {
  PAY_AT_PICKUP: "Pay at pickup",
  BANK_TRANSFER: "Bank transfer after close",
  CARD: "Card after close (Stripe)",
} as const;

/** Where an open group order stands at `now`. */
export function groupOrderPhase(order: { status: "OPEN" | "CLOSED" | "CANCELLED"; opensAt: Date; closesAt: Date }, now: Date) {
  if (order.status !== "OPEN") return order.status === "CLOSED" ? "closed" : "cancelled";
  if (now < order.opensAt) return "scheduled";
  if (now >= order.closesAt) return "closing";
  return "open";
}

export const GROUP_PHASE_LABELS: Record<ReturnType<typeof groupOrderPhase>, string> = {
  scheduled: "Opens soon",
  open: "Open",
  closing: "Closing",
  closed: "Closed",
  cancelled: "Cancelled",
};

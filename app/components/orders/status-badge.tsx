import { FULFILLMENT_STATUS_LABELS, STATUS_LABELS } from "~/domain/order-forms";

const ORDER_TONES: Record<keyof typeof STATUS_LABELS, string> = {
  AWAITING_PAYMENT: "bg-amber-100 text-amber-900",
  CONFIRMED: "bg-sky-100 text-sky-900",
  PAID: "bg-emerald-100 text-emerald-900",
  CANCELLED: "bg-stone-200 text-stone-700",
};

export function OrderStatusBadge({ status }: { status: keyof typeof STATUS_LABELS }) {
  return <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${ORDER_TONES[status]}`}>{STATUS_LABELS[status]}</span>;
}

export function FulfillmentStatusBadge({ status }: { status: keyof typeof FULFILLMENT_STATUS_LABELS }) {
  const tone = status === "DELIVERED" ? "bg-emerald-100 text-emerald-900" : status === "CANCELLED" ? "bg-stone-200 text-stone-700" : "bg-sky-100 text-sky-900";
  return <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${tone}`}>{FULFILLMENT_STATUS_LABELS[status]}</span>;
}

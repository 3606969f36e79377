/** The texts of order emails. Pure: rendered when the outbox event is written, so they say what was true then. */
import { formatMoney } from "./money";
import { PAYMENT_METHOD_LABELS, type PaymentMethod } from "./order-forms";

export type EmailOrder = {
  number: string;
  url: string;
  contactName: string;
  paymentMethod: PaymentMethod;
  totalCents: number;
  currency: string;
  dueAt: Date | null;
  poNumber: string | null;
  handoverText: string;
  payee: { name: string; iban: string };
  fulfillments: ReadonlyArray<{
    seller: { name: string };
    goodsCents: number;
    lines: ReadonlyArray<{ productTitle: string; unitLabel: string; mode: "UNIT" | "CASE"; quantity: number; units: number; lineTotalCents: number }>;
  }>;
};

const money = (order: EmailOrder, cents: number) => formatMoney(cents, order.currency);

function lineText(line: EmailOrder["fulfillments"][number]["lines"][number]) {
  const amount = line.mode === "CASE" ? `${line.quantity} × case (${line.units} units)` : `${line.quantity} ×`;
  return `  ${amount} ${line.productTitle}, ${line.unitLabel}`;
}

function goodsText(order: EmailOrder) {
  return order.fulfillments
    .map((fulfillment) => [`From ${fulfillment.seller.name}:`, ...fulfillment.lines.map(lineText)].join("\n"))
    .join("\n\n");
}

function paymentText(order: EmailOrder): string {
  const total = money(order, order.totalCents);
  switch (order.paymentMethod) {
    case "CARD":
      return `Paid by card: ${total}.`;
    case "PAY_AT_PICKUP":
      return `Please pay ${total} when you collect your order.`;
    case "BANK_TRANSFER":
      return `Please transfer ${total} to ${order.payee.name}, IBAN ${order.payee.iban}, reference ${order.number}.`;
    case "INVOICE":
      return `Invoice: ${total} due by ${order.dueAt?.toISOString().slice(0, 10) ?? "the due date"} to ${order.payee.name}, IBAN ${order.payee.iban}, reference ${order.number}.`;
  }
}

export function orderPlacedEmail(order: EmailOrder) {
  return {
    subject: `Order ${order.number} confirmed`,
    text: [
      `Hello ${order.contactName},`,
      "",
      `thank you for your order ${order.number}${order.poNumber ? ` (your PO ${order.poNumber})` : ""}.`,
      "",
      goodsText(order),
      "",
      `Total: ${money(order, order.totalCents)} (${PAYMENT_METHOD_LABELS[order.paymentMethod]})`,
      paymentText(order),
      order.handoverText,
      "",
      `See each producer's share and follow your order: ${order.url}`,
    ].join("\n"),
  };
}

export function orderPaidEmail(order: EmailOrder) {
  return {
    subject: `Payment received for order ${order.number}`,
    text: [
      `Hello ${order.contactName},`,
      "",
      `we received ${money(order, order.totalCents)} for order ${order.number}. Each producer's share is on its way to them.`,
      "",
      order.handoverText,
      `Follow your order: ${order.url}`,
    ].join("\n"),
  };
}

export function sellerOrderEmail(order: EmailOrder, fulfillment: EmailOrder["fulfillments"][number], dashboardUrl: string) {
  return {
    subject: `New order ${order.number} for ${fulfillment.seller.name}`,
    text: [
      `Order ${order.number} includes goods from ${fulfillment.seller.name} (${money(order, fulfillment.goodsCents)}):`,
      "",
      ...fulfillment.lines.map(lineText),
      "",
      order.handoverText,
      `Prepare it from your dashboard: ${dashboardUrl}`,
    ].join("\n"),
  };
}

/** Texts of group-order notifications. Pure: rendered when the outbox event is written. */
import { CUT_REASON_TEXT, type CutReason } from "./allocation";
import { formatMoney } from "./money";

const day = (date: Date) => date.toISOString().slice(0, 10);
const minute = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;

type GroupOrderSummary = { title: string; url: string; coordinator: string; closesAt: Date; deliveryDate: Date; pickup: string };

export function groupOrderOpenedEmail(order: GroupOrderSummary) {
  return {
    subject: `Group order open: ${order.title}`,
    text: [
      `${order.coordinator} opened the group order "${order.title}".`,
      "",
      `Add what you need, and how many extra units you would accept to fill a case, before ${minute(order.closesAt)}.`,
      `Delivery ${day(order.deliveryDate)} to ${order.pickup}.`,
      "",
      order.url,
    ].join("\n"),
  };
}

export function groupOrderReminderEmail(order: GroupOrderSummary) {
  return {
    subject: `24 hours left: ${order.title}`,
    text: [
      `The group order "${order.title}" closes at ${minute(order.closesAt)}.`,
      "See which cases still need a few units, and change your order until then:",
      order.url,
    ].join("\n"),
  };
}

export type AllocatedLineText = { product: string; requested: number; tolerance: number; units: number; costCents: number; cut: CutReason | null };

export function allocationResultEmail(
  order: GroupOrderSummary,
  member: { name: string; lines: readonly AllocatedLineText[]; goodsCents: number; feesCents: number; totalCents: number; orderUrl: string | null },
) {
  const lines = member.lines.map((line) => {
    const asked = `asked ${line.requested}${line.tolerance ? ` (+${line.tolerance} tolerance)` : ""}`;
    const reason = line.cut ? ` — ${CUT_REASON_TEXT[line.cut]}` : "";
    return `  ${line.product}: ${asked}, you get ${line.units} for ${formatMoney(line.costCents)}${reason}`;
  });
  return {
    subject: `Your share of ${order.title}`,
    text: [
      `Hello ${member.name},`,
      "",
      `the group order "${order.title}" has closed. What you get:`,
      ...lines,
      "",
      `Goods ${formatMoney(member.goodsCents)} + your share of shared costs and handling ${formatMoney(member.totalCents - member.goodsCents)} = ${formatMoney(member.totalCents)}.`,
      `Collect on ${day(order.deliveryDate)} at ${order.pickup}.`,
      member.orderUrl ? `Your order: ${member.orderUrl}` : "Nothing could be ordered for you this time, so you pay nothing.",
    ].join("\n"),
  };
}

export function purchaseOrderEmail(order: GroupOrderSummary, producer: { name: string; lines: ReadonlyArray<{ product: string; cases: number; units: number; costCents: number }>; dashboardUrl: string }) {
  const total = producer.lines.reduce((sum, line) => sum + line.costCents, 0);
  return {
    subject: `Purchase order from ${order.coordinator}: ${order.title}`,
    text: [
      `${order.coordinator}'s group order "${order.title}" closed. One consolidated order for ${producer.name}:`,
      "",
      ...producer.lines.map((line) => `  ${line.cases} × case of ${line.product} (${line.units} units) — ${formatMoney(line.costCents)}`),
      "",
      `Total ${formatMoney(total)}. Delivery ${day(order.deliveryDate)} to ${order.pickup}.`,
      producer.dashboardUrl,
    ].join("\n"),
  };
}

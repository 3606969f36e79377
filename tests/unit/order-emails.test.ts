import { describe, expect, it } from "vitest";
import { orderPaidEmail, orderPlacedEmail, sellerOrderEmail, type EmailOrder } from "~/domain/order-emails";

function emailOrder(overrides: Partial<EmailOrder> = {}): EmailOrder {
  return {
    number: "ORD-2024-0042",
    url: "https://market.example/orders/o1",
    contactName: "Ada Farmer",
    paymentMethod: "BANK_TRANSFER",
    totalCents: 12_345,
    currency: "EUR",
    dueAt: null,
    poNumber: null,
    handoverText: "Collect it at Food Hub, Market Street 1, 10115 Berlin (Sat 9–12).",
    payee: { name: "Solidarity Market eG", iban: "DE89370400440532013000" },
    fulfillments: [
      {
        seller: { name: "Café Cooperativa" },
        goodsCents: 8_580,
        lines: [
          { productTitle: "Highland Coffee", unitLabel: "1 kg bag", mode: "UNIT", quantity: 2, units: 2, lineTotalCents: 2_580 },
          { productTitle: "Espresso Blend", unitLabel: "250 g bag", mode: "CASE", quantity: 1, units: 12, lineTotalCents: 6_000 },
        ],
      },
      {
        seller: { name: "Honey Makers" },
        goodsCents: 3_765,
        lines: [{ productTitle: "Wildflower Honey", unitLabel: "500 g jar", mode: "UNIT", quantity: 3, units: 3, lineTotalCents: 3_765 }],
      },
    ],
    ...overrides,
  };
}

describe("orderPlacedEmail", () => {
  it("names the order, each seller's lines, the total as money and how the order is handed over", () => {
    const email = orderPlacedEmail(emailOrder());
    expect(email.subject).toBe("Order ORD-2024-0042 confirmed");
    expect(email.text).toContain("Hello Ada Farmer,");
    expect(email.text).toContain("thank you for your order ORD-2024-0042.");
    expect(email.text).toContain(
      [
        "From Café Cooperativa:",
        "  2 × Highland Coffee, 1 kg bag",
        "  1 × case (12 units) Espresso Blend, 250 g bag",
        "",
        "From Honey Makers:",
        "  3 × Wildflower Honey, 500 g jar",
      ].join("\n"),
    );
    expect(email.text).toContain("Total: €123.45 (Bank transfer)");
    expect(email.text).toContain("Collect it at Food Hub, Market Street 1, 10115 Berlin (Sat 9–12).");
    expect(email.text).toContain("https://market.example/orders/o1");
  });

  it("asks for a bank transfer to the payee's IBAN with the order number as reference", () => {
    expect(orderPlacedEmail(emailOrder()).text).toContain(
      "Please transfer €123.45 to Solidarity Market eG, IBAN DE89370400440532013000, reference ORD-2024-0042.",
    );
  });

  it("states the invoice amount, due date, IBAN and reference", () => {
    const email = orderPlacedEmail(emailOrder({ paymentMethod: "INVOICE", dueAt: new Date("2025-03-31T10:00:00Z") }));
    expect(email.text).toContain("Total: €123.45 (Invoice)");
    expect(email.text).toContain("Invoice: €123.45 due by 2025-03-31 to Solidarity Market eG, IBAN DE89370400440532013000, reference ORD-2024-0042.");
  });

  it("falls back to 'the due date' for an invoice without one", () => {
    expect(orderPlacedEmail(emailOrder({ paymentMethod: "INVOICE", dueAt: null })).text).toContain("Invoice: €123.45 due by the due date to");
  });

  it("asks to pay at pickup, without bank details", () => {
    const text = orderPlacedEmail(emailOrder({ paymentMethod: "PAY_AT_PICKUP" })).text;
    expect(text).toContain("Total: €123.45 (Pay at pickup)");
    expect(text).toContain("Please pay €123.45 when you collect your order.");
    expect(text).not.toContain("IBAN");
  });

  it("confirms a card payment, without bank details", () => {
    const text = orderPlacedEmail(emailOrder({ paymentMethod: "CARD" })).text;
    expect(text).toContain("Paid by card: €123.45.");
    expect(text).not.toContain("IBAN");
  });

  it("mentions the buyer's purchase order number only when there is one", () => {
    expect(orderPlacedEmail(emailOrder({ poNumber: "PO-77" })).text).toContain("thank you for your order ORD-2024-0042 (your PO PO-77).");
    expect(orderPlacedEmail(emailOrder()).text).not.toContain("PO");
  });

  it("formats the total in the order's currency", () => {
    expect(orderPlacedEmail(emailOrder({ currency: "GBP", totalCents: 500 })).text).toContain("Total: £5.00");
  });
});

describe("orderPaidEmail", () => {
  it("confirms the amount received for the order and how it is handed over", () => {
    const email = orderPaidEmail(emailOrder({ paymentMethod: "CARD" }));
    expect(email.subject).toBe("Payment received for order ORD-2024-0042");
    expect(email.text).toContain("we received €123.45 for order ORD-2024-0042.");
    expect(email.text).toContain("Collect it at Food Hub");
    expect(email.text).toContain("Follow your order: https://market.example/orders/o1");
  });
});

describe("sellerOrderEmail", () => {
  it("lists only that seller's lines and goods", () => {
    const order = emailOrder();
    const email = sellerOrderEmail(order, order.fulfillments[1], "https://market.example/dashboard/orders");
    expect(email.subject).toBe("New order ORD-2024-0042 for Honey Makers");
    expect(email.text).toContain("Order ORD-2024-0042 includes goods from Honey Makers (€37.65):");
    expect(email.text).toContain("  3 × Wildflower Honey, 500 g jar");
    expect(email.text).not.toContain("Highland Coffee");
    expect(email.text).not.toContain("€123.45"); // the buyer's total is not the seller's business
    expect(email.text).toContain("Collect it at Food Hub");
    expect(email.text).toContain("Prepare it from your dashboard: https://market.example/dashboard/orders");
  });
});

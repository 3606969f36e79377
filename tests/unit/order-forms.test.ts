import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  addToCartSchema,
  availablePaymentMethods,
  cartActionSchema,
  checkoutSchema,
  removeCartLineSchema,
  updateCartLineSchema,
} from "~/domain/order-forms";

/** The field errors of a failed parse, as { field: [messages] }. */
function fieldErrors<Input, Output>(result: z.SafeParseReturnType<Input, Output>): Partial<Record<string, string[]>> {
  expect(result.success).toBe(false);
  return result.success ? {} : (result.error.flatten().fieldErrors as Partial<Record<string, string[]>>);
}

describe("cart forms", () => {
  it.each([
    ["0", "Enter at least 1"],
    ["-1", "Enter at least 1"],
    ["1.5", "Enter a whole number"],
    ["abc", "Enter a whole number"],
    ["10000", "Enter at most 9999"],
  ])("refuses the quantity %j with %j", (quantity, message) => {
    expect(fieldErrors(addToCartSchema.safeParse({ intent: "add", variantId: "v1", quantity })).quantity).toEqual([message]);
    expect(fieldErrors(updateCartLineSchema.safeParse({ intent: "update", lineId: "l1", quantity })).quantity).toEqual([message]);
  });

  it("accepts a whole quantity given as text, up to the maximum, and defaults the mode to units", () => {
    expect(addToCartSchema.parse({ intent: "add", variantId: "v1", quantity: "3" })).toEqual({ intent: "add", variantId: "v1", mode: "UNIT", quantity: 3 });
    expect(addToCartSchema.parse({ intent: "add", variantId: "v1", quantity: "9999" }).quantity).toBe(9_999);
    expect(updateCartLineSchema.parse({ intent: "update", lineId: "l1", quantity: "1" })).toEqual({ intent: "update", lineId: "l1", quantity: 1 });
  });

  it("accepts cases and refuses an unknown mode", () => {
    expect(addToCartSchema.parse({ intent: "add", variantId: "v1", mode: "CASE", quantity: "2" }).mode).toBe("CASE");
    expect(fieldErrors(addToCartSchema.safeParse({ intent: "add", variantId: "v1", mode: "PALLET", quantity: "2" })).mode).toEqual(["Choose units or cases"]);
  });

  it("asks for a variant", () => {
    expect(fieldErrors(addToCartSchema.safeParse({ intent: "add", quantity: "1" })).variantId).toEqual(["Choose a variant"]);
    expect(fieldErrors(addToCartSchema.safeParse({ intent: "add", variantId: "", quantity: "1" })).variantId).toEqual(["Choose a variant"]);
  });

  it("removes by line id", () => {
    expect(removeCartLineSchema.parse({ intent: "remove", lineId: "l1" })).toEqual({ intent: "remove", lineId: "l1" });
    expect(removeCartLineSchema.safeParse({ intent: "remove", lineId: "" }).success).toBe(false);
  });

  it("picks the form by its intent", () => {
    expect(cartActionSchema.parse({ intent: "remove", lineId: "l1" })).toEqual({ intent: "remove", lineId: "l1" });
    expect(cartActionSchema.parse({ intent: "update", lineId: "l1", quantity: "4" })).toEqual({ intent: "update", lineId: "l1", quantity: 4 });
    expect(cartActionSchema.safeParse({ intent: "empty" }).success).toBe(false);
  });
});

describe("checkoutSchema", () => {
  const pickup = {
    checkoutToken: "token-1234567890",
    contactName: "Ada Farmer",
    contactEmail: "Ada@Example.org",
    contactPhone: "",
    handover: "PICKUP",
    pickupPointId: "point-1",
    deliveryDistributorId: "",
    deliveryAddress: "",
    deliveryPostcode: "",
    deliveryCity: "",
    deliveryCountry: "",
    paymentMethod: "PAY_AT_PICKUP",
    poNumber: "",
  };
  const delivery = {
    ...pickup,
    handover: "DELIVERY",
    pickupPointId: "",
    deliveryDistributorId: "hub-1",
    deliveryAddress: "Main Street 1",
    deliveryPostcode: "10115",
    deliveryCity: "Berlin",
    deliveryCountry: "DE",
    paymentMethod: "BANK_TRANSFER",
  };

  it("accepts a pickup order and turns blank optional fields into undefined", () => {
    const form = checkoutSchema.parse(pickup);
    expect(form).toEqual({
      checkoutToken: "token-1234567890",
      contactName: "Ada Farmer",
      contactEmail: "ada@example.org",
      handover: "PICKUP",
      pickupPointId: "point-1",
      paymentMethod: "PAY_AT_PICKUP",
    });
    for (const key of ["contactPhone", "deliveryDistributorId", "deliveryAddress", "deliveryPostcode", "deliveryCity", "deliveryCountry", "poNumber"] as const) {
      expect(form[key]).toBeUndefined();
    }
  });

  it("treats whitespace-only optional fields as blank and trims the others", () => {
    const form = checkoutSchema.parse({ ...pickup, poNumber: "   ", contactPhone: "  +49 30 1234567 ", contactName: "  Ada Farmer " });
    expect(form.poNumber).toBeUndefined();
    expect(form.contactPhone).toBe("+49 30 1234567");
    expect(form.contactName).toBe("Ada Farmer");
  });

  it("requires a pickup point for pickup", () => {
    expect(fieldErrors(checkoutSchema.safeParse({ ...pickup, pickupPointId: "" })).pickupPointId).toEqual(["Choose a pickup point"]);
    expect(fieldErrors(checkoutSchema.safeParse({ ...pickup, pickupPointId: undefined })).pickupPointId).toEqual(["Choose a pickup point"]);
  });

  it("accepts a delivery order", () => {
    expect(checkoutSchema.parse(delivery)).toMatchObject({
      handover: "DELIVERY",
      deliveryDistributorId: "hub-1",
      deliveryAddress: "Main Street 1",
      deliveryPostcode: "10115",
      deliveryCity: "Berlin",
      deliveryCountry: "DE",
      paymentMethod: "BANK_TRANSFER",
    });
    expect(checkoutSchema.parse(delivery).pickupPointId).toBeUndefined();
  });

  it("requires who delivers, the address, postcode, city and country for delivery", () => {
    const errors = fieldErrors(
      checkoutSchema.safeParse({ ...delivery, deliveryDistributorId: "", deliveryAddress: " ", deliveryPostcode: "", deliveryCity: "", deliveryCountry: "" }),
    );
    expect(errors).toEqual({
      deliveryDistributorId: ["Choose who delivers"],
      deliveryAddress: ["Enter the street and number"],
      deliveryPostcode: ["Enter the postcode"],
      deliveryCity: ["Enter the town or city"],
      deliveryCountry: ["Choose a country"],
    });
  });

  it.each(["XX", "de", "D"])("refuses the unknown country code %j for delivery", (deliveryCountry) => {
    expect(fieldErrors(checkoutSchema.safeParse({ ...delivery, deliveryCountry })).deliveryCountry).toEqual(["Choose a country"]);
  });

  it("refuses paying at pickup for a delivery", () => {
    expect(fieldErrors(checkoutSchema.safeParse({ ...delivery, paymentMethod: "PAY_AT_PICKUP" })).paymentMethod).toEqual([
      "Pay at pickup is only possible when you collect the order",
    ]);
  });

  it("refuses an unknown handover or payment method", () => {
    expect(fieldErrors(checkoutSchema.safeParse({ ...pickup, handover: "DRONE" })).handover).toEqual(["Choose pickup or delivery"]);
    expect(fieldErrors(checkoutSchema.safeParse({ ...pickup, paymentMethod: "BITCOIN" })).paymentMethod).toEqual(["Choose how to pay"]);
  });

  it.each(["+49 (30) 123-4567", "030/1234567", "0049.30.1234567", "12345"])("accepts the phone number %j", (contactPhone) => {
    expect(checkoutSchema.parse({ ...pickup, contactPhone }).contactPhone).toBe(contactPhone);
  });

  it.each(["1234", "call me", "+49 30 123x", "030#123456"])("refuses the phone number %j", (contactPhone) => {
    expect(fieldErrors(checkoutSchema.safeParse({ ...pickup, contactPhone })).contactPhone).toEqual([
      "Enter a phone number with digits, spaces and + ( ) - only",
    ]);
  });

  it("refuses a phone number over 40 characters", () => {
    expect(fieldErrors(checkoutSchema.safeParse({ ...pickup, contactPhone: "1".repeat(41) })).contactPhone).toContain("Use at most 40 characters");
  });

  it("checks the contact name and email", () => {
    expect(fieldErrors(checkoutSchema.safeParse({ ...pickup, contactName: " A " })).contactName).toEqual(["Enter your name"]);
    expect(fieldErrors(checkoutSchema.safeParse({ ...pickup, contactName: "A".repeat(101) })).contactName).toEqual(["Use at most 100 characters"]);
    expect(fieldErrors(checkoutSchema.safeParse({ ...pickup, contactEmail: "not-an-email" })).contactEmail).toEqual([
      "Enter an email address like name@example.org",
    ]);
  });

  it("keeps a purchase order number and limits its length", () => {
    expect(checkoutSchema.parse({ ...pickup, poNumber: " PO-42 " }).poNumber).toBe("PO-42");
    expect(fieldErrors(checkoutSchema.safeParse({ ...pickup, poNumber: "P".repeat(65) })).poNumber).toEqual(["Use at most 64 characters"]);
  });

  it("refuses a missing or malformed checkout token", () => {
    expect(fieldErrors(checkoutSchema.safeParse({ ...pickup, checkoutToken: "short" })).checkoutToken).toHaveLength(1);
    expect(fieldErrors(checkoutSchema.safeParse({ ...pickup, checkoutToken: "t".repeat(65) })).checkoutToken).toHaveLength(1);
  });
});

describe("availablePaymentMethods", () => {
  it.each([
    [{ cardEnabled: true, handover: "PICKUP", invoiceEligible: true }, ["CARD", "PAY_AT_PICKUP", "BANK_TRANSFER", "INVOICE"]],
    [{ cardEnabled: true, handover: "DELIVERY", invoiceEligible: true }, ["CARD", "BANK_TRANSFER", "INVOICE"]],
    [{ cardEnabled: false, handover: "PICKUP", invoiceEligible: false }, ["PAY_AT_PICKUP", "BANK_TRANSFER"]],
    [{ cardEnabled: false, handover: "DELIVERY", invoiceEligible: false }, ["BANK_TRANSFER"]],
    [{ cardEnabled: true, handover: "DELIVERY", invoiceEligible: false }, ["CARD", "BANK_TRANSFER"]],
    [{ cardEnabled: false, handover: "PICKUP", invoiceEligible: true }, ["PAY_AT_PICKUP", "BANK_TRANSFER", "INVOICE"]],
  ] as const)("%j offers %j", (options, methods) => {
    expect(availablePaymentMethods(options)).toEqual(methods);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { centsToInput, formatMoney, parseMoneyToCents } from "~/domain/money";

describe("parseMoneyToCents", () => {
  it.each([
    ["12.90", 1290],
    ["12,90", 1290],
    ["€12.9", 1290],
    ["€ 12.90", 1290],
    ["12", 1200],
    ["  7.05 ", 705],
    ["0", 0],
    ["0.01", 1],
    ["999999999.99", 99_999_999_999],
  ])("%j → %d", (input, cents) => {
    expect(parseMoneyToCents(input)).toBe(cents);
  });

  it.each(["12.999", "-1", "1e3", "abc", "", "   ", "12.", ".50", "1.2.3", "€", "$12", "1234567890", "12.5x", "NaN", "Infinity"])(
    "rejects %j",
    (input) => {
      expect(parseMoneyToCents(input)).toBeNull();
    },
  );

  it("never rounds: any amount with three or more decimals is rejected", () => {
    fc.assert(
      fc.property(fc.nat({ max: 999_999 }), fc.stringMatching(/^\d{3,6}$/), (whole, fraction) => {
        expect(parseMoneyToCents(`${whole}.${fraction}`)).toBeNull();
      }),
    );
  });

  it("rejects anything with a minus sign or an exponent", () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), fc.constantFrom("-", "e", "E", "+"), (amount, mark) => {
        expect(parseMoneyToCents(`-${amount}`)).toBeNull();
        expect(parseMoneyToCents(`${amount}${mark}2`)).toBeNull();
      }),
    );
  });

  it("returns a non-negative integer or null for any input", () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        const cents = parseMoneyToCents(input);
        if (cents !== null) {
          expect(Number.isInteger(cents)).toBe(true);
          expect(cents).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });
});

describe("centsToInput", () => {
  it.each([
    [1290, "12.90"],
    [5, "0.05"],
    [0, "0.00"],
    [100, "1.00"],
    [99_999_999_999, "999999999.99"],
  ])("%d → %j", (cents, text) => {
    expect(centsToInput(cents)).toBe(text);
  });

  it("round-trips through parseMoneyToCents for any non-negative integer below 10^9", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), (cents) => {
        expect(parseMoneyToCents(centsToInput(cents))).toBe(cents);
      }),
      { numRuns: 2000 },
    );
  });

  it("round-trips the amounts most likely to suffer from floating point", () => {
    for (const cents of [1, 7, 29, 57, 115, 1005, 1015, 4_503_599, 999_999_999]) {
      expect(parseMoneyToCents(centsToInput(cents))).toBe(cents);
    }
  });

  it("produces what formatMoney shows, without the currency sign or grouping", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), (cents) => {
        expect(formatMoney(cents).replace(/[€,]/g, "")).toBe(centsToInput(cents));
      }),
    );
  });
});

describe("parseMoneyToCents and spaces inside an amount", () => {
  it("refuses a stray space rather than guessing what was meant", () => {
    expect(parseMoneyToCents("1 2.50")).toBeNull();
    expect(parseMoneyToCents("1 000")).toBeNull();
    expect(parseMoneyToCents(" 12.50 ")).toBe(1250);
    expect(parseMoneyToCents("€ 12.50")).toBe(1250);
  });
});

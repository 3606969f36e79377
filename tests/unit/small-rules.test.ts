import { describe, expect, it } from "vitest";
import { COUNTRIES, countryName, isKnownCountry } from "~/domain/countries";
import { formatMoney } from "~/domain/money";
import { pageParamSchema } from "~/domain/pagination";
import { slugify, uniqueSlug } from "~/domain/slug";
import { safeRedirect } from "~/lib/safe-redirect";

describe("safeRedirect", () => {
  it.each([
    ["/dashboard", "/dashboard"],
    ["/products?page=2", "/products?page=2"],
    ["//evil.example", "/"],
    ["https://evil.example", "/"],
    ["/\\evil.example", "/"],
    ["javascript:alert(1)", "/"],
    ["", "/"],
    [null, "/"],
  ])("%s → %s", (input, expected) => {
    expect(safeRedirect(input)).toBe(expected);
  });
  it("uses the fallback given", () => {
    expect(safeRedirect("//x", "/dashboard")).toBe("/dashboard");
  });
});

describe("slugs", () => {
  it("strips accents and punctuation", () => {
    expect(slugify("Café Los Andes — Cooperativa!")).toBe("cafe-los-andes-cooperativa");
  });
  it("picks the first free suffix", () => {
    expect(uniqueSlug("kiez", new Set())).toBe("kiez");
    expect(uniqueSlug("kiez", new Set(["kiez", "kiez-2"]))).toBe("kiez-3");
    expect(uniqueSlug("", new Set())).toBe("organisation");
  });
});

describe("countries", () => {
  it("knows real ISO codes and not groupings or withdrawn aliases", () => {
    expect(isKnownCountry("PE")).toBe(true);
    expect(isKnownCountry("GB")).toBe(true);
    expect(isKnownCountry("UK")).toBe(false);
    expect(isKnownCountry("EU")).toBe(false);
    expect(countryName("KE")).toBe("Kenya");
    expect(COUNTRIES.length).toBeGreaterThan(240);
  });
});

describe("formatMoney", () => {
  it("formats integer cents", () => {
    expect(formatMoney(1150)).toBe("€11.50");
    expect(formatMoney(0)).toBe("€0.00");
  });
  it("refuses fractional cents", () => {
    expect(() => formatMoney(10.5)).toThrow(/integer/);
  });
});

describe("page parameter", () => {
  it("falls back to page 1 for nonsense", () => {
    expect(pageParamSchema.parse("3")).toBe(3);
    expect(pageParamSchema.parse("-1")).toBe(1);
    expect(pageParamSchema.parse("abc")).toBe(1);
  });
});

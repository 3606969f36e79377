import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  describeErrorCount,
  MAX_CSV_ROWS,
  parseProductCsv,
  PRODUCT_CSV_COLUMNS,
  productsToCsv,
  type CsvProduct,
  type ProductCsvColumn,
} from "~/domain/product-csv";

const context = { categorySlugs: new Set(["coffee", "tea", "cocoa-chocolate"]) };

type Row = Record<ProductCsvColumn, string>;

const baseRow: Row = {
  product_slug: "andean-coffee",
  title: "Andean Coffee",
  summary: "Washed arabica from smallholders",
  description: "Grown at 1,800 m by the members of Sierra Verde, washed and sun-dried.",
  category: "coffee",
  origin_country: "PE",
  origin_region: "Cajamarca",
  origin_place: "San Ignacio",
  sku: "SVC-COF-250",
  unit: "250 g bag",
  case_size: "12",
  retail_price: "8.90",
  wholesale_case_price: "90.00",
  stock: "240",
  min_order: "1",
  lot_code: "SV-2026-01",
};

const row = (overrides: Partial<Row> = {}): Row => ({ ...baseRow, ...overrides });

/** A CSV file with the standard header and these rows (quoted as needed). */
function file(...rows: Row[]): string {
  return stringify([[...PRODUCT_CSV_COLUMNS], ...rows.map((r) => PRODUCT_CSV_COLUMNS.map((column) => r[column]))], {
    quoted_match: /[\r\n]/,
  });
}

const read = (text: string) => parseProductCsv(text, context);

describe("parseProductCsv: a good file", () => {
  it("groups rows by product slug and turns prices into exact cents", () => {
    const result = read(
      file(
        row(),
        row({ sku: "svc-cof-1000", unit: "1 kg bag", case_size: "6", retail_price: "29.5", wholesale_case_price: "150", min_order: "", lot_code: "" }),
        row({ product_slug: "black-tea", title: "Black Tea", category: "tea", origin_country: "in", origin_place: "", sku: "TEA-1" }),
      ),
    );
    expect(result.errors).toEqual([]);
    expect(result.products).toHaveLength(2);
    const [coffee, tea] = result.products;
    expect(coffee).toMatchObject({ slug: "andean-coffee", row: 2, title: "Andean Coffee", categorySlug: "coffee", originPlace: "San Ignacio" });
    expect(coffee!.variants).toEqual([
      expect.objectContaining({ row: 2, sku: "SVC-COF-250", retailPriceCents: 890, wholesaleCasePriceCents: 9000, caseSize: 12, stock: 240, lotCode: "SV-2026-01" }),
      expect.objectContaining({ row: 3, sku: "SVC-COF-1000", retailPriceCents: 2950, wholesaleCasePriceCents: 15000, minOrderUnits: 1, lotCode: undefined }),
    ]);
    expect(tea).toMatchObject({ slug: "black-tea", row: 4, originCountry: "IN", originPlace: undefined });
  });

  it("tolerates a byte order mark, semicolons, CRLF and a header in another order or case", () => {
    const columns = [...PRODUCT_CSV_COLUMNS].reverse();
    const text =
      "\uFEFF" +
      [columns.map((c) => c.toUpperCase()).join(";"), columns.map((c) => baseRow[c]).map((v) => (v.includes(";") ? `"${v}"` : v)).join(";")].join("\r\n") +
      "\r\n";
    const result = read(text);
    expect(result.errors).toEqual([]);
    expect(result.products[0]).toMatchObject({ slug: "andean-coffee", variants: [expect.objectContaining({ sku: "SVC-COF-250", retailPriceCents: 890 })] });
  });

  it("ignores empty lines, but counts them like a spreadsheet does", () => {
    const lines = file(row(), row({ sku: "B-2", title: "x" })).split("\n");
    // header, blank, row 3, blank line of separators, row 5 (which has the bad title)
    const text = [lines[0], "", lines[1], ",,,,,,,,,,,,,,,", lines[2], "", ""].join("\n");
    const result = read(text);
    // The product's own columns come from its first row; the disagreeing row is reported.
    expect(result.products[0]!.variants.map((v) => v.row)).toEqual([3, 5]);
    expect(result.errors).toEqual([{ row: 5, column: "title", message: expect.stringContaining("same title") }]);
  });

  it("counts a cell with line breaks as one row", () => {
    const description = 'Line one, with a comma\nand "quotes"\nand a third line.';
    const result = read(file(row({ description }), row({ description, sku: "X-2", stock: "-1" })));
    expect(result.errors).toEqual([{ row: 3, column: "stock", message: "The stock must be at least 0" }]);
    expect(result.products[0]!.description).toBe('Line one, with a comma\nand "quotes"\nand a third line.');
  });
});

describe("parseProductCsv: errors by row and column", () => {
  it("reports unknown and missing header columns as one clear error on row 1", () => {
    const header: string[] = [...PRODUCT_CSV_COLUMNS.filter((c) => c !== "stock" && c !== "lot_code"), "colour"];
    const result = read(`${header.join(",")}\n${header.map(() => "x").join(",")}\n`);
    expect(result.products).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ row: 1 });
    expect(result.errors[0]!.column).toBeUndefined();
    expect(result.errors[0]!.message).toMatch(/Missing: stock, lot_code\./);
    expect(result.errors[0]!.message).toMatch(/Not recognised: colour\./);
  });

  it("ignores empty columns after the last one", () => {
    const text = file(row()).replace(/\r?\n/, ",,\n");
    expect(text.split("\n")[0]).toMatch(/lot_code,,$/);
    expect(read(text).errors).toEqual([]);
  });

  it("reports a repeated header column", () => {
    const result = read(`${PRODUCT_CSV_COLUMNS.join(",")},sku\n`);
    expect(result.errors).toEqual([{ row: 1, message: expect.stringMatching(/Repeated: sku\./) }]);
  });

  it("refuses an empty file and a file with only the header", () => {
    expect(read("").errors).toEqual([{ row: 1, message: expect.stringMatching(/empty/) }]);
    expect(read("\uFEFF \r\n").errors).toEqual([{ row: 1, message: expect.stringMatching(/empty/) }]);
    expect(read(`${PRODUCT_CSV_COLUMNS.join(",")}\r\n\r\n`).errors).toEqual([{ row: 2, message: expect.stringMatching(/no products/) }]);
  });

  it("maps every schema problem to its CSV column", () => {
    const result = read(
      file(
        row({ title: "ab", summary: "", origin_country: "XX", origin_region: "" }),
        row({ product_slug: "second", sku: "ok-2", unit: "", case_size: "1.5", retail_price: "12.999", stock: "lots", min_order: "0", lot_code: "x".repeat(61) }),
        row({ product_slug: "third", sku: "-BAD", retail_price: "0", wholesale_case_price: "0" }),
        row({ product_slug: "fourth", sku: "OK-4", case_size: "2", retail_price: "10.00", wholesale_case_price: "20.01" }),
      ),
    );
    expect(result.errors).toEqual([
      { row: 2, column: "title", message: "Use at least 3 characters" },
      { row: 2, column: "summary", message: "Enter a one-line summary" },
      { row: 2, column: "origin_country", message: expect.stringMatching(/Choose a country/) },
      { row: 2, column: "origin_region", message: "Enter the region of origin" },
      { row: 3, column: "unit", message: expect.stringMatching(/Say what one unit is/) },
      { row: 3, column: "case_size", message: "Enter the case size as a whole number" },
      { row: 3, column: "retail_price", message: "Enter the retail price as an amount like 12.90" },
      { row: 3, column: "stock", message: "Enter the stock as a whole number" },
      { row: 3, column: "min_order", message: "The minimum order must be at least 1" },
      { row: 3, column: "lot_code", message: "Use at most 60 characters" },
      { row: 4, column: "sku", message: expect.stringMatching(/letters, digits and dashes/) },
      { row: 4, column: "retail_price", message: "The retail price must be more than 0" },
      { row: 5, column: "wholesale_case_price", message: "A case should not cost more than its units at the retail price" },
    ]);
    // Only the products whose own columns are valid are returned, with only their valid rows.
    expect(result.products.map((p) => [p.slug, p.variants.length])).toEqual([
      ["second", 0],
      ["third", 0],
      ["fourth", 0],
    ]);
  });

  it("requires a lowercase-kebab product slug", () => {
    const result = read(file(row({ product_slug: "" }), row({ product_slug: "Andean Coffee", sku: "B-2" }), row({ product_slug: "a--b", sku: "C-3" })));
    expect(result.errors).toEqual([
      { row: 2, column: "product_slug", message: expect.stringMatching(/Enter the product slug/) },
      { row: 3, column: "product_slug", message: expect.stringMatching(/lowercase letters/) },
      { row: 4, column: "product_slug", message: expect.stringMatching(/lowercase letters/) },
    ]);
    expect(result.products).toEqual([]);
  });

  it("refuses a category that does not exist and lists the ones that do", () => {
    const result = read(file(row({ category: "spices" })));
    expect(result.errors).toEqual([{ row: 2, column: "category", message: 'There is no category "spices". Use one of: cocoa-chocolate, coffee, tea.' }]);
  });

  it("requires a product's columns to agree on every row, naming the column and the first row", () => {
    const result = read(
      file(
        row(),
        row({ sku: "B-2", title: "Andean Coffee (new)", origin_country: "pe" }),
        row({ sku: "C-3", category: "tea", origin_place: "" }),
      ),
    );
    expect(result.errors).toEqual([
      { row: 3, column: "title", message: "Every row of product andean-coffee must have the same title: this row differs from row 2." },
      { row: 4, column: "category", message: expect.stringMatching(/same category: this row differs from row 2/) },
      { row: 4, column: "origin_place", message: expect.stringMatching(/same origin place/) },
    ]);
  });

  it("flags a SKU repeated in the file on the later row, whatever its case", () => {
    const result = read(file(row(), row({ product_slug: "other", sku: "B-2" }), row({ product_slug: "other", sku: " svc-cof-250 " })));
    expect(result.errors).toEqual([{ row: 4, column: "sku", message: "SKU SVC-COF-250 is already used on row 2: each SKU may appear only once in a file." }]);
    expect(result.products.flatMap((p) => p.variants.map((v) => v.sku))).toEqual(["SVC-COF-250", "B-2"]);
  });

  it("flags rows with a wrong number of cells", () => {
    const text = file(row()) + "andean-coffee,too,short\n" + file(row({ sku: "LONG-1" })).split("\n")[1] + ",surplus\n";
    const result = read(text);
    expect(result.errors).toEqual([
      { row: 3, message: expect.stringMatching(/This row has 3 cells but the header has 16/) },
      { row: 4, message: expect.stringMatching(/17 cells/) },
    ]);
  });

  it("reports a quote that is never closed", () => {
    const result = read(file(row()) + 'x,"Unclosed title,rest\n');
    expect(result.errors).toEqual([{ row: 3, message: expect.stringMatching(/never closed/) }]);
  });

  it(`accepts ${MAX_CSV_ROWS} rows and refuses one more`, () => {
    const rows = Array.from({ length: MAX_CSV_ROWS + 1 }, (_, index) => row({ sku: `SKU-${index}` }));
    const tooMany = read(file(...rows));
    expect(tooMany.products).toEqual([]);
    expect(tooMany.errors).toEqual([{ row: MAX_CSV_ROWS + 2, message: expect.stringMatching(/at most 5,000 rows \(it has 5,001\)/) }]);
    const enough = read(file(...rows.slice(0, MAX_CSV_ROWS)));
    expect(enough.errors).toEqual([]);
    expect(enough.products[0]!.variants).toHaveLength(MAX_CSV_ROWS);
  });

  it("summarises errors by count and rows", () => {
    expect(describeErrorCount([{ row: 2, message: "a" }, { row: 2, message: "b" }, { row: 5, message: "c" }])).toBe("3 errors in 2 rows");
    expect(describeErrorCount([{ row: 2, message: "a" }])).toBe("1 error in 1 row");
  });
});

const coffee: CsvProduct = {
  slug: "andean-coffee",
  title: 'Andean "Sierra" Coffee, washed',
  summary: "Washed arabica, from smallholders",
  description: 'First line, with a comma.\nSecond line with "quotes".\n\nCafé — 咖啡 🌱',
  categorySlug: "coffee",
  originCountry: "PE",
  originRegion: "Cajamarca",
  originPlace: undefined,
  variants: [
    { sku: "SVC-COF-250", unitLabel: "250 g bag", caseSize: 12, retailPriceCents: 890, wholesaleCasePriceCents: 9000, stock: 240, minOrderUnits: 1, lotCode: "SV-1" },
    { sku: "SVC-COF-1000", unitLabel: "1 kg bag", caseSize: 6, retailPriceCents: 2950, wholesaleCasePriceCents: 15000, stock: 0, minOrderUnits: 2, lotCode: undefined },
  ],
};

describe("productsToCsv", () => {
  it("writes the header and one RFC 4180 row per variant", () => {
    const text = productsToCsv([coffee]);
    expect(text.startsWith(`${PRODUCT_CSV_COLUMNS.join(",")}\r\n`)).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    const records = parse(text) as string[][];
    expect(records).toHaveLength(3);
    expect(records[1]).toEqual([
      "andean-coffee",
      'Andean "Sierra" Coffee, washed',
      "Washed arabica, from smallholders",
      coffee.description,
      "coffee",
      "PE",
      "Cajamarca",
      "",
      "SVC-COF-250",
      "250 g bag",
      "12",
      "8.90",
      "90.00",
      "240",
      "1",
      "SV-1",
    ]);
    expect(text).toContain('"Andean ""Sierra"" Coffee, washed"');
    expect(text).toContain('"First line, with a comma.\nSecond line with ""quotes"".\n\nCafé — 咖啡 🌱"');
    expect(records[2]!.slice(8)).toEqual(["SVC-COF-1000", "1 kg bag", "6", "29.50", "150.00", "0", "2", ""]);
  });

  it("quotes a lone line feed or carriage return too", () => {
    const text = productsToCsv([{ ...coffee, summary: "one\rtwo summary here", variants: [coffee.variants[0]!] }]);
    expect(text).toContain('"one\rtwo summary here"');
  });

  it("defuses cells a spreadsheet would run as a formula, and the import restores them", () => {
    const risky = { ...coffee, title: "=HYPERLINK(1)", summary: "+44 is the UK prefix here", originRegion: "'-quoted", variants: [coffee.variants[0]!] };
    const text = productsToCsv([risky]);
    const cells = (parse(text) as string[][])[1]!;
    expect(cells[1]).toBe("'=HYPERLINK(1)");
    expect(cells[2]).toBe("'+44 is the UK prefix here");
    expect(cells[6]).toBe("''-quoted");
    const back = read(text);
    expect(back.errors).toEqual([]);
    expect(back.products[0]).toMatchObject({ title: risky.title, summary: risky.summary, originRegion: "'-quoted" });
  });

  it("writes only the header when there are no products", () => {
    expect(productsToCsv([])).toBe(`${PRODUCT_CSV_COLUMNS.join(",")}\r\n`);
  });
});

// Valid products as the schemas output them: trimmed text with commas, quotes, line feeds, apostrophes, formula
// characters and non-Latin scripts. (Line breaks are stored as \n: the parser normalises CRLF and CR.)
const characters = ["a", "B", "z", " ", ",", ";", '"', "'", "\n", "=", "+", "-", "@", "é", "ß", "中", "🌱", "ñ", "0", "\t"];
const text = (min: number, max: number) =>
  fc
    .string({ unit: fc.constantFrom(...characters), minLength: min, maxLength: max + 4 })
    .map((value) => value.trim())
    .filter((value) => value.length >= min && value.length <= max);

const variantArbitrary = fc
  .record({
    sku: fc.stringMatching(/^[A-Z0-9][A-Z0-9-]{1,12}$/),
    unitLabel: text(2, 60),
    caseSize: fc.integer({ min: 1, max: 10_000 }),
    retailPriceCents: fc.integer({ min: 1, max: 5_000_000 }),
    stock: fc.integer({ min: 0, max: 1_000_000 }),
    minOrderUnits: fc.integer({ min: 1, max: 10_000 }),
    lotCode: fc.option(text(1, 60), { nil: undefined }),
  })
  .chain((variant) =>
    fc
      .integer({ min: 0, max: Math.min(variant.caseSize * variant.retailPriceCents, 99_999_999_999) })
      .map((wholesaleCasePriceCents) => ({ ...variant, wholesaleCasePriceCents })),
  );

const productArbitrary = fc.record({
  slug: fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}$/),
  title: text(3, 120),
  summary: text(10, 200),
  description: text(20, 400),
  categorySlug: fc.constantFrom(...context.categorySlugs),
  originCountry: fc.constantFrom("PE", "GH", "IN", "DE", "KE"),
  originRegion: text(2, 100),
  originPlace: fc.option(text(1, 120), { nil: undefined }),
  variants: fc.array(variantArbitrary, { minLength: 1, maxLength: 4 }),
});

const catalogueArbitrary = fc
  .uniqueArray(productArbitrary, { minLength: 1, maxLength: 6, selector: (product) => product.slug })
  .filter((products) => {
    const skus = products.flatMap((product) => product.variants.map((variant) => variant.sku));
    return new Set(skus).size === skus.length;
  });

describe("round trip", () => {
  it("productsToCsv → parseProductCsv gives back the same products", () => {
    fc.assert(
      fc.property(catalogueArbitrary, (products) => {
        const result = read(productsToCsv(products));
        expect(result.errors).toEqual([]);
        const withoutRows = result.products.map(({ row: _row, variants, ...product }) => ({
          ...product,
          variants: variants.map(({ row: _variantRow, ...variant }) => variant),
        }));
        expect(withoutRows).toEqual(products);
      }),
      { numRuns: 300 },
    );
  });
});

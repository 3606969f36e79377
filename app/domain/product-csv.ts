/**
 * Products as CSV: one row per variant, a product's columns repeated on each of its rows. Pure: no I/O. Every row is
 * validated with the same schemas as the product forms (`productFieldsSchema`, `variantFieldsSchema`), and every
 * problem is reported with the spreadsheet's row number (header = row 1) and the CSV column it concerns.
 */
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { type ZodIssue } from "zod";
import {
  compareCsvErrors,
  MAX_CSV_ROWS,
  PRODUCT_CSV_COLUMNS,
  type CsvError,
  type ProductCsvColumn,
} from "./product-csv-columns";
import { centsToInput } from "./money";
import { productFieldsSchema, variantFieldsSchema, type ProductFields, type VariantFields } from "./product-forms";





const PRODUCT_COLUMN_FIELDS = {
  title: "title",
  summary: "summary",
  description: "description",
  category: "categorySlug",
  origin_country: "originCountry",
  origin_region: "originRegion",
  origin_place: "originPlace",
} as const satisfies Partial<Record<ProductCsvColumn, keyof ProductFields>>;

const VARIANT_COLUMN_FIELDS = {
  sku: "sku",
  unit: "unitLabel",
  case_size: "caseSize",
  retail_price: "retailPriceCents",
  wholesale_case_price: "wholesaleCasePriceCents",
  stock: "stock",
  min_order: "minOrderUnits",
  lot_code: "lotCode",
} as const satisfies Partial<Record<ProductCsvColumn, keyof VariantFields>>;

type ProductColumn = keyof typeof PRODUCT_COLUMN_FIELDS;
type VariantColumn = keyof typeof VARIANT_COLUMN_FIELDS;

/** Schema field name → CSV column name, for turning zod issues into spreadsheet cells. */
const COLUMN_OF_FIELD: Record<string, ProductCsvColumn> = Object.fromEntries(
  [...Object.entries(PRODUCT_COLUMN_FIELDS), ...Object.entries(VARIANT_COLUMN_FIELDS)].map(([column, field]) => [
    field,
    column as ProductCsvColumn,
  ]),
);

export const PRODUCT_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SLUG_LENGTH = 100;

/** What a file describes: products (by slug) with their variants, as the schemas output them. */
export type CsvProduct = ProductFields & { slug: string; variants: VariantFields[] };
export type ParsedVariant = VariantFields & { row: number };
export type ParsedProduct = ProductFields & { slug: string; row: number; variants: ParsedVariant[] };

export type ProductCsvResult = { products: ParsedProduct[]; errors: CsvError[] };

// Spreadsheets run cells that start with these as formulas (CSV injection). Exported cells that would start with one
// get a leading apostrophe, which the import removes again: `'` + any number of apostrophes + trigger is escaped.
const FORMULA_START = /^'*[=+\-@\t\r]/;
const ESCAPED_FORMULA_START = /^'+[=+\-@\t\r]/;

/** Plain numbers (e.g. "-20800", "-12.50") stay numbers: a spreadsheet reads them as values, not formulas. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

function escapeFormula(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

function unescapeFormula(value: string): string {
  return ESCAPED_FORMULA_START.test(value) ? value.slice(1) : value;
}

/** Products → CSV text: the header, then one row per variant (RFC 4180: CRLF, quotes doubled, fields quoted as needed). */
export function productsToCsv(products: readonly CsvProduct[]): string {
  const rows = products.flatMap((product) =>
    product.variants.map((variant) => {
      const row: Record<ProductCsvColumn, string> = {
        product_slug: product.slug,
        title: product.title,
        summary: product.summary,
        description: product.description,
        category: product.categorySlug,
        origin_country: product.originCountry,
        origin_region: product.originRegion,
        origin_place: product.originPlace ?? "",
        sku: variant.sku,
        unit: variant.unitLabel,
        case_size: String(variant.caseSize),
        retail_price: centsToInput(variant.retailPriceCents),
        wholesale_case_price: centsToInput(variant.wholesaleCasePriceCents),
        stock: String(variant.stock),
        min_order: String(variant.minOrderUnits),
        lot_code: variant.lotCode ?? "",
      };
      return PRODUCT_CSV_COLUMNS.map((column) => row[column]);
    }),
  );
  return toCsv(PRODUCT_CSV_COLUMNS, rows);
}

/** A header and rows → RFC 4180 CSV (CRLF, quotes doubled) with formula-like cells escaped; every export uses it. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return stringify([[...header], ...rows.map((row) => row.map(escapeFormula))], {
    record_delimiter: "windows",
    // csv-stringify only quotes the record delimiter itself (CRLF); a lone LF or CR in a value must be quoted too.
    quoted_match: /[\r\n]/,
  });
}

/** The separator of a file: commas, or semicolons as spreadsheets in many European locales save "CSV". */
function detectDelimiter(text: string): "," | ";" {
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/, 1)[0] ?? "";
  return !firstLine.includes(",") && firstLine.includes(";") ? ";" : ",";
}

function readRecords(text: string): { records: string[][] } | { error: CsvError } {
  try {
    const records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      record_delimiter: ["\r\n", "\n", "\r"],
      relax_column_count: true,
      relax_quotes: true,
    }) as string[][];
    return { records };
  } catch (error) {
    const details = error as { code?: string; records?: number; message?: string };
    const row = (details.records ?? 0) + 1;
    const message =
      details.code === "CSV_QUOTE_NOT_CLOSED"
        ? "A quoted value starting on this row is never closed: check for a missing closing quote (\")."
        : details.code === "CSV_INVALID_CLOSING_QUOTE"
          ? 'A quoted value is followed by other characters: inside quotes, write a quote as two quotes ("").'
          : `This row could not be read as CSV (${details.message ?? "unknown problem"}).`;
    return { error: { row, message } };
  }
}

/** Spreadsheet text cell → schema input: line breaks as \n, blank → missing (as forms treat empty fields). */
function cellValue(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const value = unescapeFormula(raw).replace(/\r\n?/g, "\n");
  return value.trim() === "" ? undefined : value;
}

function issueErrors(row: number, issues: readonly ZodIssue[]): CsvError[] {
  return issues.map((issue) => {
    const field = issue.path[0];
    const column = typeof field === "string" ? COLUMN_OF_FIELD[field] : undefined;
    return column ? { row, column, message: issue.message } : { row, message: issue.message };
  });
}

function checkHeader(header: readonly string[]): { columns: ProductCsvColumn[] } | { error: CsvError } {
  const names = header.map((name) => name.trim().toLowerCase());
  // Spreadsheets sometimes save empty columns after the last one; those are not columns.
  while (names.length && names[names.length - 1] === "") names.pop();
  const known = new Set<string>(PRODUCT_CSV_COLUMNS);
  const unknown = names.filter((name) => !known.has(name)).map((name) => (name === "" ? "(a blank column name)" : name));
  const missing = PRODUCT_CSV_COLUMNS.filter((column) => !names.includes(column));
  const repeated = [...new Set(names.filter((name, index) => known.has(name) && names.indexOf(name) !== index))];
  if (!unknown.length && !missing.length && !repeated.length) return { columns: names as ProductCsvColumn[] };
  const problems = [
    missing.length ? `Missing: ${missing.join(", ")}.` : "",
    unknown.length ? `Not recognised: ${unknown.join(", ")}.` : "",
    repeated.length ? `Repeated: ${repeated.join(", ")}.` : "",
  ].filter(Boolean);
  return {
    error: {
      row: 1,
      message: `The first row must name these columns (in any order): ${PRODUCT_CSV_COLUMNS.join(", ")}. ${problems.join(" ")}`,
    },
  };
}

const productFieldShape = productFieldsSchema.shape;

/** One product column's value as the schema reads it, or the raw text when the schema refuses it. */
function normalisedProductValue(column: ProductColumn, raw: string | undefined): unknown {
  const result = productFieldShape[PRODUCT_COLUMN_FIELDS[column]].safeParse(raw);
  return result.success ? result.data : (raw?.trim() ?? "");
}

type ProductGroup = { slug: string; row: number; fields: ProductFields | null; values: Map<ProductColumn, unknown>; variants: ParsedVariant[] };

/**
 * Reads a products CSV. Every error is returned at once, by spreadsheet row (header = 1) and CSV column; `products`
 * holds what could be read (only meaningful to import when `errors` is empty).
 */
export function parseProductCsv(text: string, context: { categorySlugs: ReadonlySet<string> }): ProductCsvResult {
  const fail = (error: CsvError): ProductCsvResult => ({ products: [], errors: [error] });
  if (text.replace(/^\uFEFF/, "").trim() === "") {
    return fail({ row: 1, message: `The file is empty. Its first row must name the columns: ${PRODUCT_CSV_COLUMNS.join(", ")}.` });
  }
  const read = readRecords(text);
  if ("error" in read) return fail(read.error);
  const [header = [], ...records] = read.records;
  const headerCheck = checkHeader(header);
  if ("error" in headerCheck) return fail(headerCheck.error);
  const { columns } = headerCheck;

  // Spreadsheet row numbers count blank rows too (record index + 1 for the header).
  const dataRows = records
    .map((cells, index) => ({ cells, row: index + 2 }))
    .filter(({ cells }) => cells.some((cell) => cell.trim() !== ""));
  if (dataRows.length === 0) {
    return fail({ row: 2, message: "There are no products in this file: add one row per variant below the header row." });
  }
  if (dataRows.length > MAX_CSV_ROWS) {
    return fail({
      row: dataRows[MAX_CSV_ROWS]!.row,
      message: `A file can hold at most ${MAX_CSV_ROWS.toLocaleString("en-GB")} rows (it has ${dataRows.length.toLocaleString("en-GB")}): split it into several files.`,
    });
  }

  const errors: CsvError[] = [];
  const groups = new Map<string, ProductGroup>();
  const skuRows = new Map<string, number>();

  for (const { cells, row } of dataRows) {
    const extraCells = cells.slice(columns.length).some((cell) => cell.trim() !== "");
    if (cells.length < columns.length || extraCells) {
      errors.push({
        row,
        message: `This row has ${cells.length} cells but the header has ${columns.length}: check for a missing or extra separator, and put quotes around values that contain commas.`,
      });
      continue;
    }
    const cell = (column: ProductCsvColumn) => cellValue(cells[columns.indexOf(column)]);

    const slug = cell("product_slug")?.trim();
    const slugError = !slug
      ? "Enter the product slug, like andean-coffee-250g: it says which product this row belongs to."
      : slug.length > MAX_SLUG_LENGTH || !PRODUCT_SLUG_PATTERN.test(slug)
        ? `Use lowercase letters, digits and single dashes (at most ${MAX_SLUG_LENGTH} characters), like andean-coffee-250g.`
        : null;
    if (slugError) errors.push({ row, column: "product_slug", message: slugError });

    const group = slug && !slugError ? groups.get(slug) : undefined;
    if (!group) {
      // The first row of a product (or a row whose product is unknown): its product columns are validated here.
      const input = Object.fromEntries(
        Object.entries(PRODUCT_COLUMN_FIELDS).map(([column, field]) => [field, cell(column as ProductColumn)]),
      );
      const parsed = productFieldsSchema.safeParse(input);
      let fields: ProductFields | null = null;
      if (!parsed.success) errors.push(...issueErrors(row, parsed.error.issues));
      else if (!context.categorySlugs.has(parsed.data.categorySlug)) {
        errors.push({
          row,
          column: "category",
          message: `There is no category "${parsed.data.categorySlug}". Use one of: ${[...context.categorySlugs].sort().join(", ")}.`,
        });
      } else fields = parsed.data;
      if (slug && !slugError) {
        const values = new Map(
          (Object.keys(PRODUCT_COLUMN_FIELDS) as ProductColumn[]).map((column) => [column, normalisedProductValue(column, cell(column))]),
        );
        groups.set(slug, { slug, row, fields, values, variants: [] });
      }
    } else {
      // Later rows of a product must repeat its first row's product columns (compared as the schema reads them).
      for (const column of Object.keys(PRODUCT_COLUMN_FIELDS) as ProductColumn[]) {
        if (normalisedProductValue(column, cell(column)) !== group.values.get(column)) {
          errors.push({
            row,
            column,
            message: `Every row of product ${group.slug} must have the same ${column.replace(/_/g, " ")}: this row differs from row ${group.row}.`,
          });
        }
      }
    }

    const skuKey = cell("sku")?.trim().toUpperCase();
    const firstSkuRow = skuKey ? skuRows.get(skuKey) : undefined;
    if (skuKey && firstSkuRow !== undefined) {
      errors.push({ row, column: "sku", message: `SKU ${skuKey} is already used on row ${firstSkuRow}: each SKU may appear only once in a file.` });
    } else if (skuKey) {
      skuRows.set(skuKey, row);
    }
    const variantInput = Object.fromEntries(
      Object.entries(VARIANT_COLUMN_FIELDS).map(([column, field]) => [field, cell(column as VariantColumn)]),
    );
    const variant = variantFieldsSchema.safeParse(variantInput);
    if (!variant.success) errors.push(...issueErrors(row, variant.error.issues));
    else if (firstSkuRow === undefined && slug && !slugError) groups.get(slug)!.variants.push({ ...variant.data, row });
  }

  errors.sort(compareCsvErrors);
  const products = [...groups.values()]
    .filter((group): group is ProductGroup & { fields: ProductFields } => group.fields !== null)
    .map((group) => ({ ...group.fields, slug: group.slug, row: group.row, variants: group.variants }));
  return { products, errors };
}

export {
  compareCsvErrors,
  describeErrorCount,
  MAX_CSV_ROWS,
  PRODUCT_CSV_COLUMNS,
  productImportFormSchema,
  type CsvError,
  type ProductCsvColumn,
} from "./product-csv-columns";

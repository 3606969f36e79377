/**
 * The browser-safe half of the CSV import: columns, limits, error summaries and the import form's schema. The parser
 * (app/domain/product-csv.ts) uses Node's Buffer through csv-parse, so route components import from here instead.
 */
import { z } from "zod";

export const PRODUCT_CSV_COLUMNS = [
  "product_slug",
  "title",
  "summary",
  "description",
  "category",
  "origin_country",
  "origin_region",
  "origin_place",
  "sku",
  "unit",
  "case_size",
  "retail_price",
  "wholesale_case_price",
  "stock",
  "min_order",
  "lot_code",
] as const;
export type ProductCsvColumn = (typeof PRODUCT_CSV_COLUMNS)[number];

/** Data rows (variants) one file may hold; larger catalogues are imported in several files. */
export const MAX_CSV_ROWS = 5_000;

export type CsvError = { row: number; column?: ProductCsvColumn; message: string };

/** Spreadsheet order: by row, then by column (problems with the whole row first). */
export function compareCsvErrors(a: CsvError, b: CsvError): number {
  const columnOrder = (column?: ProductCsvColumn) => (column ? PRODUCT_CSV_COLUMNS.indexOf(column) : -1);
  return a.row - b.row || columnOrder(a.column) - columnOrder(b.column);
}

/** "3 errors in 2 rows" — for the summary above the error list. */
export function describeErrorCount(errors: readonly CsvError[]): string {
  const rows = new Set(errors.map((error) => error.row)).size;
  const plural = (count: number, word: string) => `${count.toLocaleString("en-GB")} ${word}${count === 1 ? "" : "s"}`;
  return `${plural(errors.length, "error")} in ${plural(rows, "row")}`;
}

/**
 * The import page's form: `preview` reads a chosen file (or pasted text); `apply` sends back the previewed text, which
 * the server checks again before writing anything.
 */
export const productImportFormSchema = z
  .discriminatedUnion("intent", [
    z.object({
      intent: z.literal("preview"),
      file: z.instanceof(File).optional(),
      csv: z.string().optional(),
    }),
    z.object({
      intent: z.literal("apply"),
      csv: z.string({ required_error: "There is nothing to import: preview a file first." }),
    }),
  ])
  .superRefine((value, context) => {
    if (value.intent === "preview" && !value.file && !value.csv?.trim()) {
      context.addIssue({ code: "custom", path: ["file"], message: "Choose a CSV file, or paste the CSV into the box below." });
    }
  });

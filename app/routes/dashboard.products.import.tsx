import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { Button, ErrorList } from "~/components/ui/form";
import { RuleViolation } from "~/domain/errors";
import { sellsGoods } from "~/domain/organization-forms";
import { sniffMimeType } from "~/domain/file-types";
import {
  describeErrorCount,
  MAX_CSV_ROWS,
  PRODUCT_CSV_COLUMNS,
  productImportFormSchema,
  type CsvError,
} from "~/domain/product-csv-columns";
import { redirectWithFlash } from "~/lib/flash.server";
import { badRequest } from "~/lib/http.server";
import { requireOrganizationPermission } from "~/lib/permissions.server";
import { maxUploadDescription, parseMultipartForm } from "~/lib/uploads.server";
import { applyImport, previewImport, type ImportPreview } from "~/services/product-import.server";
import { assertSells, listCategories } from "~/services/products.server";

export const meta: MetaFunction = () => [{ title: "Import products — Dashboard" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { organization } = await requireOrganizationPermission(request, "catalog:manage");
  const sells = sellsGoods(organization.kind);
  return json({
    organizationName: organization.name,
    sells,
    categories: sells ? (await listCategories()).map(({ slug, name }) => ({ slug, name })) : [],
    maxUpload: maxUploadDescription(),
  });
}

type ActionData =
  | { kind: "form"; result: SubmissionResult<string[]> }
  | { kind: "preview"; id: string; csv: string; preview: ImportPreview };

const formError = (result: SubmissionResult<string[]>, status: number) =>
  json<ActionData>({ kind: "form", result }, { status });

/** The text of an uploaded CSV file, or why it is not one (binary, an image or PDF, not UTF-8). */
async function readCsvFile(file: File): Promise<{ text: string } | { error: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (sniffMimeType(bytes) || bytes.includes(0)) {
    return { error: "This file is not a CSV file. In your spreadsheet, choose “Save as” or “Download” and pick CSV." };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { error: "This file is not UTF-8 text. In your spreadsheet, save it as “CSV UTF-8” and try again." };
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { organization } = await requireOrganizationPermission(request, "catalog:manage");
  if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
    throw badRequest("Send this form as multipart/form-data.");
  }
  const { formData, tooLarge } = await parseMultipartForm(request);
  if (tooLarge) {
    const fallback = new FormData();
    fallback.set("intent", "preview");
    const submission = parseWithZod(fallback, { schema: productImportFormSchema });
    return formError(submission.reply({ fieldErrors: { file: [`The file is larger than ${maxUploadDescription()}: split it into several files.`] } }), 400);
  }
  const submission = parseWithZod(formData, { schema: productImportFormSchema });
  if (submission.status !== "success") return formError(submission.reply(), 400);
  const command = submission.value;
  try {
    assertSells(organization);
  } catch (error) {
    if (!(error instanceof RuleViolation)) throw error;
    return formError(submission.reply({ formErrors: [error.message] }), 422);
  }

  if (command.intent === "apply") {
    const result = await applyImport(organization.id, command.csv);
    if (!result.ok) {
      return json<ActionData>({ kind: "preview", id: globalThis.crypto.randomUUID(), csv: command.csv, preview: result.preview }, { status: 422 });
    }
    const { created, updated, variantsCreated, variantsUpdated } = result.counts;
    return redirectWithFlash("/dashboard/products", {
      kind: "success",
      text: `Imported: ${created} created, ${updated} updated (${variantsCreated} ${variantsCreated === 1 ? "variant" : "variants"} added, ${variantsUpdated} updated).`,
    });
  }

  let csv = command.csv ?? "";
  if (command.file) {
    const read = await readCsvFile(command.file);
    if ("error" in read) return formError(submission.reply({ fieldErrors: { file: [read.error] } }), 400);
    csv = read.text;
  }
  const preview = await previewImport(organization.id, csv);
  return json<ActionData>({ kind: "preview", id: globalThis.crypto.randomUUID(), csv, preview }, { status: preview.errors.length ? 422 : 200 });
}

const COLUMN_HELP: Record<(typeof PRODUCT_CSV_COLUMNS)[number], { required: boolean; help: string }> = {
  product_slug: {
    required: true,
    help: "The product's identity and web address: lowercase letters, digits and dashes, like andean-coffee-250g. Rows with the same slug are variants of one product. A slug you already use updates that product.",
  },
  title: { required: true, help: "3 to 120 characters." },
  summary: { required: true, help: "One line, 10 to 200 characters." },
  description: { required: true, help: "20 to 10,000 characters. Commas, quotes and line breaks are fine: spreadsheets quote them for you." },
  category: { required: true, help: "One of the category codes listed below." },
  origin_country: { required: true, help: "Two-letter country code, like PE, GH or IN." },
  origin_region: { required: true, help: "Region of origin, like Cajamarca." },
  origin_place: { required: false, help: "Village, farm or site, up to 120 characters." },
  sku: { required: true, help: "2 to 40 letters, digits and dashes, unique on the marketplace. A SKU you already use updates that variant." },
  unit: { required: true, help: "What one unit is, like 250 g bag." },
  case_size: { required: true, help: "Units per case, a whole number from 1 to 10,000." },
  retail_price: { required: true, help: "Price of one unit in euros, like 12.90." },
  wholesale_case_price: { required: true, help: "Price of a whole case in euros, at most case_size × retail_price." },
  stock: { required: true, help: "Units in stock, a whole number." },
  min_order: { required: false, help: "Fewest units per order; 1 when blank." },
  lot_code: { required: false, help: "Batch code that ties the variant to its journey, up to 60 characters." },
};

const TEMPLATE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(`${PRODUCT_CSV_COLUMNS.join(",")}\r\n`)}`;

export default function ImportProductsPage() {
  const { organizationName, sells, categories, maxUpload } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!sells) {
    return (
      <div>
        <h1 className="text-2xl font-bold">Import products</h1>
        <p className="mt-4 rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-700">
          {organizationName} is not a producer or supplier, so it does not list products. Switch to a producer
          organisation, or create one.
        </p>
      </div>
    );
  }
  const preview = actionData?.kind === "preview" ? actionData : null;
  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm">
          <Link to="/dashboard/products" className="text-brand-700 underline">
            ← Products
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-bold">Import products from CSV</h1>
        <p className="mt-1 max-w-3xl text-stone-700">
          Add or update many of {organizationName}'s products at once from a spreadsheet: one row per variant. You see a
          preview first and nothing is saved until you confirm. If any row has an error, nothing is imported.
        </p>
        <ul className="mt-3 flex flex-wrap gap-x-6 gap-y-2 text-sm">
          <li>
            <a href="/dashboard/products/export.csv" className="text-brand-700 underline">
              Download your current products (CSV)
            </a>{" "}
            <span className="text-stone-600">— listed products only; archived ones are left out</span>
          </li>
          <li>
            <a href={TEMPLATE_HREF} download="products-template.csv" className="text-brand-700 underline">
              Download an empty template
            </a>
          </li>
        </ul>
      </div>

      {preview ? <PreviewResult key={preview.id} preview={preview.preview} csv={preview.csv} /> : null}

      <UploadForm
        key={preview?.id ?? "first"}
        lastResult={actionData?.kind === "form" ? actionData.result : undefined}
        pastedCsv={preview?.csv ?? ""}
        maxUpload={maxUpload}
        again={preview !== null}
      />

      <ColumnsHelp categories={categories} maxUpload={maxUpload} />
    </div>
  );
}

function UploadForm({
  lastResult,
  pastedCsv,
  maxUpload,
  again,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  pastedCsv: string;
  maxUpload: string;
  again: boolean;
}) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "import-preview",
    lastResult,
    defaultValue: { intent: "preview", csv: pastedCsv },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: productImportFormSchema }),
  });
  const fileHelpId = `${fields.file.id}-help`;
  const csvHelpId = `${fields.csv.id}-help`;
  return (
    <section aria-labelledby="upload-heading" className="rounded-lg border border-stone-200 bg-white p-5">
      <h2 id="upload-heading" className="font-semibold">
        {again ? "Preview another file" : "1. Choose a file to preview"}
      </h2>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="mt-4 space-y-5">
        <input type="hidden" name="intent" value="preview" />
        <div>
          <label htmlFor={fields.file.id} className="block text-sm font-medium text-stone-800">
            CSV file
          </label>
          <input
            {...getInputProps(fields.file, { type: "file", ariaDescribedBy: fileHelpId })}
            accept=".csv,text/csv"
            className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-3 file:py-2 file:text-sm file:font-semibold hover:file:bg-stone-100"
          />
          <p id={fileHelpId} className="mt-1 text-sm text-stone-600">
            UTF-8 CSV, separated by commas or semicolons, up to {maxUpload} and {MAX_CSV_ROWS.toLocaleString("en-GB")} rows.
          </p>
          <ErrorList id={fields.file.errorId} errors={fields.file.errors} />
        </div>
        <div>
          <label htmlFor={fields.csv.id} className="block text-sm font-medium text-stone-800">
            Or paste the CSV <span className="font-normal text-stone-500">(used when no file is chosen)</span>
          </label>
          <textarea
            {...getTextareaProps(fields.csv, { ariaDescribedBy: csvHelpId })}
            rows={8}
            spellCheck={false}
            className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 font-mono text-xs text-stone-900 shadow-sm focus:border-brand-600 focus:ring-1 focus:ring-brand-600"
          />
          <p id={csvHelpId} className="mt-1 text-sm text-stone-600">
            {again ? "The text you previewed is here: correct it and preview again, or fix the file and choose it again." : "Copy the cells from your spreadsheet, header row included."}
          </p>
          <ErrorList id={fields.csv.errorId} errors={fields.csv.errors} />
        </div>
        <ErrorList id={form.errorId} errors={form.errors} />
        <Button
          type="submit"
          pending={navigation.state === "submitting" && navigation.formData?.get("intent") === "preview"}
          pendingText="Checking…"
        >
          Preview
        </Button>
      </Form>
    </section>
  );
}

const plural = (count: number, word: string, words = `${word}s`) => `${count.toLocaleString("en-GB")} ${count === 1 ? word : words}`;

function PreviewResult({ preview, csv }: { preview: ImportPreview; csv: string }) {
  const navigation = useNavigation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Move focus to the result, so keyboard and screen-reader users land on it after submitting.
  useEffect(() => headingRef.current?.focus(), []);
  const { products, errors } = preview;
  const created = products.filter((product) => product.action === "create").length;
  const updated = products.length - created;
  const variantCount = products.reduce((sum, product) => sum + product.variants.length, 0);
  const priceWarnings = products.flatMap((product) =>
    product.variants.filter((variant) => variant.removesBreakdown || variant.removesPriceBreaks).map((variant) => ({ product, variant })),
  );
  return (
    <section aria-labelledby="preview-heading" className="space-y-5">
      <h2 id="preview-heading" ref={headingRef} tabIndex={-1} className="text-xl font-semibold outline-none">
        {errors.length ? "The file has errors" : "2. Check and import"}
      </h2>
      {errors.length ? (
        <ErrorTable errors={errors} />
      ) : (
        <p role="status" className="rounded-md border border-brand-200 bg-brand-50 px-4 py-3 text-brand-900">
          No errors. Importing will{" "}
          {[created ? `create ${plural(created, "product")}` : "", updated ? `update ${plural(updated, "product")}` : ""]
            .filter(Boolean)
            .join(" and ")}
          , with {plural(variantCount, "variant")} in all.
        </p>
      )}

      {products.length ? (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="px-4 pt-3 text-left font-semibold">
              {plural(products.length, "product")} in the file
            </caption>
            <thead className="border-b border-stone-200 text-stone-600">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">Product</th>
                <th scope="col" className="px-4 py-2 font-medium">What happens</th>
                <th scope="col" className="px-4 py-2 font-medium">Variants</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {products.map((product) => {
                const newVariants = product.variants.filter((variant) => variant.action === "create").length;
                return (
                  <tr key={product.slug}>
                    <td className="px-4 py-2">
                      <span className="font-medium">{product.title}</span>
                      <span className="block font-mono text-xs text-stone-600">{product.slug}</span>
                    </td>
                    <td className="px-4 py-2">
                      {product.action === "create" ? (
                        <span className="rounded-full bg-brand-100 px-2 py-0.5 text-brand-900">New</span>
                      ) : (
                        <span className="rounded-full bg-stone-100 px-2 py-0.5">Update</span>
                      )}
                      {product.archived ? <span className="ml-2 text-stone-600">(archived: stays archived)</span> : null}
                    </td>
                    <td className="px-4 py-2">
                      {newVariants ? `${newVariants} new` : ""}
                      {newVariants && product.variants.length - newVariants ? ", " : ""}
                      {product.variants.length - newVariants ? `${product.variants.length - newVariants} updated` : ""}
                      <span className="block font-mono text-xs text-stone-600">
                        {product.variants.map((variant) => variant.sku).join(", ")}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}

      {!errors.length && priceWarnings.length ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
          <p className="font-semibold">Prices that change</p>
          <ul className="mt-1 list-disc pl-5">
            {priceWarnings.map(({ product, variant }) => (
              <li key={variant.sku}>
                {variant.sku} ({product.title}):{" "}
                {[variant.removesBreakdown ? "its price breakdown" : "", variant.removesPriceBreaks ? "its volume price breaks" : ""]
                  .filter(Boolean)
                  .join(" and ")}{" "}
                no longer fit the new retail price and will be removed. Add them again in the product editor.
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {!errors.length && products.length ? (
        <Form method="post" encType="multipart/form-data">
          <input type="hidden" name="intent" value="apply" />
          <input type="hidden" name="csv" value={csv} />
          <Button
            type="submit"
            pending={navigation.state === "submitting" && navigation.formData?.get("intent") === "apply"}
            pendingText="Importing…"
          >
            Import {plural(products.length, "product")}
          </Button>
        </Form>
      ) : null}
    </section>
  );
}

function ErrorTable({ errors }: { errors: readonly CsvError[] }) {
  return (
    <div className="space-y-3">
      <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 font-semibold text-red-900">
        {describeErrorCount(errors)} — nothing was imported.
      </p>
      <p className="text-sm text-stone-700">
        Row numbers are your spreadsheet's: the header is row 1. Correct every row below, then preview again.
      </p>
      <div className="overflow-x-auto rounded-lg border border-red-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Errors by row and column</caption>
          <thead className="border-b border-red-200 text-stone-600">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">Row</th>
              <th scope="col" className="px-4 py-2 font-medium">Column</th>
              <th scope="col" className="px-4 py-2 font-medium">Problem</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {errors.map((error, index) => (
              <tr key={index}>
                <td className="px-4 py-2 tabular-nums">{error.row}</td>
                <td className="px-4 py-2 font-mono text-xs">{error.column ?? "—"}</td>
                <td className="px-4 py-2">{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function ColumnsHelp({ categories, maxUpload }: { categories: { slug: string; name: string }[]; maxUpload: string }) {
  return (
    <section aria-labelledby="columns-heading" className="space-y-4">
      <h2 id="columns-heading" className="text-lg font-semibold">
        The columns
      </h2>
      <p className="max-w-3xl text-sm text-stone-700">
        The first row names the columns (any order). Each further row is one variant; repeat the product's columns on
        every row of the same product, exactly as in the export.
      </p>
      <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">CSV columns and what to write in them</caption>
          <thead className="border-b border-stone-200 text-stone-600">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">Column</th>
              <th scope="col" className="px-4 py-2 font-medium">Required</th>
              <th scope="col" className="px-4 py-2 font-medium">What to write</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {PRODUCT_CSV_COLUMNS.map((column) => (
              <tr key={column}>
                <th scope="row" className="px-4 py-2 font-mono text-xs font-medium">{column}</th>
                <td className="px-4 py-2">{COLUMN_HELP[column].required ? "Yes" : "No"}</td>
                <td className="px-4 py-2">{COLUMN_HELP[column].help}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div>
        <h3 className="font-semibold">Category codes</h3>
        <ul className="mt-2 grid gap-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
          {categories.map((category) => (
            <li key={category.slug}>
              <code className="rounded bg-stone-100 px-1">{category.slug}</code> {category.name}
            </li>
          ))}
        </ul>
      </div>
      <ul className="max-w-3xl list-disc space-y-1 pl-5 text-sm text-stone-700">
        <li>Variants of an imported product that are not in the file are kept as they are; remove them in the product editor.</li>
        <li>Products are matched by slug and variants by SKU. A slug cannot be changed by import: a new slug is a new product, with its own SKUs.</li>
        <li>Archived products in the file are updated but stay archived.</li>
        <li>Changing a retail price removes that variant's price breakdown (and volume price breaks that no longer fit), as the product editor does.</li>
        <li>
          Cells starting with =, +, - or @ are exported with a leading apostrophe so spreadsheets do not run them as
          formulas; the import removes it again.
        </li>
        <li>
          At most {MAX_CSV_ROWS.toLocaleString("en-GB")} rows and {maxUpload} per file.
        </li>
      </ul>
    </section>
  );
}

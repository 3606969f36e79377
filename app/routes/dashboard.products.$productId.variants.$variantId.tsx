import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { z } from "zod";
import { VariantFieldInputs } from "~/components/products/fields";
import { Button, ErrorList } from "~/components/ui/form";
import { RuleViolation } from "~/domain/errors";
import { centsToInput, formatMoney, parseMoneyToCents } from "~/domain/money";
import { PRICE_COMPONENT_KINDS, PRICE_COMPONENT_LABELS } from "~/domain/price-breakdown";
import { breakdownFormSchema, priceBreaksFormSchema, variantFieldsSchema } from "~/domain/product-forms";
import { redirectWithFlash } from "~/lib/flash.server";
import { badRequest } from "~/lib/http.server";
import { requireOrganizationPermission } from "~/lib/permissions.server";
import {
  deleteVariant,
  getVariantForEditing,
  saveBreakdown,
  savePriceBreaks,
  updateVariant,
} from "~/services/products.server";

// Each form on this page has its own schema; `intent` says which one was sent.
const FORMS = { variant: variantFieldsSchema, breaks: priceBreaksFormSchema, breakdown: breakdownFormSchema } as const;
type FormId = keyof typeof FORMS;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrganizationPermission(request, "catalog:manage");
  const variant = await getVariantForEditing(organization.id, params.productId ?? "", params.variantId ?? "");
  return json({
    productId: params.productId!,
    sku: variant.sku,
    retailPriceCents: variant.retailPriceCents,
    variant: {
      sku: variant.sku,
      unitLabel: variant.unitLabel,
      caseSize: String(variant.caseSize),
      retailPriceCents: centsToInput(variant.retailPriceCents),
      wholesaleCasePriceCents: centsToInput(variant.wholesaleCasePriceCents),
      stock: String(variant.stock),
      minOrderUnits: String(variant.minOrderUnits),
      lotCode: variant.lotCode ?? "",
    },
    breaks: variant.priceBreaks
      .sort((a, b) => a.minQuantity - b.minQuantity)
      .map((tier) => ({ minQuantity: String(tier.minQuantity), unitPriceCents: centsToInput(tier.unitPriceCents) })),
    shares: variant.priceComponents
      .sort((a, b) => a.position - b.position)
      .map((share) => ({ kind: share.kind, recipient: share.recipient, amountCents: centsToInput(share.amountCents) })),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organization } = await requireOrganizationPermission(request, "catalog:manage");
  const productId = params.productId ?? "";
  const variantId = params.variantId ?? "";
  const formData = await request.formData();
  const intent = formData.get("intent");
  const here = `/dashboard/products/${productId}/variants/${variantId}`;
  if (intent === "delete") {
    try {
      await deleteVariant(organization.id, productId, variantId);
    } catch (error) {
      if (!(error instanceof RuleViolation)) throw error;
      return redirectWithFlash(here, { kind: "error", text: error.message });
    }
    return redirectWithFlash(`/dashboard/products/${productId}/variants`, { kind: "success", text: "Variant deleted." });
  }
  if (typeof intent !== "string" || !(intent in FORMS)) throw badRequest("Unknown form.");
  const formId = intent as FormId;
  const submission = parseWithZod(formData, { schema: FORMS[formId] });
  if (submission.status !== "success") {
    // Adding or removing a row without JavaScript is a conform intent: echo the new form state back.
    return json({ formId, result: submission.reply() }, { status: submission.status === "error" ? 400 : 200 });
  }
  try {
    if (formId === "variant") {
      await updateVariant(organization.id, productId, variantId, submission.value as z.infer<typeof variantFieldsSchema>);
    } else if (formId === "breaks") {
      await savePriceBreaks(organization.id, productId, variantId, (submission.value as z.infer<typeof priceBreaksFormSchema>).breaks);
    } else {
      await saveBreakdown(organization.id, productId, variantId, (submission.value as z.infer<typeof breakdownFormSchema>).shares);
    }
  } catch (error) {
    if (!(error instanceof RuleViolation)) throw error;
    return json({ formId, result: submission.reply({ formErrors: [error.message] }) }, { status: 422 });
  }
  const saved = { variant: "Variant saved.", breaks: "Volume prices saved.", breakdown: "Price breakdown saved." }[formId];
  return redirectWithFlash(here, { kind: "success", text: saved });
}

function useLastResultFor(formId: FormId): SubmissionResult<string[]> | undefined {
  const data = useActionData<typeof action>();
  return data && "formId" in data && data.formId === formId ? (data.result as SubmissionResult<string[]>) : undefined;
}

export default function VariantEditor() {
  const { productId, sku, retailPriceCents } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-10">
      <p className="text-sm">
        <Link to={`/dashboard/products/${productId}/variants`} className="text-brand-700 underline">
          All variants
        </Link>
      </p>
      <VariantForm />
      <BreakdownForm retailPriceCents={retailPriceCents} />
      <PriceBreaksForm retailPriceCents={retailPriceCents} />
      <section aria-labelledby="delete-heading" className="rounded-lg border border-red-200 bg-white p-5">
        <h2 id="delete-heading" className="font-semibold">
          Delete {sku}
        </h2>
        <p className="mt-1 text-sm text-stone-700">Deletes this variant with its prices. A product keeps at least one variant.</p>
        <Form
          method="post"
          className="mt-3"
          onSubmit={(event) => {
            if (!confirm(`Delete ${sku}?`)) event.preventDefault();
          }}
        >
          <input type="hidden" name="intent" value="delete" />
          <Button type="submit" variant="danger">
            Delete variant
          </Button>
        </Form>
      </section>
    </div>
  );
}

function VariantForm() {
  const { variant, sku } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "variant",
    lastResult: useLastResultFor("variant"),
    defaultValue: variant,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: variantFieldsSchema }),
  });
  return (
    <section aria-labelledby="variant-heading" className="rounded-lg border border-stone-200 bg-white p-5">
      <h2 id="variant-heading" className="mb-4 font-semibold">
        Variant {sku}
      </h2>
      <Form method="post" {...getFormProps(form)} className="space-y-5">
        <input type="hidden" name="intent" value="variant" />
        <VariantFieldInputs fields={fields} />
        <p className="text-sm text-stone-600">Changing the retail price clears the price breakdown, which must then be entered again.</p>
        <ErrorList id={form.errorId} errors={form.errors} />
        <Button type="submit" pending={navigation.formData?.get("intent") === "variant"} pendingText="Saving…">
          Save variant
        </Button>
      </Form>
    </section>
  );
}

const kindOptions = PRICE_COMPONENT_KINDS.map((kind) => ({ value: kind, label: PRICE_COMPONENT_LABELS[kind] }));
const cellClass = "block w-full rounded-md border border-stone-300 bg-white px-2 py-1.5 aria-[invalid]:border-red-600";

function BreakdownForm({ retailPriceCents }: { retailPriceCents: number }) {
  const { shares } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "breakdown",
    lastResult: useLastResultFor("breakdown"),
    defaultValue: {
      shares: shares.length ? shares : [{ kind: "PRODUCER", recipient: "", amountCents: "" }],
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: breakdownFormSchema }),
  });
  const rows = fields.shares.getFieldList();
  const typedTotal = rows.reduce((sum, row) => sum + (parseMoneyToCents(String(row.getFieldset().amountCents.value ?? "")) ?? 0), 0);
  const remaining = retailPriceCents - typedTotal;
  return (
    <section aria-labelledby="breakdown-heading" className="rounded-lg border border-stone-200 bg-white p-5">
      <h2 id="breakdown-heading" className="font-semibold">
        Where the {formatMoney(retailPriceCents)} goes
      </h2>
      <p className="mt-1 text-sm text-stone-700">
        Split one unit's retail price between everyone paid along the way. The shares must add up to exactly{" "}
        {formatMoney(retailPriceCents)}; shoppers see them as a chart with the producer's share.
      </p>
      <Form method="post" {...getFormProps(form)} className="mt-4 space-y-3">
        <input type="hidden" name="intent" value="breakdown" />
        <table className="w-full text-left text-sm">
          <thead className="text-stone-600">
            <tr>
              <th scope="col" className="py-1 pr-2">Share for</th>
              <th scope="col" className="py-1 pr-2">Who receives it</th>
              <th scope="col" className="py-1 pr-2">Amount (€)</th>
              <th scope="col" className="py-1"><span className="sr-only">Remove</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const share = row.getFieldset();
              return (
                <tr key={row.key} className="align-top">
                  <td className="py-1 pr-2">
                    <select {...getSelectProps(share.kind)} aria-label={`Share ${index + 1}: for`} className={cellClass}>
                      {kindOptions.map((option) => (
                        <option key={option.value} value={option.value}>
                          {option.label}
                        </option>
                      ))}
                    </select>
                    <ErrorList id={share.kind.errorId} errors={share.kind.errors} />
                  </td>
                  <td className="py-1 pr-2">
                    <input {...getInputProps(share.recipient, { type: "text" })} aria-label={`Share ${index + 1}: who receives it`} className={cellClass} />
                    <ErrorList id={share.recipient.errorId} errors={share.recipient.errors} />
                  </td>
                  <td className="py-1 pr-2">
                    <input {...getInputProps(share.amountCents, { type: "text" })} inputMode="decimal" aria-label={`Share ${index + 1}: amount in euros`} className={cellClass} />
                    <ErrorList id={share.amountCents.errorId} errors={share.amountCents.errors} />
                  </td>
                  <td className="py-1">
                    <button
                      {...form.remove.getButtonProps({ name: fields.shares.name, index })}
                      className="rounded-md px-2 py-1.5 text-sm text-red-700 hover:bg-red-50"
                      aria-label={`Remove share ${index + 1}`}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p aria-live="polite" className={`text-sm font-medium ${remaining === 0 ? "text-brand-700" : "text-amber-800"}`}>
          Shares so far: {formatMoney(typedTotal)} of {formatMoney(retailPriceCents)}
          {remaining === 0 ? " — exact." : remaining > 0 ? ` — ${formatMoney(remaining)} still to assign.` : ` — ${formatMoney(-remaining)} too much.`}
        </p>
        <ErrorList id={fields.shares.errorId} errors={fields.shares.errors} />
        <ErrorList id={form.errorId} errors={form.errors} />
        <div className="flex flex-wrap gap-3">
          <Button
            variant="secondary"
            {...form.insert.getButtonProps({ name: fields.shares.name, defaultValue: { kind: "OTHER", recipient: "", amountCents: "" } })}
          >
            Add a share
          </Button>
          <Button type="submit" pending={navigation.formData?.get("intent") === "breakdown"} pendingText="Saving…">
            Save breakdown
          </Button>
        </div>
      </Form>
    </section>
  );
}

function PriceBreaksForm({ retailPriceCents }: { retailPriceCents: number }) {
  const { breaks } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "breaks",
    lastResult: useLastResultFor("breaks"),
    defaultValue: { breaks },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: priceBreaksFormSchema }),
  });
  const rows = fields.breaks.getFieldList();
  return (
    <section aria-labelledby="breaks-heading" className="rounded-lg border border-stone-200 bg-white p-5">
      <h2 id="breaks-heading" className="font-semibold">
        Volume prices
      </h2>
      <p className="mt-1 text-sm text-stone-700">
        Optional: a lower unit price from a number of units in one order. The retail price is {formatMoney(retailPriceCents)}.
      </p>
      <Form method="post" {...getFormProps(form)} className="mt-4 space-y-3">
        <input type="hidden" name="intent" value="breaks" />
        {rows.length ? (
          <ul className="space-y-2">
            {rows.map((row, index) => {
              const tier = row.getFieldset();
              return (
                <li key={row.key} className="flex flex-wrap items-start gap-3">
                  <label className="text-sm">
                    From (units)
                    <input {...getInputProps(tier.minQuantity, { type: "number" })} className={cellClass} />
                    <ErrorList id={tier.minQuantity.errorId} errors={tier.minQuantity.errors} />
                  </label>
                  <label className="text-sm">
                    Unit price (€)
                    <input {...getInputProps(tier.unitPriceCents, { type: "text" })} inputMode="decimal" className={cellClass} />
                    <ErrorList id={tier.unitPriceCents.errorId} errors={tier.unitPriceCents.errors} />
                  </label>
                  <button
                    {...form.remove.getButtonProps({ name: fields.breaks.name, index })}
                    className="mt-5 rounded-md px-2 py-1.5 text-sm text-red-700 hover:bg-red-50"
                    aria-label={`Remove tier ${index + 1}`}
                  >
                    Remove
                  </button>
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="text-sm text-stone-600">No volume prices: every quantity pays the retail price.</p>
        )}
        <ErrorList id={fields.breaks.errorId} errors={fields.breaks.errors} />
        <ErrorList id={form.errorId} errors={form.errors} />
        <div className="flex flex-wrap gap-3">
          <Button variant="secondary" {...form.insert.getButtonProps({ name: fields.breaks.name, defaultValue: { minQuantity: "", unitPriceCents: "" } })}>
            Add a tier
          </Button>
          <Button type="submit" pending={navigation.formData?.get("intent") === "breaks"} pendingText="Saving…">
            Save volume prices
          </Button>
        </div>
      </Form>
    </section>
  );
}

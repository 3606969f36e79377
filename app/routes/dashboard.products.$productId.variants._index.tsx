import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { VariantFieldInputs } from "~/components/products/fields";
import { Button, ErrorList } from "~/components/ui/form";
import { RuleViolation } from "~/domain/errors";
import { formatMoney } from "~/domain/money";
import { variantFieldsSchema } from "~/domain/product-forms";
import { checkBreakdown } from "~/domain/price-breakdown";
import { redirectWithFlash } from "~/lib/flash.server";
import { requireOrganizationPermission } from "~/lib/permissions.server";
import { addVariant, getProductForEditing } from "~/services/products.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrganizationPermission(request, "catalog:manage");
  const product = await getProductForEditing(organization.id, params.productId ?? "");
  return json({
    productId: product.id,
    variants: product.variants.map((variant) => ({
      id: variant.id,
      sku: variant.sku,
      unitLabel: variant.unitLabel,
      caseSize: variant.caseSize,
      retailPriceCents: variant.retailPriceCents,
      wholesaleCasePriceCents: variant.wholesaleCasePriceCents,
      stock: variant.stock,
      tiers: variant.priceBreaks.length,
      breakdownComplete: variant.priceComponents.length > 0 && checkBreakdown(variant.priceComponents, variant.retailPriceCents).ok,
    })),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organization } = await requireOrganizationPermission(request, "catalog:manage");
  const productId = params.productId ?? "";
  const submission = parseWithZod(await request.formData(), { schema: variantFieldsSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  try {
    const variant = await addVariant(organization.id, productId, submission.value);
    return redirectWithFlash(`/dashboard/products/${productId}/variants/${variant.id}`, {
      kind: "success",
      text: `Variant ${variant.sku} added. Now say where its price goes.`,
    });
  } catch (error) {
    if (!(error instanceof RuleViolation)) throw error;
    return json(submission.reply({ fieldErrors: { sku: [error.message] } }), { status: 422 });
  }
}

export default function VariantsTab() {
  const { productId, variants } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "add-variant",
    lastResult,
    defaultValue: { caseSize: "12", minOrderUnits: "1", stock: "0" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: variantFieldsSchema }),
  });
  return (
    <div className="space-y-8">
      <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-stone-50 text-stone-600">
            <tr>
              <th scope="col" className="px-4 py-2">SKU</th>
              <th scope="col" className="px-4 py-2">Unit</th>
              <th scope="col" className="px-4 py-2">Retail</th>
              <th scope="col" className="px-4 py-2">Case</th>
              <th scope="col" className="px-4 py-2">Stock</th>
              <th scope="col" className="px-4 py-2">Price breakdown</th>
              <th scope="col" className="px-4 py-2"><span className="sr-only">Edit</span></th>
            </tr>
          </thead>
          <tbody>
            {variants.map((variant) => (
              <tr key={variant.id} className="border-t border-stone-100">
                <td className="px-4 py-2 font-mono">{variant.sku}</td>
                <td className="px-4 py-2">{variant.unitLabel}</td>
                <td className="px-4 py-2">{formatMoney(variant.retailPriceCents)}</td>
                <td className="px-4 py-2">
                  {variant.caseSize} × for {formatMoney(variant.wholesaleCasePriceCents)}
                </td>
                <td className="px-4 py-2">{variant.stock}</td>
                <td className="px-4 py-2">
                  {variant.breakdownComplete ? "Complete" : <span className="font-medium text-amber-800">Missing</span>}
                </td>
                <td className="px-4 py-2 text-right">
                  <Link to={`/dashboard/products/${productId}/variants/${variant.id}`} className="text-brand-700 underline">
                    Edit {variant.sku}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="add-variant-heading" className="rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="add-variant-heading" className="mb-4 font-semibold">
          Add a variant
        </h2>
        <Form method="post" {...getFormProps(form)} className="space-y-5">
          <VariantFieldInputs fields={fields} />
          <ErrorList id={form.errorId} errors={form.errors} />
          <Button type="submit" pending={navigation.state === "submitting"} pendingText="Adding…">
            Add variant
          </Button>
        </Form>
      </section>
    </div>
  );
}

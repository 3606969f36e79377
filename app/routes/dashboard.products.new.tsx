import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ProductFieldInputs, VariantFieldInputs } from "~/components/products/fields";
import { Button, ErrorList } from "~/components/ui/form";
import { RuleViolation } from "~/domain/errors";
import { newProductSchema } from "~/domain/product-forms";
import { redirectWithFlash } from "~/lib/flash.server";
import { requireOrganizationPermission } from "~/lib/permissions.server";
import { createProduct, listCategories } from "~/services/products.server";

export const meta: MetaFunction = () => [{ title: "New product — Dashboard" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { organization } = await requireOrganizationPermission(request, "catalog:manage");
  return json({ organizationName: organization.name, categories: await listCategories() });
}

export async function action({ request }: ActionFunctionArgs) {
  const { organization } = await requireOrganizationPermission(request, "catalog:manage");
  const submission = parseWithZod(await request.formData(), { schema: newProductSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  try {
    const product = await createProduct(organization, submission.value);
    return redirectWithFlash(`/dashboard/products/${product.id}`, {
      kind: "success",
      text: `${product.title} is listed. Add its journey, price breakdown and photos next.`,
    });
  } catch (error) {
    if (!(error instanceof RuleViolation)) throw error;
    return json(submission.reply({ formErrors: [error.message] }), { status: 422 });
  }
}

export default function NewProductPage() {
  const { organizationName, categories } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { variant: { caseSize: "12", minOrderUnits: "1", stock: "0" } },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newProductSchema }),
  });
  return (
    <div>
      <h1 className="text-2xl font-bold">New product</h1>
      <p className="mt-1 text-stone-700">Listed by {organizationName}. You can add more variants, photos, the journey and the price breakdown afterwards.</p>
      <Form method="post" {...getFormProps(form)} className="mt-6 max-w-4xl space-y-8">
        <ProductFieldInputs fields={fields.product.getFieldset()} categories={categories} />
        <fieldset className="rounded-lg border border-stone-200 bg-white p-5">
          <legend className="px-1 font-semibold">First variant</legend>
          <VariantFieldInputs fields={fields.variant.getFieldset()} />
        </fieldset>
        <ErrorList id={form.errorId} errors={form.errors} />
        <Button type="submit" pending={navigation.state === "submitting"} pendingText="Saving…">
          Create product
        </Button>
      </Form>
    </div>
  );
}

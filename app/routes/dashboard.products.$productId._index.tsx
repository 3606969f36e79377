import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { ProductFieldInputs } from "~/components/products/fields";
import { Button, ErrorList } from "~/components/ui/form";
import { RuleViolation } from "~/domain/errors";
import { productFieldsSchema } from "~/domain/product-forms";
import { redirectWithFlash } from "~/lib/flash.server";
import { requireOrganizationPermission } from "~/lib/permissions.server";
import { getProductForEditing, listCategories, setProductStatus, updateProductDetails } from "~/services/products.server";

const detailsActionSchema = z.discriminatedUnion("intent", [
  productFieldsSchema.extend({ intent: z.literal("details") }),
  z.object({ intent: z.enum(["archive", "restore"]) }),
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrganizationPermission(request, "catalog:manage");
  const product = await getProductForEditing(organization.id, params.productId ?? "");
  return json({
    status: product.status,
    categories: await listCategories(),
    details: {
      title: product.title,
      summary: product.summary,
      description: product.description,
      categorySlug: product.category.slug,
      originCountry: product.originCountry,
      originRegion: product.originRegion,
      originPlace: product.originPlace ?? "",
    },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organization } = await requireOrganizationPermission(request, "catalog:manage");
  const productId = params.productId ?? "";
  const submission = parseWithZod(await request.formData(), { schema: detailsActionSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const here = `/dashboard/products/${productId}`;
  const command = submission.value;
  if (command.intent !== "details") {
    await setProductStatus(organization.id, productId, command.intent === "archive" ? "ARCHIVED" : "ACTIVE");
    return redirectWithFlash(here, {
      kind: "success",
      text: command.intent === "archive" ? "Archived: shoppers no longer see this product." : "Listed again.",
    });
  }
  try {
    const { intent: _intent, ...fields } = command;
    await updateProductDetails(organization.id, productId, fields);
  } catch (error) {
    if (!(error instanceof RuleViolation)) throw error;
    return json(submission.reply({ formErrors: [error.message] }), { status: 422 });
  }
  return redirectWithFlash(here, { kind: "success", text: "Details saved." });
}

export default function ProductDetailsTab() {
  const { details, categories, status } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "product-details",
    lastResult,
    defaultValue: { ...details, intent: "details" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: detailsActionSchema }),
  });
  return (
    <div className="space-y-10">
      <Form method="post" {...getFormProps(form)} className="max-w-3xl space-y-6">
        <input type="hidden" name="intent" value="details" />
        <ProductFieldInputs fields={fields as never} categories={categories} />
        <ErrorList id={form.errorId} errors={form.errors} />
        <Button type="submit" pending={navigation.state === "submitting"} pendingText="Saving…">
          Save details
        </Button>
      </Form>
      <section aria-labelledby="listing-heading" className="max-w-3xl rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="listing-heading" className="font-semibold">
          Listing
        </h2>
        <p className="mt-1 text-sm text-stone-700">
          {status === "ACTIVE"
            ? "Archiving hides the product from shoppers and search; its history and orders are kept."
            : "This product is archived. List it again to show it to shoppers."}
        </p>
        <Form method="post" className="mt-3">
          <input type="hidden" name="intent" value={status === "ACTIVE" ? "archive" : "restore"} />
          <Button type="submit" variant={status === "ACTIVE" ? "danger" : "primary"}>
            {status === "ACTIVE" ? "Archive product" : "List again"}
          </Button>
        </Form>
      </section>
    </div>
  );
}

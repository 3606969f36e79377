import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button, ErrorList, FileField, TextField } from "~/components/ui/form";
import { RuleViolation } from "~/domain/errors";
import { productImageSchema } from "~/domain/product-forms";
import { redirectWithFlash } from "~/lib/flash.server";
import { requireOrganizationPermission } from "~/lib/permissions.server";
import { maxUploadDescription, readSubmittedForm, UploadRejected } from "~/lib/uploads.server";
import {
  addProductImage,
  getProductForEditing,
  MAX_IMAGES_PER_PRODUCT,
  removeProductImage,
} from "~/services/products.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrganizationPermission(request, "catalog:manage");
  const product = await getProductForEditing(organization.id, params.productId ?? "");
  return json({ images: product.images, maxImages: MAX_IMAGES_PER_PRODUCT, maxSize: maxUploadDescription() });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organization } = await requireOrganizationPermission(request, "catalog:manage");
  const productId = params.productId ?? "";
  const here = `/dashboard/products/${productId}/images`;
  const { formData, tooLarge, unreadable } = await readSubmittedForm(request);

  if (formData.get("intent") === "remove") {
    await removeProductImage(organization.id, productId, String(formData.get("imageId") ?? ""));
    return redirectWithFlash(here, { kind: "success", text: "Photo removed." });
  }
  const submission = parseWithZod(formData, { schema: productImageSchema });
  if (unreadable) {
    return json(submission.reply({ formErrors: ["We could not read that upload. Rename the file (no ; or = in its name) and try again."] }), { status: 400 });
  }
  if (tooLarge) {
    return json(submission.reply({ formErrors: [`The photo is larger than ${maxUploadDescription()}.`] }), { status: 422 });
  }
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  try {
    await addProductImage(organization.id, productId, submission.value.image, submission.value.alt);
  } catch (error) {
    if (error instanceof UploadRejected) {
      return json(submission.reply({ fieldErrors: { image: [error.message] } }), { status: 422 });
    }
    if (error instanceof RuleViolation) return json(submission.reply({ formErrors: [error.message] }), { status: 422 });
    throw error;
  }
  return redirectWithFlash(here, { kind: "success", text: "Photo added." });
}

export default function ImagesTab() {
  const { images, maxImages, maxSize } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: `add-image-${images.length}`,
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: productImageSchema }),
  });
  return (
    <div className="space-y-8">
      {images.length ? (
        <ul className="grid gap-4 sm:grid-cols-3 lg:grid-cols-4">
          {images.map((image) => (
            <li key={image.id} className="rounded-lg border border-stone-200 bg-white p-2">
              <img src={`/uploads/${image.thumbPath}`} alt={image.alt} width={480} height={480} className="aspect-square w-full rounded object-cover" />
              <p className="mt-2 text-sm text-stone-700">{image.alt}</p>
              <Form method="post" encType="multipart/form-data" className="mt-2">
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="imageId" value={image.id} />
                <Button type="submit" variant="danger" className="px-2 py-1">
                  Remove
                </Button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-center text-stone-600">
          No photos yet. Shoppers trust products they can see.
        </p>
      )}
      {images.length < maxImages ? (
        <section aria-labelledby="add-image-heading" className="max-w-xl rounded-lg border border-stone-200 bg-white p-5">
          <h2 id="add-image-heading" className="mb-4 font-semibold">
            Add a photo
          </h2>
          <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="space-y-4">
            <FileField
              label={`Photo (JPEG, PNG or WebP, up to ${maxSize})`}
              meta={fields.image}
              accept="image/jpeg,image/png,image/webp"
            />
            <TextField label="Description for people who can't see it" meta={fields.alt} placeholder="Green coffee cherries on the branch" />
            <ErrorList id={form.errorId} errors={form.errors} />
            <Button type="submit" pending={navigation.state === "submitting"} pendingText="Uploading…">
              Upload photo
            </Button>
          </Form>
        </section>
      ) : (
        <p className="text-sm text-stone-600">This product has the most photos allowed ({maxImages}). Remove one to add another.</p>
      )}
    </div>
  );
}

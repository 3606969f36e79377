import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button, ErrorList, FileField, TextareaField, TextField } from "~/components/ui/form";
import { brandSchema, type BrandForm } from "~/domain/brand-forms";
import { RuleViolation } from "~/domain/errors";
import { IMAGE_TYPES } from "~/domain/file-types";
import { LEGAL_FORM_LABELS, LEGAL_FORMS, ORGANIZATION_KIND_LABELS, ORGANIZATION_KINDS } from "~/domain/organization-forms";
import { redirectWithFlash } from "~/lib/flash.server";
import { requireOrganizationPermission } from "~/lib/permissions.server";
import { deleteUpload, maxUploadDescription, readSubmittedForm, storeProductImage, UploadRejected } from "~/lib/uploads.server";
import { brandFormOptions, foundBrand } from "~/services/brands.server";

export const meta: MetaFunction = () => [{ title: "Found a brand — Solidarity Market" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { organization } = await requireOrganizationPermission(request, "brands:govern");
  return json({ organizationName: organization.name, ...(await brandFormOptions()), maxSize: maxUploadDescription() });
}

export async function action({ request }: ActionFunctionArgs) {
  const { organization, user, role } = await requireOrganizationPermission(request, "brands:govern");
  const { formData, tooLarge, unreadable } = await readSubmittedForm(request);
  const submission = parseWithZod(formData, { schema: brandSchema });
  if (unreadable) return json(submission.reply({ formErrors: ["We could not read that upload. Rename the file and try again."] }), { status: 400 });
  if (tooLarge) return json(submission.reply({ fieldErrors: { logo: [`The logo is larger than ${maxUploadDescription()}.`] } }), { status: 422 });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const { logo, ...form } = submission.value;
  let logoPath: string | null = null;
  try {
    if (logo) {
      // The 480 px rendition is plenty for a logo; the full-size copy is not kept.
      const stored = await storeProductImage(logo, IMAGE_TYPES);
      logoPath = stored.thumbPath;
      await deleteUpload(stored.path);
    }
    const brand = await foundBrand({ userId: user.id, organization, role }, form, logoPath);
    return redirectWithFlash(`/brands/${brand.slug}`, {
      kind: "success",
      text: `${brand.name} is founded, with ${organization.name} as its first member and steward. Other organisations can now apply to join.`,
    });
  } catch (error) {
    await deleteUpload(logoPath);
    if (error instanceof UploadRejected) return json(submission.reply({ fieldErrors: { logo: [error.message] } }), { status: 422 });
    if (error instanceof RuleViolation) return json(submission.reply({ formErrors: [error.message] }), { status: 422 });
    throw error;
  }
}

type Fields = Record<keyof BrandForm, unknown>;

export default function NewBrandPage() {
  const { organizationName, labels, maxSize } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm<Fields, BrandForm>({
    lastResult,
    defaultValue: { primaryColor: "#1f6f4a", accentColor: "#f6e7c1", quorumPercent: "50", majorityPercent: "50" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: brandSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const chosen = (value: unknown) => new Set(Array.isArray(value) ? value : typeof value === "string" ? [value] : []);
  const chosenLabels = chosen(fields.requiredLabelIds.value);
  const chosenKinds = chosen(fields.allowedKinds.value);
  const chosenForms = chosen(fields.allowedLegalForms.value);
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <p className="text-sm"><Link to="/brands" className="underline">Brands</Link></p>
      <h1 className="mt-2 text-3xl font-bold">Found a collective brand</h1>
      <p className="mt-1 text-stone-700">
        {organizationName} becomes its first member and a steward. Other organisations apply; the members decide by vote, one organisation one vote.
      </p>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="mt-6 space-y-8">
        <ErrorList id={form.errorId} errors={form.errors} />
        <fieldset className="space-y-4">
          <legend className="text-lg font-semibold">The brand</legend>
          <TextField label="Name" meta={fields.name} />
          <TextareaField label="Story" meta={fields.story} rows={6} help="Who is behind it and what it stands for. Markdown works." />
          <FileField label="Logo" meta={fields.logo} accept="image/png,image/jpeg,image/webp" optional help={`PNG, JPEG or WebP, up to ${maxSize}.`} />
          <div className="grid gap-4 sm:grid-cols-2">
            <ColorField label="Main colour" name={fields.primaryColor.name} id={fields.primaryColor.id} defaultValue={String(fields.primaryColor.initialValue ?? "#1f6f4a")} errors={fields.primaryColor.errors} />
            <ColorField label="Accent colour" name={fields.accentColor.name} id={fields.accentColor.id} defaultValue={String(fields.accentColor.initialValue ?? "#f6e7c1")} errors={fields.accentColor.errors} />
          </div>
        </fieldset>

        <fieldset className="space-y-3">
          <legend className="text-lg font-semibold">Standards</legend>
          <p className="text-sm text-stone-600">A product carries the brand only while it holds every required label (verified and current, on the product or its organisation), and only organisations of the kinds and legal forms chosen may join. Leave a group empty to allow all.</p>
          <CheckboxGroup legend="Required labels" name={fields.requiredLabelIds.name} options={labels.map((label) => ({ value: label.id, label: label.name }))} chosen={chosenLabels} errors={fields.requiredLabelIds.errors} />
          <CheckboxGroup legend="Organisation kinds allowed" name={fields.allowedKinds.name} options={ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: ORGANIZATION_KIND_LABELS[kind] }))} chosen={chosenKinds} errors={fields.allowedKinds.errors} />
          <CheckboxGroup legend="Legal forms allowed" name={fields.allowedLegalForms.name} options={LEGAL_FORMS.map((legalForm) => ({ value: legalForm, label: LEGAL_FORM_LABELS[legalForm] }))} chosen={chosenForms} errors={fields.allowedLegalForms.errors} />
        </fieldset>

        <fieldset className="space-y-3">
          <legend className="text-lg font-semibold">How members decide</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField label="Quorum (% of member organisations that must vote)" meta={fields.quorumPercent} type="number" />
            <TextField label="Majority (% of yes among yes and no, more than)" meta={fields.majorityPercent} type="number" help="50 means more than half." />
          </div>
        </fieldset>
        <Button type="submit" pending={navigation.state === "submitting"} pendingText="Founding…">Found the brand</Button>
      </Form>
    </main>
  );
}

function ColorField({ label, name, id, defaultValue, errors }: { label: string; name: string; id: string; defaultValue: string; errors?: string[] }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">{label}</label>
      <input id={id} name={name} type="color" defaultValue={defaultValue} className="mt-1 h-10 w-20 rounded border border-stone-300" />
      <ErrorList errors={errors} />
    </div>
  );
}

function CheckboxGroup({ legend, name, options, chosen, errors }: { legend: string; name: string; options: { value: string; label: string }[]; chosen: Set<unknown>; errors?: string[] }) {
  return (
    <fieldset className="rounded-md border border-stone-200 bg-white p-3">
      <legend className="px-1 text-sm font-medium">{legend}</legend>
      <div className="grid gap-1 sm:grid-cols-2">
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={name} value={option.value} defaultChecked={chosen.has(option.value)} /> {option.label}
          </label>
        ))}
      </div>
      <ErrorList errors={errors} />
    </fieldset>
  );
}


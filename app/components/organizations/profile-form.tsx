import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { Button, ErrorList, SelectField, TextareaField, TextField } from "~/components/ui/form";
import { COUNTRY_OPTIONS } from "~/domain/countries";
import {
  LEGAL_FORM_LABELS,
  LEGAL_FORMS,
  ORGANIZATION_KIND_LABELS,
  ORGANIZATION_KINDS,
  organizationProfileSchema,
  type OrganizationProfile,
} from "~/domain/organization-forms";

const kindOptions = ORGANIZATION_KINDS.map((value) => ({ value, label: ORGANIZATION_KIND_LABELS[value] }));
const legalFormOptions = LEGAL_FORMS.map((value) => ({ value, label: LEGAL_FORM_LABELS[value] }));

/** One form for creating and editing an organisation's profile. */
export function OrganizationProfileForm({
  lastResult,
  defaultValue,
  submitLabel,
  pendingLabel,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue?: Partial<Record<keyof OrganizationProfile, string>>;
  submitLabel: string;
  pendingLabel: string;
}) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    defaultValue,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: organizationProfileSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="max-w-2xl space-y-5">
      <TextField label="Name" meta={fields.name} autoComplete="organization" />
      <div className="grid gap-5 sm:grid-cols-2">
        <SelectField label="Kind of organisation" meta={fields.kind} options={kindOptions} />
        <SelectField label="Legal form" meta={fields.legalForm} options={legalFormOptions} />
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <SelectField label="Country" meta={fields.country} options={COUNTRY_OPTIONS} />
        <TextField label="Region, state or city" meta={fields.region} />
      </div>
      <TextareaField
        label="Your story"
        meta={fields.story}
        rows={6}
        help="Who you are, what you make or do, and how your members decide together. Shown on your public page."
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField label="Website" type="url" meta={fields.website} optional placeholder="https://" />
        <TextField label="Number of members" type="number" meta={fields.memberCount} optional />
      </div>
      <ErrorList id={form.errorId} errors={form.errors} />
      <Button type="submit" pending={navigation.state === "submitting"} pendingText={pendingLabel}>
        {submitLabel}
      </Button>
    </Form>
  );
}

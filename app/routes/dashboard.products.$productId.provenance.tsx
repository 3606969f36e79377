import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Button, ErrorList, SelectField, TextareaField, TextField } from "~/components/ui/form";
import { COUNTRY_OPTIONS, countryName } from "~/domain/countries";
import { RuleViolation } from "~/domain/errors";
import { PROVENANCE_STEP_KINDS, PROVENANCE_STEP_LABELS, provenanceStepSchema } from "~/domain/product-forms";
import { redirectWithFlash } from "~/lib/flash.server";
import { badRequest } from "~/lib/http.server";
import { requireOrganizationPermission } from "~/lib/permissions.server";
import {
  addProvenanceStep,
  getProductForEditing,
  listPartnerOrganizations,
  moveProvenanceStep,
  removeProvenanceStep,
} from "~/services/products.server";

const stepCommandSchema = z.object({
  intent: z.enum(["remove", "up", "down"]),
  stepId: z.string().min(1),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrganizationPermission(request, "catalog:manage");
  const product = await getProductForEditing(organization.id, params.productId ?? "");
  return json({
    steps: product.provenance,
    organizations: await listPartnerOrganizations(),
    defaults: { country: product.originCountry, organizationId: organization.id },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organization } = await requireOrganizationPermission(request, "catalog:manage");
  const productId = params.productId ?? "";
  const here = `/dashboard/products/${productId}/provenance`;
  const formData = await request.formData();
  if (formData.get("intent") !== "add") {
    const command = stepCommandSchema.safeParse(Object.fromEntries(formData));
    if (!command.success) throw badRequest("Unknown step action.");
    if (command.data.intent === "remove") {
      await removeProvenanceStep(organization.id, productId, command.data.stepId);
      return redirectWithFlash(here, { kind: "success", text: "Step removed." });
    }
    await moveProvenanceStep(organization.id, productId, command.data.stepId, command.data.intent);
    return redirectWithFlash(here, { kind: "success", text: "Order changed." });
  }
  const submission = parseWithZod(formData, { schema: provenanceStepSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  try {
    await addProvenanceStep(organization.id, productId, submission.value);
  } catch (error) {
    if (!(error instanceof RuleViolation)) throw error;
    return json(submission.reply({ formErrors: [error.message] }), { status: 422 });
  }
  return redirectWithFlash(here, { kind: "success", text: "Step added to the journey." });
}

const kindOptions = PROVENANCE_STEP_KINDS.map((kind) => ({ value: kind, label: PROVENANCE_STEP_LABELS[kind] }));

export default function ProvenanceTab() {
  const { steps, organizations, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm<z.infer<typeof provenanceStepSchema>>({
    id: `add-step-${steps.length}`,
    lastResult,
    defaultValue: defaults,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: provenanceStepSchema }),
  });
  return (
    <div className="space-y-8">
      <section aria-labelledby="journey-heading">
        <h2 id="journey-heading" className="font-semibold">
          The journey, in order
        </h2>
        {steps.length ? (
          <ol className="mt-3 space-y-2">
            {steps.map((step, index) => (
              <li key={step.id} className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-stone-200 bg-white p-4">
                <div>
                  <p className="font-medium">
                    {index + 1}. {PROVENANCE_STEP_LABELS[step.kind]} — {step.organization?.name ?? step.actorName}
                  </p>
                  <p className="text-sm text-stone-600">
                    {step.place}, {countryName(step.country)}
                    {step.occurredOn ? ` · ${new Date(step.occurredOn).toLocaleDateString("en-GB", { timeZone: "UTC" })}` : ""}
                    {step.lotCode ? ` · lot ${step.lotCode}` : ""}
                  </p>
                </div>
                <div className="flex gap-2">
                  {(["up", "down", "remove"] as const).map((intent) => (
                    <Form method="post" key={intent}>
                      <input type="hidden" name="intent" value={intent} />
                      <input type="hidden" name="stepId" value={step.id} />
                      <Button
                        type="submit"
                        variant={intent === "remove" ? "danger" : "secondary"}
                        className="px-2 py-1"
                        disabled={(intent === "up" && index === 0) || (intent === "down" && index === steps.length - 1)}
                        aria-label={`${intent === "remove" ? "Remove" : `Move ${intent}`} step ${index + 1}`}
                      >
                        {intent === "up" ? "↑" : intent === "down" ? "↓" : "Remove"}
                      </Button>
                    </Form>
                  ))}
                </div>
              </li>
            ))}
          </ol>
        ) : (
          <p className="mt-3 rounded-lg border border-dashed border-stone-300 bg-white p-6 text-center text-stone-600">
            No steps yet. Start where the product begins: who grew or made it, and where.
          </p>
        )}
      </section>
      <section aria-labelledby="add-step-heading" className="rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="add-step-heading" className="mb-4 font-semibold">
          Add a step
        </h2>
        <Form method="post" {...getFormProps(form)} className="grid gap-5 sm:grid-cols-2">
          <input type="hidden" name="intent" value="add" />
          <SelectField label="What happened" meta={fields.kind} options={kindOptions} />
          <TextField label="Date" type="text" meta={fields.occurredOn} optional placeholder="2026-03-15" />
          <SelectField
            label="Done by (organisation on the marketplace)"
            meta={fields.organizationId}
            options={organizations.map((organization) => ({ value: organization.id, label: organization.name }))}
            placeholder="Not on the marketplace"
            optional
          />
          <TextField label="…or name who did it" meta={fields.actorName} optional help="E.g. an independent shipping line." />
          <TextField label="Place" meta={fields.place} />
          <SelectField label="Country" meta={fields.country} options={COUNTRY_OPTIONS} />
          <TextField label="Lot / batch code" meta={fields.lotCode} optional />
          <div className="sm:col-span-2">
            <TextareaField label="Details" meta={fields.description} rows={3} optional />
          </div>
          <div className="sm:col-span-2">
            <ErrorList id={form.errorId} errors={form.errors} />
            <Button type="submit" pending={navigation.formData?.get("intent") === "add"} pendingText="Adding…">
              Add step
            </Button>
          </div>
        </Form>
      </section>
    </div>
  );
}

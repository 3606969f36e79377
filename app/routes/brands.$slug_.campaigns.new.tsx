import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button, ErrorList, TextareaField, TextField } from "~/components/ui/form";
import { campaignSchema, type CampaignForm } from "~/domain/brand-forms";
import { RuleViolation } from "~/domain/errors";
import { redirectWithFlash } from "~/lib/flash.server";
import { notFound } from "~/lib/http.server";
import { requireOrganizationPermission } from "~/lib/permissions.server";
import { brandCollection, getBrand, proposeCampaign } from "~/services/brands.server";

export const meta: MetaFunction = () => [{ title: "Propose a campaign — Solidarity Market" }];

async function load(request: Request, slug: string) {
  const context = await requireOrganizationPermission(request, "catalog:manage");
  const brand = await getBrand(slug);
  if (!brand) throw notFound("We couldn't find that brand.");
  if (!brand.members.some((member) => member.organizationId === context.organization.id)) {
    throw notFound(`Only member organisations of ${brand.name} propose campaigns.`);
  }
  return { ...context, brand };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand } = await load(request, params.slug ?? "");
  const collection = await brandCollection(brand, { page: 1 });
  const today = new Date().toISOString().slice(0, 10);
  return json({ brand: { name: brand.name, slug: brand.slug }, products: collection.products, today });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { brand, user, organization, role } = await load(request, params.slug ?? "");
  const submission = parseWithZod(await request.formData(), { schema: campaignSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  try {
    const campaign = await proposeCampaign({ userId: user.id, organization, role }, brand.id, submission.value);
    return redirectWithFlash(`/brands/${brand.slug}`, { kind: "success", text: `"${campaign.title}" is proposed. It shows once a steward approves it.` });
  } catch (error) {
    if (!(error instanceof RuleViolation)) throw error;
    return json(submission.reply({ formErrors: [error.message] }), { status: 422 });
  }
}

export default function NewCampaignPage() {
  const { brand, products, today } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm<Record<keyof CampaignForm, unknown>, CampaignForm>({
    lastResult,
    defaultValue: { startsAt: today, endsAt: today },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: campaignSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const chosen = new Set(Array.isArray(fields.productIds.value) ? fields.productIds.value : [fields.productIds.value]);
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <p className="text-sm"><Link to={`/brands/${brand.slug}`} className="underline">{brand.name}</Link></p>
      <h1 className="mt-2 text-3xl font-bold">Propose a campaign for {brand.name}</h1>
      <p className="mt-1 text-stone-700">A curated collection with its own page and, while it runs, a banner on the home page — once a steward approves it.</p>
      <Form method="post" {...getFormProps(form)} className="mt-6 space-y-5">
        <ErrorList id={form.errorId} errors={form.errors} />
        <TextField label="Title" meta={fields.title} />
        <TextField label="Banner text" meta={fields.bannerText} help="One line for the home page, up to 140 characters." />
        <TextareaField label="Campaign page" meta={fields.body} rows={6} help="Markdown works." />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="First day" meta={fields.startsAt} type="date" />
          <TextField label="Last day" meta={fields.endsAt} type="date" />
        </div>
        <fieldset aria-describedby={fields.productIds.errorId}>
          <legend className="text-sm font-medium">Products (from the collection)</legend>
          {products.length === 0 ? <p className="text-sm text-stone-600">No products carry the brand yet.</p> : null}
          <div className="mt-1 grid gap-1 sm:grid-cols-2">
            {products.map((product) => (
              <label key={product.slug} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name={fields.productIds.name} value={product.id} defaultChecked={chosen.has(product.id)} /> {product.title}
              </label>
            ))}
          </div>
          <ErrorList id={fields.productIds.errorId} errors={fields.productIds.errors} />
        </fieldset>
        <Button type="submit" pending={navigation.state === "submitting"} pendingText="Proposing…">Propose the campaign</Button>
      </Form>
    </main>
  );
}

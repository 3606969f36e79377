import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { HoneypotField } from "~/components/honeypot-field";
import { Button, ErrorList, TextField } from "~/components/ui/form";
import { loginSchema } from "~/domain/auth-forms";
import { describeRetryAfter, RATE_LIMITS } from "~/domain/rate-limit";
import { clientAddress, logIn, requireAnonymous } from "~/lib/auth.server";
import { isHoneypotFilled } from "~/lib/honeypot";
import { badRequest } from "~/lib/http.server";
import { consumeRateLimit, resetRateLimit } from "~/lib/rate-limit.server";
import { verifyLogin } from "~/services/accounts.server";

export const meta: MetaFunction = () => [{ title: "Log in — Solidarity Market" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const formData = await request.formData();
  if (isHoneypotFilled(formData)) throw badRequest("Form submission rejected.");
  const submission = parseWithZod(formData, { schema: loginSchema });
  if (submission.status !== "success") {
    return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const accountKey = `login:account:${email}`;
  for (const [key, policy] of [
    [`login:client:${clientAddress(context)}`, RATE_LIMITS.loginPerClient],
    [accountKey, RATE_LIMITS.loginPerAccount],
  ] as const) {
    const limit = await consumeRateLimit(key, policy);
    if (!limit.allowed) {
      return json(
        submission.reply({
          formErrors: [`Too many login attempts. Please try again ${describeRetryAfter(limit.retryAfterSeconds)}.`],
          hideFields: ["password"],
        }),
        { status: 429 },
      );
    }
  }
  const user = await verifyLogin(email, password);
  if (!user) {
    return json(submission.reply({ formErrors: ["That email and password don't match an account."], hideFields: ["password"] }), {
      status: 422,
    });
  }
  await resetRateLimit(accountKey);
  return logIn(request, user.id, redirectTo);
}

export default function LoginPage() {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
  });
  const redirectTo = searchParams.get("redirectTo") ?? "";
  return (
    <main className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-2xl font-bold">Log in</h1>
      <p className="mt-2 text-stone-700">
        New here?{" "}
        <Link to={`/signup${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ""}`} className="text-brand-700 underline">
          Create an account
        </Link>
        .
      </p>
      <Form method="post" {...getFormProps(form)} className="mt-8 space-y-5">
        <HoneypotField />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField label="Email" type="email" meta={fields.email} autoComplete="email" autoFocus />
        <TextField label="Password" type="password" meta={fields.password} autoComplete="current-password" />
        <ErrorList id={form.errorId} errors={form.errors} />
        <Button type="submit" className="w-full" pending={navigation.state === "submitting"} pendingText="Logging in…">
          Log in
        </Button>
      </Form>
    </main>
  );
}

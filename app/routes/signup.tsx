import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { HoneypotField } from "~/components/honeypot-field";
import { Button, ErrorList, TextField } from "~/components/ui/form";
import { signupSchema } from "~/domain/auth-forms";
import { describeRetryAfter, RATE_LIMITS } from "~/domain/rate-limit";
import { clientAddress, logIn, requireAnonymous } from "~/lib/auth.server";
import { env } from "~/lib/env.server";
import { isHoneypotFilled } from "~/lib/honeypot";
import { badRequest } from "~/lib/http.server";
import { consumeRateLimit } from "~/lib/rate-limit.server";
import { EmailTakenError, signUp } from "~/services/accounts.server";

export const meta: MetaFunction = () => [{ title: "Join — Solidarity Market" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const formData = await request.formData();
  if (isHoneypotFilled(formData)) throw badRequest("Form submission rejected.");
  const submission = parseWithZod(formData, { schema: signupSchema });
  if (submission.status !== "success") {
    return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const limit = await consumeRateLimit(`signup:${clientAddress(context)}`, { ...RATE_LIMITS.signupPerClient, limit: env.SIGNUP_LIMIT_PER_HOUR });
  if (!limit.allowed) {
    return json(
      submission.reply({
        formErrors: [`Too many sign-ups from your network. Please try again ${describeRetryAfter(limit.retryAfterSeconds)}.`],
        hideFields: ["password"],
      }),
      { status: 429 },
    );
  }
  try {
    const { user } = await signUp(submission.value);
    return logIn(request, user.id, submission.value.redirectTo);
  } catch (error) {
    if (error instanceof EmailTakenError) {
      return json(submission.reply({ fieldErrors: { email: [error.message] }, hideFields: ["password"] }), {
        status: 422,
      });
    }
    throw error;
  }
}

export default function SignupPage() {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signupSchema }),
  });
  const redirectTo = searchParams.get("redirectTo") ?? "";
  return (
    <main className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-2xl font-bold">Join the marketplace</h1>
      <p className="mt-2 text-stone-700">
        One account to shop, to act for your co-op, and to list your goods. Already a member?{" "}
        <Link to={`/login${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ""}`} className="text-brand-700 underline">
          Log in
        </Link>
        .
      </p>
      <Form method="post" {...getFormProps(form)} className="mt-8 space-y-5">
        <HoneypotField />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField label="Your name" meta={fields.name} autoComplete="name" autoFocus />
        <TextField label="Email" type="email" meta={fields.email} autoComplete="email" />
        <TextField
          label="Password"
          type="password"
          meta={fields.password}
          autoComplete="new-password"
          help="At least 10 characters. A short sentence is easy to remember and hard to guess."
        />
        <ErrorList id={form.errorId} errors={form.errors} />
        <Button type="submit" className="w-full" pending={navigation.state === "submitting"} pendingText="Creating your account…">
          Create account
        </Button>
      </Form>
    </main>
  );
}

import { Link } from "@remix-run/react";

const COPY: Record<number, { title: string; text: string }> = {
  400: { title: "That request didn't make sense", text: "Something in the address or form was not as expected." },
  403: { title: "You can't open this page", text: "Your account doesn't have permission for this." },
  404: { title: "Page not found", text: "We couldn't find that page. It may have moved or never existed." },
  429: { title: "Slow down a little", text: "Too many requests in a short time. Please wait and try again." },
};

/** The friendly page shown for thrown 4xx responses and unexpected errors, inside the normal site layout. */
export function ErrorPage({ status, message }: { status: number; message?: string }) {
  const copy = COPY[status] ?? {
    title: "Something went wrong on our side",
    text: "The error has been logged. Please try again in a moment.",
  };
  return (
    <main className="mx-auto max-w-2xl px-4 py-16 text-center">
      <p className="text-sm font-semibold text-brand-700">Error {status}</p>
      <h1 className="mt-2 text-3xl font-bold">{copy.title}</h1>
      <p className="mt-4 text-stone-700">{message ?? copy.text}</p>
      <div className="mt-8 flex justify-center gap-3">
        <Link to="/" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
          Go to the home page
        </Link>
        {status === 403 ? (
          <Link to="/dashboard" className="rounded-md border border-stone-300 px-4 py-2 text-sm font-semibold">
            Back to your dashboard
          </Link>
        ) : null}
      </div>
    </main>
  );
}

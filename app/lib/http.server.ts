import { json } from "@remix-run/node";

/** Thrown from loaders/actions; the root error boundary renders these as friendly pages. */
export function forbidden(message = "You don't have permission to do that.") {
  return json({ message }, { status: 403 });
}

export function notFound(message = "We couldn't find that page.") {
  return json({ message }, { status: 404 });
}

export function badRequest(message: string) {
  return json({ message }, { status: 400 });
}

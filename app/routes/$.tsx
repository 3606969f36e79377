import { notFound } from "~/lib/http.server";

// Any URL no other route matches: a 404 rendered by the root error boundary, inside the site layout.
export async function loader() {
  throw notFound();
}

export default function NotFound() {
  return null;
}

import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { logOut } from "~/lib/auth.server";

// Logging out is a POST (a form in the header) so that a link or prefetch can never end someone's session.
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  return logOut(request);
}

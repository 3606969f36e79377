import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's IP address (see server.js); used for per-client rate limits. */
    clientAddress: string;
  }
}

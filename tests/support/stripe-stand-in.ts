/**
 * An HTTP stand-in of the parts of Stripe's REST API the payment adapter uses, for MSW. It answers the real `stripe`
 * SDK the way api.stripe.com does: form-encoded bodies in Stripe's bracket notation, Stripe-shaped JSON objects and
 * errors, Bearer auth, and idempotency keys (same key + same request → the stored response, replayed; same key +
 * different request → 400 idempotency_error).
 *
 * Usage:
 *   const server = setupServer();                                    // once per file, onUnhandledRequest: "error"
 *   let stripe: StripeStandIn;
 *   beforeEach(() => { stripe = createStripeStandIn(); server.resetHandlers(...stripe.handlers); });
 *
 * API (everything lives on the object createStripeStandIn returns):
 *   handlers                 MSW handlers for `${baseUrl}/v1/...` (baseUrl defaults to https://api.stripe.com).
 *   requests                 Every request received: { method, path, form, params, idempotencyKey, authorization }.
 *                            `form` is the flat body exactly as sent (`line_items[0][price_data][unit_amount]` → "1200"),
 *                            `params` the same parsed into objects/arrays. `requestsTo(method, path)` filters them.
 *   sessions, paymentIntents, charges, transfers, refunds
 *                            In-memory state, Maps from id to the Stripe-shaped object (what the API would return).
 *   completeSession(id, { paymentStatus })
 *                            The customer finished the hosted page: status "complete", payment_status "paid" (default)
 *                            or "unpaid" (a delayed method such as SEPA debit), with a PaymentIntent (metadata and
 *                            transfer_group from payment_intent_data) whose latest_charge is a new charge.
 *   settleAsyncPayment(id, "succeeded" | "failed")
 *                            A delayed payment's outcome: payment_status becomes "paid", or stays "unpaid" and the
 *                            intent goes back to requires_payment_method.
 *   expireSession(id)        Stripe expired the session because its expires_at passed.
 *   failNext(method, path, { status, error, times })
 *                            The next `times` (default 1) requests to method+path answer `{ error }` with `status`,
 *                            e.g. a 500 api_error. Not stored against their idempotency key (like a request Stripe never
 *                            began to execute), so the SDK's retry with the same key can succeed.
 * Webhook helpers (no network):
 *   checkoutSessionEvent(type, session, { id?, created? })  An Event object as Stripe sends it to the endpoint.
 *   signedWebhook(event, secret, { timestamp? })            { body, signature }: the raw JSON body and the
 *                                                           Stripe-Signature header value for it.
 *
 * Error shapes: unknown ids in the path → 404 `{ error: { type: "invalid_request_error", code: "resource_missing",
 * message: "No such checkout.session: 'cs_…'", param: "id" } }`; unknown ids in parameters → 400 with the same code;
 * expiring a session that is not open → 400 invalid_request_error with Stripe's message; a missing or non-`sk_` key →
 * 401; an endpoint the stand-in does not know → 404 "Unrecognized request URL".
 */
import crypto from "node:crypto";
import { http, HttpResponse, type HttpHandler } from "msw";
import Stripe from "stripe";

export const STRIPE_API_BASE = "https://api.stripe.com";

export type RecordedStripeRequest = {
  method: string;
  /** e.g. "/v1/checkout/sessions" */
  path: string;
  /** The form body (or query string for GET) exactly as sent, key by key. */
  form: Record<string, string>;
  /** `form` parsed from bracket notation into nested objects and arrays (values stay strings). */
  params: FormParams;
  idempotencyKey: string | null;
  authorization: string | null;
};

export type FormValue = string | FormParams | FormValue[];
export type FormParams = { [key: string]: FormValue };

export type StandInCheckoutSession = {
  id: string;
  object: "checkout.session";
  amount_subtotal: number;
  amount_total: number;
  cancel_url: string | null;
  client_reference_id: string | null;
  created: number;
  currency: string;
  customer_email: string | null;
  expires_at: number;
  livemode: false;
  metadata: Record<string, string>;
  mode: "payment";
  payment_intent: string | null;
  payment_status: "paid" | "unpaid" | "no_payment_required";
  status: "open" | "complete" | "expired";
  success_url: string | null;
  url: string | null;
};

export type StandInPaymentIntent = {
  id: string;
  object: "payment_intent";
  amount: number;
  amount_received: number;
  currency: string;
  created: number;
  latest_charge: string | null;
  livemode: false;
  metadata: Record<string, string>;
  status: "succeeded" | "processing" | "requires_payment_method";
  transfer_group: string | null;
};

export type StandInCharge = {
  id: string;
  object: "charge";
  amount: number;
  amount_refunded: number;
  currency: string;
  payment_intent: string;
  status: "succeeded" | "pending" | "failed";
  transfer_group: string | null;
};

export type StandInTransfer = {
  id: string;
  object: "transfer";
  amount: number;
  amount_reversed: number;
  created: number;
  currency: string;
  description: string | null;
  destination: string;
  livemode: false;
  metadata: Record<string, string>;
  reversed: boolean;
  source_transaction: string | null;
  transfer_group: string | null;
};

export type StandInRefund = {
  id: string;
  object: "refund";
  amount: number;
  charge: string;
  created: number;
  currency: string;
  metadata: Record<string, string>;
  payment_intent: string;
  status: "succeeded";
};

export type StripeErrorBody = { type: string; message: string; code?: string; param?: string };

export type StripeStandIn = ReturnType<typeof createStripeStandIn>;

type StoredIdempotentResult = { fingerprint: string; status: number; body: unknown };
type PaymentIntentData = { metadata: Record<string, string>; transferGroup: string | null };
type InjectedFailure = { method: string; path: string; status: number; error: StripeErrorBody; remaining: number };

const now = () => Math.floor(Date.now() / 1000);
const newId = (prefix: string) => `${prefix}_${crypto.randomBytes(12).toString("hex")}`;

export function createStripeStandIn({ baseUrl = STRIPE_API_BASE }: { baseUrl?: string } = {}) {
  const base = baseUrl.replace(/\/$/, "");
  const requests: RecordedStripeRequest[] = [];
  const sessions = new Map<string, StandInCheckoutSession>();
  const paymentIntents = new Map<string, StandInPaymentIntent>();
  const charges = new Map<string, StandInCharge>();
  const transfers = new Map<string, StandInTransfer>();
  const refunds = new Map<string, StandInRefund>();
  const idempotentResults = new Map<string, StoredIdempotentResult>();
  const intentDataBySession = new Map<string, PaymentIntentData>();
  const failures: InjectedFailure[] = [];

  type Handled = { status: number; body: unknown };
  type Operation = (request: RecordedStripeRequest, pathParams: Record<string, string>) => Handled;

  /**
   * Wraps an operation with what every Stripe endpoint does first: record the request, check the API key, apply
   * injected failures, and (for POST) the idempotency layer.
   */
  function endpoint(method: "GET" | "POST", pathTemplate: string, operation: Operation): HttpHandler {
    const route = method === "GET" ? http.get : http.post;
    return route(`${base}${pathTemplate}`, async ({ request, params }) => {
      const recorded = await record(request);
      const authFailure = checkApiKey(recorded.authorization);
      if (authFailure) return respond(authFailure);

      const failure = failures.find((candidate) => candidate.method === recorded.method && candidate.path === recorded.path);
      if (failure) {
        failure.remaining -= 1;
        if (failure.remaining <= 0) failures.splice(failures.indexOf(failure), 1);
        return respond({ status: failure.status, body: { error: failure.error } });
      }

      const key = method === "POST" ? recorded.idempotencyKey : null;
      if (!key) return respond(operation(recorded, params as Record<string, string>));

      // Stripe compares the endpoint and parameters of a reused key with the first request's.
      const fingerprint = JSON.stringify([recorded.method, recorded.path, Object.entries(recorded.form).sort()]);
      const stored = idempotentResults.get(key);
      if (stored && stored.fingerprint !== fingerprint) {
        return respond(
          stripeError(400, {
            type: "idempotency_error",
            message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
          }),
        );
      }
      if (stored) return respond({ status: stored.status, body: stored.body }, { replayed: true });

      const result = operation(recorded, params as Record<string, string>);
      // Only results of requests that began executing are kept; here that means successful ones. A snapshot, as
      // Stripe replays the response it sent then, not the object's current state.
      if (result.status < 300) idempotentResults.set(key, { fingerprint, status: result.status, body: structuredClone(result.body) });
      return respond(result);
    });
  }

  const handlers: HttpHandler[] = [
    endpoint("POST", "/v1/checkout/sessions", ({ params }) => createSession(params)),
    endpoint("GET", "/v1/checkout/sessions/:id", (_request, { id }) => {
      const session = sessions.get(id);
      return session ? ok(session) : missing("checkout.session", id);
    }),
    endpoint("POST", "/v1/checkout/sessions/:id/expire", (_request, { id }) => {
      const session = sessions.get(id);
      if (!session) return missing("checkout.session", id);
      if (session.status !== "open") {
        return stripeError(400, {
          type: "invalid_request_error",
          message: `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of \`${session.status}\`.`,
        });
      }
      return ok(markExpired(session));
    }),
    endpoint("GET", "/v1/payment_intents/:id", (_request, { id }) => {
      const intent = paymentIntents.get(id);
      return intent ? ok(intent) : missing("payment_intent", id);
    }),
    endpoint("POST", "/v1/transfers", ({ params }) => createTransfer(params)),
    endpoint("POST", "/v1/refunds", ({ params }) => createRefund(params)),
    // Anything else under /v1 is an endpoint this stand-in does not model: answer as Stripe does for unknown URLs.
    http.all(`${base}/v1/*`, async ({ request }) => {
      const recorded = await record(request);
      return respond(
        stripeError(404, {
          type: "invalid_request_error",
          message: `Unrecognized request URL (${recorded.method}: ${recorded.path}). (Not modelled by tests/support/stripe-stand-in.ts.)`,
        }),
      );
    }),
  ];

  async function record(request: Request): Promise<RecordedStripeRequest> {
    const url = new URL(request.url);
    const text = request.method === "GET" || request.method === "DELETE" ? url.search.slice(1) : await request.clone().text();
    const search = new URLSearchParams(text);
    const recorded: RecordedStripeRequest = {
      method: request.method,
      path: url.pathname,
      form: Object.fromEntries(search),
      params: parseStripeForm(search),
      idempotencyKey: request.headers.get("idempotency-key"),
      authorization: request.headers.get("authorization"),
    };
    requests.push(recorded);
    return recorded;
  }

  function createSession(params: FormParams): Handled {
    if (params.mode !== "payment") return invalidParam("mode", "This stand-in only models mode=payment.");
    const lineItems = params.line_items;
    if (!Array.isArray(lineItems) || lineItems.length === 0) {
      return invalidParam("line_items", "You must provide at least one line item in `payment` mode.");
    }
    let currency: string | null = null;
    let total = 0;
    for (const [index, item] of lineItems.entries()) {
      const line = asParams(item);
      const priceData = asParams(line.price_data);
      const quantity = Number(line.quantity);
      const unitAmount = Number(priceData.unit_amount);
      const lineCurrency = typeof priceData.currency === "string" ? priceData.currency.toLowerCase() : "";
      const name = asParams(priceData.product_data).name;
      if (!Number.isInteger(quantity) || quantity < 1) return invalidParam(`line_items[${index}][quantity]`, "Invalid integer.");
      if (!Number.isInteger(unitAmount) || unitAmount < 0) {
        return invalidParam(`line_items[${index}][price_data][unit_amount]`, "Invalid non-negative integer.");
      }
      if (!/^[a-z]{3}$/.test(lineCurrency)) return invalidParam(`line_items[${index}][price_data][currency]`, "Invalid currency.");
      if (typeof name !== "string" || !name) {
        return invalidParam(`line_items[${index}][price_data][product_data][name]`, "Missing required param.");
      }
      if (currency && currency !== lineCurrency) {
        return invalidParam(`line_items[${index}][price_data][currency]`, "All line items must use the same currency.");
      }
      currency = lineCurrency;
      total += quantity * unitAmount;
    }

    const created = now();
    let expiresAt = created + 24 * 60 * 60;
    if (params.expires_at !== undefined) {
      expiresAt = Number(params.expires_at);
      if (!Number.isInteger(expiresAt)) return invalidParam("expires_at", "Invalid integer.");
      if (expiresAt - created < 30 * 60) {
        return invalidParam("expires_at", "The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.");
      }
      if (expiresAt - created > 24 * 60 * 60) {
        return invalidParam("expires_at", "The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.");
      }
    }

    const id = newId("cs_test");
    const intentData = asParams(params.payment_intent_data);
    intentDataBySession.set(id, {
      metadata: stringRecord(intentData.metadata),
      transferGroup: typeof intentData.transfer_group === "string" ? intentData.transfer_group : null,
    });
    const session: StandInCheckoutSession = {
      id,
      object: "checkout.session",
      amount_subtotal: total,
      amount_total: total,
      cancel_url: optionalString(params.cancel_url),
      client_reference_id: optionalString(params.client_reference_id),
      created,
      currency: currency!,
      customer_email: optionalString(params.customer_email),
      expires_at: expiresAt,
      livemode: false,
      metadata: stringRecord(params.metadata),
      mode: "payment",
      // Since API version 2022-08-01 the PaymentIntent of a payment-mode session is created when the customer pays.
      payment_intent: null,
      payment_status: total === 0 ? "no_payment_required" : "unpaid",
      status: "open",
      success_url: optionalString(params.success_url),
      url: `https://checkout.stripe.test/c/pay/${id}`,
    };
    sessions.set(id, session);
    return ok(session);
  }

  function createTransfer(params: FormParams): Handled {
    const amount = Number(params.amount);
    if (!Number.isInteger(amount) || amount < 1) return invalidParam("amount", "Invalid positive integer.");
    if (typeof params.currency !== "string" || !/^[a-z]{3}$/i.test(params.currency)) return invalidParam("currency", "Invalid currency.");
    if (typeof params.destination !== "string" || !params.destination.startsWith("acct_")) {
      return stripeError(400, {
        type: "invalid_request_error",
        code: "resource_missing",
        param: "destination",
        message: `No such destination: '${String(params.destination ?? "")}'`,
      });
    }
    const sourceTransaction = optionalString(params.source_transaction);
    if (sourceTransaction && !charges.has(sourceTransaction)) {
      return stripeError(400, {
        type: "invalid_request_error",
        code: "resource_missing",
        param: "source_transaction",
        message: `No such charge: '${sourceTransaction}'`,
      });
    }
    const transfer: StandInTransfer = {
      id: newId("tr"),
      object: "transfer",
      amount,
      amount_reversed: 0,
      created: now(),
      currency: params.currency.toLowerCase(),
      description: optionalString(params.description),
      destination: params.destination,
      livemode: false,
      metadata: stringRecord(params.metadata),
      reversed: false,
      source_transaction: sourceTransaction,
      transfer_group: optionalString(params.transfer_group),
    };
    transfers.set(transfer.id, transfer);
    return ok(transfer);
  }

  function createRefund(params: FormParams): Handled {
    const intentId = optionalString(params.payment_intent);
    if (!intentId) return invalidParam("payment_intent", "You must provide a charge or a payment_intent.");
    const intent = paymentIntents.get(intentId);
    if (!intent) {
      return stripeError(400, {
        type: "invalid_request_error",
        code: "resource_missing",
        param: "payment_intent",
        message: `No such payment_intent: '${intentId}'`,
      });
    }
    const charge = intent.latest_charge ? charges.get(intent.latest_charge) : undefined;
    if (!charge || charge.status !== "succeeded") {
      return stripeError(400, {
        type: "invalid_request_error",
        code: "charge_not_refundable",
        message: `This PaymentIntent (${intentId}) does not have a successful charge to refund.`,
      });
    }
    const refundable = charge.amount - charge.amount_refunded;
    if (refundable === 0) {
      return stripeError(400, {
        type: "invalid_request_error",
        code: "charge_already_refunded",
        message: `Charge ${charge.id} has already been refunded.`,
      });
    }
    const amount = params.amount === undefined ? refundable : Number(params.amount);
    if (!Number.isInteger(amount) || amount < 1) return invalidParam("amount", "Invalid positive integer.");
    if (amount > refundable) {
      return stripeError(400, {
        type: "invalid_request_error",
        code: "amount_too_large",
        param: "amount",
        message: `Refund amount (${amount}) is greater than unrefunded amount on charge (${refundable})`,
      });
    }
    charge.amount_refunded += amount;
    const refund: StandInRefund = {
      id: newId("re"),
      object: "refund",
      amount,
      charge: charge.id,
      created: now(),
      currency: charge.currency,
      metadata: stringRecord(params.metadata),
      payment_intent: intent.id,
      status: "succeeded",
    };
    refunds.set(refund.id, refund);
    return ok(refund);
  }

  function markExpired(session: StandInCheckoutSession) {
    session.status = "expired";
    session.url = null;
    return session;
  }

  function sessionOrThrow(sessionId: string) {
    const session = sessions.get(sessionId);
    if (!session) throw new Error(`Stripe stand-in: no checkout session ${sessionId}`);
    return session;
  }

  return {
    handlers,
    requests,
    sessions,
    paymentIntents,
    charges,
    transfers,
    refunds,

    requestsTo(method: string, path: string | RegExp) {
      return requests.filter(
        (request) => request.method === method && (typeof path === "string" ? request.path === path : path.test(request.path)),
      );
    },

    completeSession(sessionId: string, { paymentStatus = "paid" }: { paymentStatus?: "paid" | "unpaid" } = {}) {
      const session = sessionOrThrow(sessionId);
      if (session.status !== "open") throw new Error(`Stripe stand-in: session ${sessionId} is ${session.status}, not open`);
      const intentData = intentDataBySession.get(sessionId) ?? { metadata: {}, transferGroup: null };
      const intentId = newId("pi");
      const charge: StandInCharge = {
        id: newId("ch"),
        object: "charge",
        amount: session.amount_total,
        amount_refunded: 0,
        currency: session.currency,
        payment_intent: intentId,
        status: paymentStatus === "paid" ? "succeeded" : "pending",
        transfer_group: intentData.transferGroup,
      };
      charges.set(charge.id, charge);
      paymentIntents.set(intentId, {
        id: intentId,
        object: "payment_intent",
        amount: session.amount_total,
        amount_received: paymentStatus === "paid" ? session.amount_total : 0,
        currency: session.currency,
        created: now(),
        latest_charge: charge.id,
        livemode: false,
        metadata: { ...intentData.metadata },
        status: paymentStatus === "paid" ? "succeeded" : "processing",
        transfer_group: intentData.transferGroup,
      });
      session.status = "complete";
      session.payment_status = paymentStatus;
      session.payment_intent = intentId;
      session.url = null;
      return session;
    },

    settleAsyncPayment(sessionId: string, outcome: "succeeded" | "failed") {
      const session = sessionOrThrow(sessionId);
      const intent = session.payment_intent ? paymentIntents.get(session.payment_intent) : undefined;
      if (session.status !== "complete" || session.payment_status !== "unpaid" || !intent) {
        throw new Error(`Stripe stand-in: session ${sessionId} has no pending delayed payment`);
      }
      const charge = charges.get(intent.latest_charge!)!;
      if (outcome === "succeeded") {
        session.payment_status = "paid";
        intent.status = "succeeded";
        intent.amount_received = intent.amount;
        charge.status = "succeeded";
      } else {
        intent.status = "requires_payment_method";
        charge.status = "failed";
      }
      return session;
    },

    expireSession(sessionId: string) {
      const session = sessionOrThrow(sessionId);
      if (session.status !== "open") throw new Error(`Stripe stand-in: session ${sessionId} is ${session.status}, not open`);
      return markExpired(session);
    },

    failNext(method: string, path: string, { status, error, times = 1 }: { status: number; error: StripeErrorBody; times?: number }) {
      failures.push({ method, path, status, error, remaining: times });
    },
  };
}

/** An Event as Stripe posts it to a webhook endpoint, with the session (copied) as data.object. */
export function checkoutSessionEvent(
  type: string,
  session: object,
  { id = newId("evt"), created = now() }: { id?: string; created?: number } = {},
) {
  return {
    id,
    object: "event" as const,
    api_version: Stripe.API_VERSION,
    created,
    data: { object: structuredClone(session) },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
}

/** The raw body and Stripe-Signature header Stripe would send for this event, signed with the endpoint's secret. */
export function signedWebhook(event: object, secret: string, { timestamp }: { timestamp?: number } = {}) {
  const body = JSON.stringify(event, null, 2);
  const signature = Stripe.webhooks.generateTestHeaderString({ payload: body, secret, timestamp });
  return { body, signature };
}

/**
 * Parses Stripe's form encoding: `a[b][0][c]=x` → { a: { b: [{ c: "x" }] } }. Numeric segments (and `[]`) make arrays,
 * as the SDK's encoder writes them.
 */
export function parseStripeForm(search: URLSearchParams): FormParams {
  const root: FormParams = {};
  for (const [fullKey, value] of search) {
    const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(fullKey);
    const segments = match ? [match[1], ...[...match[2].matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1])] : [fullKey];
    let container: FormParams | FormValue[] = root;
    segments.forEach((segment, index) => {
      const isLast = index === segments.length - 1;
      const nextIsIndex = !isLast && /^\d*$/.test(segments[index + 1]);
      const slot = Array.isArray(container) && segment === "" ? container.length : segment;
      const holder = container as Record<string | number, FormValue>;
      if (isLast) {
        holder[slot] = value;
        return;
      }
      holder[slot] ??= nextIsIndex ? [] : {};
      container = holder[slot] as FormParams | FormValue[];
    });
  }
  return root;
}

function ok(body: unknown) {
  return { status: 200, body };
}

function stripeError(status: number, error: StripeErrorBody) {
  return { status, body: { error } };
}

function invalidParam(param: string, message: string) {
  return stripeError(400, { type: "invalid_request_error", code: "parameter_invalid", param, message });
}

function missing(objectName: string, id: string) {
  return stripeError(404, {
    type: "invalid_request_error",
    code: "resource_missing",
    param: "id",
    message: `No such ${objectName}: '${id}'`,
  });
}

function checkApiKey(authorization: string | null) {
  const key = authorization?.match(/^Bearer (.+)$/)?.[1];
  if (!key) {
    return stripeError(401, {
      type: "invalid_request_error",
      message: "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth.",
    });
  }
  if (!key.startsWith("sk_") && !key.startsWith("rk_")) {
    return stripeError(401, { type: "invalid_request_error", message: `Invalid API Key provided: ${key.slice(0, 8)}****` });
  }
  return null;
}

function respond({ status, body }: { status: number; body: unknown }, { replayed = false } = {}) {
  const headers: Record<string, string> = { "Request-Id": newId("req"), "Stripe-Version": Stripe.API_VERSION };
  if (replayed) headers["Idempotent-Replayed"] = "true";
  // Stripe tells its SDKs whether retrying makes sense; a 5xx from here is a transient failure worth retrying.
  if (status >= 500) headers["Stripe-Should-Retry"] = "true";
  return HttpResponse.json(body as Record<string, unknown>, { status, headers });
}

function asParams(value: FormValue | undefined): FormParams {
  return value && typeof value === "object" && !Array.isArray(value) ? value : {};
}

function optionalString(value: FormValue | undefined) {
  return typeof value === "string" && value !== "" ? value : null;
}

function stringRecord(value: FormValue | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(asParams(value)).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

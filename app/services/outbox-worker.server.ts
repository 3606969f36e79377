/**
 * The outbox worker's handlers, one set per part of the app, combined: search indexing, emails, payouts.
 * The scheduler calls deliverOutbox() a few times a second.
 */
import { getMailer } from "~/adapters/mail/index.server";
import type { Mailer } from "~/adapters/mail/types";
import { getPaymentGateway } from "~/adapters/payments/index.server";
import type { PaymentGateway } from "~/adapters/payments/types";
import type { SearchEngine } from "~/adapters/search/types";
import { processOutbox, type PartialOutboxHandlers } from "./outbox.server";
import { transferSellerShares } from "./payments.server";
import { getSearchEngine } from "./search.server";
import { searchOutboxHandlers } from "./search-index.server";

export function outboxHandlers({ engine, mailer, gateway }: { engine: SearchEngine; mailer: Mailer; gateway: PaymentGateway | null }): PartialOutboxHandlers {
  return {
    ...searchOutboxHandlers(engine),
    "email.send": (message) => mailer.send(message),
    "payment.transfers": async ({ orderId }) => {
      // Without Stripe configured there is nothing to transfer: sellers are paid out offline from the ledger.
      if (gateway) await transferSellerShares(gateway, orderId);
    },
  };
}

export async function deliverOutbox() {
  return processOutbox(outboxHandlers({ engine: await getSearchEngine(), mailer: getMailer(), gateway: getPaymentGateway() }));
}

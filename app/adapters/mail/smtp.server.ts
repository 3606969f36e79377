import { createTransport } from "nodemailer";
import { checkMailMessage, parseMailbox } from "./message";
import type { Mailer } from "./types";

export type SmtpMailerOptions = {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://user:pass@host:465 (TLS from the start). */
  url: string;
  /** The From header and envelope sender, e.g. `Solidarity Market <orders@example.coop>`. */
  from: string;
};

/**
 * Sends plain-text mail through an SMTP server. Failures (connection refused, authentication, a rejected recipient)
 * reject `send`, so the outbox keeps the event and retries it.
 */
export function createSmtpMailer({ url, from }: SmtpMailerOptions): Mailer {
  const sender = parseMailbox("From", from); // a bad MAIL_FROM fails at start-up, not at the first email
  // Not pooled: one connection per message is plenty for transactional mail and leaves no socket open between sends.
  const transport = createTransport(url);

  return {
    name: "smtp",
    async send(message) {
      const { to, subject, text } = checkMailMessage(message);
      // Addresses go in already parsed, so nodemailer cannot read the value differently from our check.
      await transport.sendMail({ from: sender, to, subject, text });
    },
  };
}

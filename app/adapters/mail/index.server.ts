import { env, type Env } from "~/lib/env.server";
import { createFileMailer } from "./file.server";
import { createSmtpMailer } from "./smtp.server";
import type { Mailer } from "./types";

export type MailEnv = Pick<Env, "SMTP_URL" | "MAIL_FROM" | "MAIL_DIR">;

/**
 * The mailer the environment asks for: SMTP when SMTP_URL is set, otherwise .eml files in MAIL_DIR.
 * Pass the parsed `env` from `~/lib/env.server` (tests pass a plain object).
 */
export function createMailer(mailEnv: MailEnv, options: { log?: (line: string) => void } = {}): Mailer {
  if (mailEnv.SMTP_URL) return createSmtpMailer({ url: mailEnv.SMTP_URL, from: mailEnv.MAIL_FROM });
  return createFileMailer({ dir: mailEnv.MAIL_DIR, from: mailEnv.MAIL_FROM, log: options.log });
}

let mailer: Mailer | undefined;

/** The process-wide mailer, built from the environment on first use. */
export function getMailer(): Mailer {
  mailer ??= createMailer(env);
  return mailer;
}

/** Forgets the memoised mailer, so the next getMailer() builds a new one from `env` (which a test may have changed). */
export function resetMailerForTests(): void {
  mailer = undefined;
}

export type { MailMessage, Mailer } from "./types";
export { InvalidMailMessageError } from "./message";

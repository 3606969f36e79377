/** The mail port: a file/console mailer by default, SMTP when SMTP_URL is set. */
export type MailMessage = { to: string; subject: string; text: string };

export interface Mailer {
  readonly name: "file" | "smtp";
  send(message: MailMessage): Promise<void>;
}

import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { checkMailMessage, encodeHeaderText, formatMailbox, parseMailbox } from "./message";
import type { Mailer } from "./types";

export type FileMailerOptions = {
  /** Directory the .eml files are written to; created on first send if missing. */
  dir: string;
  /** The From header, e.g. `Solidarity Market <orders@example.coop>`. */
  from: string;
  /** Receives one line per message; defaults to console.info. */
  log?: (line: string) => void;
};

/**
 * The default mailer: writes each message as an RFC 5322 .eml file (open it in any mail client) and logs where.
 * Nothing leaves the machine, so development and demos need no mail server.
 */
export function createFileMailer({ dir, from, log = console.info }: FileMailerOptions): Mailer {
  const sender = parseMailbox("From", from); // a bad MAIL_FROM fails at start-up, not at the first email
  const messageIdDomain = sender.address.slice(sender.address.lastIndexOf("@") + 1);

  return {
    name: "file",
    async send(message) {
      const { to, subject, text } = checkMailMessage(message);
      const now = new Date();
      const headers = [
        `From: ${formatMailbox("From", sender)}`,
        `To: ${formatMailbox("To", to)}`,
        `Subject: ${encodeHeaderText("Subject", subject)}`,
        `Date: ${now.toUTCString().replace(/GMT$/, "+0000")}`,
        `Message-ID: <${randomUUID()}@${messageIdDomain}>`,
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: 8bit",
      ];
      // RFC 5322 lines end in CRLF, whatever the caller's text used.
      const body = text.replace(/\r\n|\r|\n/g, "\r\n");
      const eml = `${headers.join("\r\n")}\r\n\r\n${body}${body.endsWith("\r\n") ? "" : "\r\n"}`;

      await fs.mkdir(dir, { recursive: true });
      // ISO time without ':' sorts chronologically as text and is a valid file name everywhere.
      const stamp = now.toISOString().replace(/[-:]/g, "");
      const filePath = path.join(dir, `${stamp}-${randomBytes(6).toString("hex")}.eml`);
      // Write then rename, so anything watching the directory never reads a half-written message.
      const partialPath = `${filePath}.partial`;
      await fs.writeFile(partialPath, eml, { encoding: "utf8", flag: "wx" });
      await fs.rename(partialPath, filePath);

      log(`[mail] to ${to.address}: ${subject} (${filePath})`);
    },
  };
}

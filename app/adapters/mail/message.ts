/**
 * Checks shared by every mailer: what may go into a header, and what counts as one plausible address.
 * Pure (no I/O) so the file and SMTP mailers apply exactly the same rules.
 */
import type { MailMessage } from "./types";

export class InvalidMailMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidMailMessageError";
  }
}

/** One address with an optional display name, e.g. `Solidarity Market <orders@example.coop>`. */
export type Mailbox = { name?: string; address: string };

/** A message whose headers are safe to write: `to` is exactly one address, no header value breaks a line. */
export type CheckedMailMessage = { to: Mailbox; subject: string; text: string };

// Deliberately loose ("plausible", not RFC 5321-complete): one local part, one @, a dotted domain, and none of the
// characters that would let the value be read as several addresses, a comment or a group.
const ADDRESS = /^[^\s@<>()[\]\\,;:"]{1,64}@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
const MAX_ADDRESS_LENGTH = 254;
const NAME_WITH_ADDRESS = /^(.*?)\s*<([^<>]*)>$/;
// Unquoted display names may not contain characters that separate or group addresses.
const UNQUOTED_NAME_FORBIDDEN = /[",;:@<>\\]/;
const QUOTED_NAME_FORBIDDEN = /["\\<>]/;

/**
 * Throws when a header value contains a line break (CR, LF, or any other character a mail system may read as one),
 * which would let the value smuggle extra headers such as Bcc into the message.
 */
export function assertSafeHeaderValue(headerName: string, value: string): void {
  if (/[\r\n\u0085\u2028\u2029\0]/.test(value)) {
    throw new InvalidMailMessageError(`${headerName} must not contain line breaks`);
  }
}

export function isPlausibleAddress(address: string): boolean {
  return address.length <= MAX_ADDRESS_LENGTH && ADDRESS.test(address);
}

/** Parses `address` or `Display Name <address>` (the name may be quoted); throws unless it is exactly one mailbox. */
export function parseMailbox(headerName: string, value: string): Mailbox {
  assertSafeHeaderValue(headerName, value);
  const trimmed = value.trim();
  if (isPlausibleAddress(trimmed)) return { address: trimmed };

  const match = NAME_WITH_ADDRESS.exec(trimmed);
  const address = match?.[2].trim() ?? "";
  if (!match || !isPlausibleAddress(address)) {
    throw new InvalidMailMessageError(`${headerName} must be one email address, got "${value}"`);
  }
  const rawName = match[1].trim();
  const quoted = rawName.length >= 2 && rawName.startsWith('"') && rawName.endsWith('"');
  const name = quoted ? rawName.slice(1, -1) : rawName;
  if ((quoted ? QUOTED_NAME_FORBIDDEN : UNQUOTED_NAME_FORBIDDEN).test(name)) {
    throw new InvalidMailMessageError(`${headerName} must be one email address, got "${value}"`);
  }
  return name ? { name, address } : { address };
}

/** Validates a message before any mailer sends it; both mailers call this so their rules cannot drift apart. */
export function checkMailMessage(message: MailMessage): CheckedMailMessage {
  assertSafeHeaderValue("Subject", message.subject);
  if (typeof message.text !== "string") throw new InvalidMailMessageError("text must be a string");
  return { to: parseMailbox("To", message.to), subject: message.subject, text: message.text };
}

// RFC 2047: an encoded-word is at most 75 characters and a header line should stay within 78 (RFC 5322).
const ENCODED_WORD_OVERHEAD = "=?UTF-8?B??=".length;
const MAX_ENCODED_WORD = 75;
const MAX_LINE = 78;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** The most UTF-8 bytes whose base64 encoded-word fits in `columns` characters (base64: 4 characters per 3 bytes). */
const bytesFittingIn = (columns: number) => Math.floor((Math.min(columns, MAX_ENCODED_WORD) - ENCODED_WORD_OVERHEAD) / 4) * 3;

/**
 * Encodes header text as RFC 2047 base64 encoded-words (UTF-8), folded onto continuation lines so that no line
 * exceeds 78 characters. `usedOnFirstLine` is how much of the first line is already taken (e.g. "Subject: ").
 * Each word holds whole characters only, as RFC 2047 requires, so every word decodes on its own.
 */
export function encodeHeaderWords(text: string, usedOnFirstLine = 0): string {
  // At least a few bytes per word, so a header name longer than the line still makes progress.
  let budget = Math.max(3, bytesFittingIn(MAX_LINE - usedOnFirstLine));
  const continuationBudget = bytesFittingIn(MAX_LINE - 1); // continuation lines start with one space
  const words: string[] = [];
  let chunk = "";
  let chunkBytes = 0;
  for (const character of text) {
    const bytes = Buffer.byteLength(character, "utf8");
    if (chunkBytes + bytes > budget && chunk) {
      words.push(chunk);
      chunk = "";
      chunkBytes = 0;
      budget = continuationBudget;
    }
    chunk += character;
    chunkBytes += bytes;
  }
  if (chunk) words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word, "utf8").toString("base64")}?=`).join("\r\n ");
}

/**
 * Header text as it may be written after `headerName: `. Plain ASCII that fits the 998-octet line limit is written
 * as-is (readable in the raw file); anything else, or text that itself looks like an encoded-word, is encoded.
 */
export function encodeHeaderText(headerName: string, text: string): string {
  const fitsOneLine = headerName.length + 2 + text.length <= 998;
  if (PRINTABLE_ASCII.test(text) && !text.includes("=?") && fitsOneLine) return text;
  return encodeHeaderWords(text, headerName.length + 2);
}

// RFC 5322 "specials": a display name containing one must be quoted.
const NAME_NEEDS_QUOTES = /[()<>[\]:;@\\,."]/;

/**
 * A mailbox as the value of the `headerName` address header: `address`, `"Name" <address>` or
 * `=?UTF-8?B?…?= <address>` (the address moves to a continuation line when it would overflow the last one).
 */
export function formatMailbox(headerName: string, mailbox: Mailbox): string {
  const { name, address } = mailbox;
  if (!name) return address;
  if (PRINTABLE_ASCII.test(name) && !name.includes("=?")) {
    return NAME_NEEDS_QUOTES.test(name) ? `"${name}" <${address}>` : `${name} <${address}>`;
  }
  const encodedName = encodeHeaderWords(name, headerName.length + 2);
  const lastLine = encodedName.slice(encodedName.lastIndexOf("\n") + 1);
  const firstLineOffset = encodedName.includes("\n") ? 0 : headerName.length + 2;
  const fits = firstLineOffset + lastLine.length + address.length + 3 <= MAX_LINE;
  return `${encodedName}${fits ? " " : "\r\n "}<${address}>`;
}

import fs from "node:fs/promises";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFileMailer } from "~/adapters/mail/file.server";
import { createMailer, getMailer, resetMailerForTests } from "~/adapters/mail/index.server";
import { InvalidMailMessageError } from "~/adapters/mail/message";
import { createSmtpMailer } from "~/adapters/mail/smtp.server";
import { env } from "~/lib/env.server";

const FROM = "Solidarity Market <orders@solidarity-market.local>";

// ---------------------------------------------------------------------------------------------------------------
// A minimal, independent reader of what the file mailer writes (RFC 5322 headers + RFC 2047 B-encoded words).

type ParsedEml = { headerLines: string[]; headers: Map<string, string>; body: string };

function parseEml(raw: string): ParsedEml {
  const split = raw.indexOf("\r\n\r\n");
  expect(split, "headers and body are separated by an empty CRLF line").toBeGreaterThan(0);
  const headerBlock = raw.slice(0, split);
  // Unfolding (RFC 5322 §2.2.3): a CRLF followed by whitespace continues the previous header.
  const unfolded = headerBlock.replace(/\r\n(?=[ \t])/g, "");
  const headers = new Map<string, string>();
  for (const line of unfolded.split("\r\n")) {
    const colon = line.indexOf(":");
    expect(colon, `header line "${line}"`).toBeGreaterThan(0);
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headerLines: headerBlock.split("\r\n"), headers, body: raw.slice(split + 4) };
}

/** Decodes =?UTF-8?B?…?= words; whitespace between two adjacent encoded-words is not part of the text. */
function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(?==\?)/g, "$1")
    .replace(/=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=/gi, (_word, base64: string) => Buffer.from(base64, "base64").toString("utf8"));
}

async function emlFiles(dir: string): Promise<string[]> {
  return (await fs.readdir(dir)).filter((name) => name.endsWith(".eml")).sort();
}

// ---------------------------------------------------------------------------------------------------------------
// A real SMTP server on loopback.

type Delivery = { from: string | undefined; to: string[]; raw: string };

async function startSmtpServer(options: Partial<SMTPServerOptions> = {}) {
  const deliveries: Delivery[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const { mailFrom, rcptTo } = session.envelope;
        deliveries.push({
          from: mailFrom ? mailFrom.address : undefined,
          to: rcptTo.map((recipient) => recipient.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
    ...options,
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    deliveries,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type RunningServer = Awaited<ReturnType<typeof startSmtpServer>>;

let tmpDir: string;
const servers: RunningServer[] = [];

beforeEach(async () => {
  tmpDir = await fs.mkdtemp(path.join(os.tmpdir(), "mail-test-"));
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  await fs.rm(tmpDir, { recursive: true, force: true });
});

async function smtpServer(options: Partial<SMTPServerOptions> = {}) {
  const server = await startSmtpServer(options);
  servers.push(server);
  return server;
}

// ---------------------------------------------------------------------------------------------------------------

describe("file mailer", () => {
  it("writes a parseable .eml with the right headers and an 8-bit UTF-8 body, and logs where", async () => {
    const dir = path.join(tmpDir, "nested", "mail"); // does not exist yet
    const logged: string[] = [];
    const mailer = createFileMailer({ dir, from: FROM, log: (line) => logged.push(line) });
    const subject = "Your order from Cooperativa Peña Blanca: 12,50 €";
    const text = "Hola Ana,\n\nyour coffee (12,50 €) is packed.\r\nMañana at the pickup point.";

    const before = Date.now();
    await mailer.send({ to: "ana@example.coop", subject, text });
    expect(mailer.name).toBe("file");

    const files = await emlFiles(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d{8}T\d{6}\.\d{3}Z-[0-9a-f]{12}\.eml$/);
    expect(await fs.readdir(dir)).toEqual(files); // no partial file left behind
    const filePath = path.join(dir, files[0]);
    const raw = await fs.readFile(filePath, "utf8");
    const eml = parseEml(raw);

    // Headers are 7-bit and within the 78-character recommendation; the non-ASCII subject is RFC 2047-encoded.
    for (const line of eml.headerLines) {
      expect(line).toMatch(/^[\x20-\x7e]*$/);
      expect(line.length).toBeLessThanOrEqual(78);
    }
    expect(eml.headers.get("from")).toBe(FROM);
    expect(eml.headers.get("to")).toBe("ana@example.coop");
    expect(eml.headers.get("subject")).toMatch(/^=\?UTF-8\?B\?/);
    expect(decodeWords(eml.headers.get("subject")!)).toBe(subject);
    const date = Date.parse(eml.headers.get("date")!);
    expect(eml.headers.get("date")).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    expect(date).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(date).toBeLessThanOrEqual(Date.now());
    expect(eml.headers.get("message-id")).toMatch(/^<[0-9a-f-]{36}@solidarity-market\.local>$/);
    expect(eml.headers.get("mime-version")).toBe("1.0");
    expect(eml.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(eml.headers.get("content-transfer-encoding")).toBe("8bit");

    // The body is the text, byte for byte in UTF-8, with every line ending normalised to CRLF.
    expect(eml.body).toBe("Hola Ana,\r\n\r\nyour coffee (12,50 €) is packed.\r\nMañana at the pickup point.\r\n");

    expect(logged).toEqual([`[mail] to ana@example.coop: ${subject} (${filePath})`]);
  });

  it("splits a long UTF-8 subject into whole-character encoded-words and keeps plain ASCII readable", async () => {
    const mailer = createFileMailer({ dir: tmpDir, from: FROM, log: () => {} });
    const longSubject = `Pedido ${"ñ€☕".repeat(20)} listo — 🌱 fin`;
    await mailer.send({ to: "Ana Peña <ana@example.coop>", subject: longSubject, text: "x" });
    await new Promise((resolve) => setTimeout(resolve, 5)); // a later millisecond, so file names sort in send order
    await mailer.send({ to: "bo@example.coop", subject: "Pickup moved to Friday", text: "y" });

    const [first, second] = await emlFiles(tmpDir);
    const long = parseEml(await fs.readFile(path.join(tmpDir, first), "utf8"));
    const words = long.headers.get("subject")!.split(" ");
    expect(words.length).toBeGreaterThan(2);
    for (const word of words) {
      expect(word.length).toBeLessThanOrEqual(75);
      // Each word decodes on its own to valid UTF-8 (no character split across words).
      expect(decodeWords(word)).not.toContain("\uFFFD");
    }
    expect(decodeWords(long.headers.get("subject")!)).toBe(longSubject);
    expect(long.headerLines.every((line) => line.length <= 78)).toBe(true);
    expect(decodeWords(long.headers.get("to")!)).toBe("Ana Peña <ana@example.coop>");

    const plain = parseEml(await fs.readFile(path.join(tmpDir, second), "utf8"));
    expect(plain.headers.get("subject")).toBe("Pickup moved to Friday");
    expect(plain.body).toBe("y\r\n");
  });

  it("refuses header injection and anything but one plausible address, writing nothing", async () => {
    const dir = path.join(tmpDir, "never-created");
    const mailer = createFileMailer({ dir, from: FROM, log: () => {} });
    const refused = [
      { to: "ana@example.coop\r\nBcc: everyone@example.coop", subject: "Hi", text: "x" },
      { to: "ana@example.coop\nBcc: everyone@example.coop", subject: "Hi", text: "x" },
      { to: "ana@example.coop", subject: "Hi\r\nBcc: everyone@example.coop", text: "x" },
      { to: "ana@example.coop", subject: "Hi\rBcc: everyone@example.coop", text: "x" },
      { to: "ana@example.coop", subject: "Hi\nContent-Type: text/html", text: "x" },
      { to: "ana@example.coop, bo@example.coop", subject: "Hi", text: "x" },
      { to: "ana@example.coop;bo@example.coop", subject: "Hi", text: "x" },
      { to: "Ana <ana@example.coop>, bo@example.coop", subject: "Hi", text: "x" },
      { to: "not an address", subject: "Hi", text: "x" },
      { to: "ana@localhost", subject: "Hi", text: "x" },
      { to: "", subject: "Hi", text: "x" },
    ];
    for (const message of refused) {
      await expect(mailer.send(message), JSON.stringify(message)).rejects.toBeInstanceOf(InvalidMailMessageError);
    }
    await expect(fs.stat(dir)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("refuses an unusable From address when it is created", () => {
    expect(() => createFileMailer({ dir: tmpDir, from: "orders" })).toThrow(InvalidMailMessageError);
    expect(() => createFileMailer({ dir: tmpDir, from: "Market <a@b.coop>\r\nBcc: x@y.coop" })).toThrow(/line breaks/);
  });
});

describe("SMTP mailer against a real SMTP server on loopback", () => {
  it("delivers the message with the right envelope, subject and body", async () => {
    const server = await smtpServer();
    const mailer = createSmtpMailer({ url: `smtp://127.0.0.1:${server.port}`, from: FROM });
    expect(mailer.name).toBe("smtp");

    await mailer.send({
      to: "ana@example.coop",
      subject: "Your order is ready for pickup",
      text: "Your coffee is packed. Pickup point: Mercado Solidario, Friday 4-7 pm.",
    });

    expect(server.deliveries).toHaveLength(1);
    const [delivery] = server.deliveries;
    expect(delivery.from).toBe("orders@solidarity-market.local");
    expect(delivery.to).toEqual(["ana@example.coop"]);
    expect(delivery.raw).toMatch(/^Subject: Your order is ready for pickup\r$/m);
    expect(delivery.raw).toMatch(/^From: Solidarity Market <orders@solidarity-market\.local>\r$/m);
    expect(delivery.raw).toMatch(/^To: ana@example\.coop\r$/m);
    expect(delivery.raw).toContain("Your coffee is packed. Pickup point: Mercado Solidario, Friday 4-7 pm.");
  });

  it("authenticates with the credentials in the URL (percent-decoded)", async () => {
    const seen: { username?: string; password?: string | null }[] = [];
    const server = await smtpServer({
      authOptional: false, // mail is only accepted after AUTH, so a delivery proves it happened
      allowInsecureAuth: true, // plain loopback connection, STARTTLS disabled
      onAuth(auth, _session, callback) {
        seen.push({ username: auth.username, password: auth.password });
        if (auth.username === "market" && auth.password === "p@ss word") return callback(null, { user: "market" });
        return callback(new Error("Invalid username or password"));
      },
    });

    await createSmtpMailer({ url: `smtp://market:p%40ss%20word@127.0.0.1:${server.port}`, from: FROM }).send({
      to: "ana@example.coop",
      subject: "Authenticated",
      text: "Sent after AUTH.",
    });
    expect(seen).toEqual([{ username: "market", password: "p@ss word" }]);
    expect(server.deliveries).toHaveLength(1);

    const wrongPassword = createSmtpMailer({ url: `smtp://market:nope@127.0.0.1:${server.port}`, from: FROM });
    await expect(wrongPassword.send({ to: "ana@example.coop", subject: "x", text: "x" })).rejects.toThrow();
    expect(server.deliveries).toHaveLength(1);
  });

  it("rejects send() when the server refuses the recipient, so the outbox retries", async () => {
    const server = await smtpServer({
      onRcptTo(_address, _session, callback) {
        callback(Object.assign(new Error("No such mailbox here"), { responseCode: 550 }));
      },
    });
    const mailer = createSmtpMailer({ url: `smtp://127.0.0.1:${server.port}`, from: FROM });

    await expect(mailer.send({ to: "gone@example.coop", subject: "x", text: "x" })).rejects.toMatchObject({
      responseCode: 550,
    });
    expect(server.deliveries).toEqual([]);
  });

  it("rejects send() when no server listens", async () => {
    const closed = await startSmtpServer();
    await closed.close(); // the port is now free and refuses connections
    const mailer = createSmtpMailer({ url: `smtp://127.0.0.1:${closed.port}`, from: FROM });
    await expect(mailer.send({ to: "ana@example.coop", subject: "x", text: "x" })).rejects.toThrow();
  });

  it("applies the same header-injection guard before connecting", async () => {
    const server = await smtpServer();
    const mailer = createSmtpMailer({ url: `smtp://127.0.0.1:${server.port}`, from: FROM });
    await expect(
      mailer.send({ to: "ana@example.coop", subject: "Hi\r\nBcc: everyone@example.coop", text: "x" }),
    ).rejects.toBeInstanceOf(InvalidMailMessageError);
    await expect(
      mailer.send({ to: "ana@example.coop\nBcc: everyone@example.coop", subject: "Hi", text: "x" }),
    ).rejects.toBeInstanceOf(InvalidMailMessageError);
    expect(server.deliveries).toEqual([]);
  });
});

describe("choosing the mailer from the environment", () => {
  it("writes files to MAIL_DIR when SMTP_URL is not set", async () => {
    const logged: string[] = [];
    const mailer = createMailer({ SMTP_URL: undefined, MAIL_FROM: FROM, MAIL_DIR: tmpDir }, { log: (line) => logged.push(line) });
    expect(mailer.name).toBe("file");
    await mailer.send({ to: "ana@example.coop", subject: "Filed", text: "x" });
    expect(await emlFiles(tmpDir)).toHaveLength(1);
    expect(logged).toHaveLength(1);
  });

  it("sends through SMTP_URL when it is set, from MAIL_FROM", async () => {
    const server = await smtpServer();
    const mailer = createMailer({
      SMTP_URL: `smtp://127.0.0.1:${server.port}`,
      MAIL_FROM: "Co-op Orders <coop@example.coop>",
      MAIL_DIR: tmpDir,
    });
    expect(mailer.name).toBe("smtp");
    await mailer.send({ to: "ana@example.coop", subject: "Sent", text: "x" });
    expect(server.deliveries.map((delivery) => delivery.from)).toEqual(["coop@example.coop"]);
    expect(await emlFiles(tmpDir)).toEqual([]);
  });

  it("memoises getMailer() from env until reset", () => {
    const savedSmtpUrl = env.SMTP_URL;
    try {
      env.SMTP_URL = undefined;
      resetMailerForTests();
      const fileMailer = getMailer();
      expect(fileMailer.name).toBe("file");
      expect(getMailer()).toBe(fileMailer);

      env.SMTP_URL = "smtp://127.0.0.1:2525";
      expect(getMailer()).toBe(fileMailer); // still memoised
      resetMailerForTests();
      expect(getMailer().name).toBe("smtp");
    } finally {
      env.SMTP_URL = savedSmtpUrl;
      resetMailerForTests();
    }
  });
});

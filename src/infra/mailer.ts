/**
 * Sending one plain-text message over SMTP with nodemailer (the de-facto Node SMTP client: STARTTLS, SMTPS, AUTH,
 * connection timeouts; its own TypeScript types). The URL is SMTP_URL: smtp://user:pass@host:587 upgrades with
 * STARTTLS when the server offers it, smtps://…:465 is TLS from the first byte.
 */
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Why a send failed, in a form safe to store and log: codes and the server's reply, e-mail addresses removed. */
export interface SendFailure {
  /** A rejection of the recipient itself (5xx to RCPT TO): retrying cannot help. */
  permanent: boolean;
  summary: string;
}

const ADDRESS = /[^\s<>()"',;:]+@[^\s<>()"',;:]+/g;

export function describeSendError(err: unknown): SendFailure {
  const e = (err ?? {}) as { code?: unknown; responseCode?: unknown; command?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const message = typeof e.message === 'string' ? e.message : String(err);
  // Servers echo the recipient ("550 5.1.1 <zhang@example.cn>: user unknown"): it must not reach the table or the log.
  const clean = message.replace(ADDRESS, '[地址已隐去]').replace(/\s+/g, ' ').trim();
  const summary = [code, responseCode, typeof e.command === 'string' ? e.command.replace(ADDRESS, '[地址已隐去]') : '', clean].filter((p) => p !== '' && p !== undefined).join(' ');
  return { permanent: code === 'EENVELOPE' && responseCode !== undefined && responseCode >= 500, summary: summary.slice(0, 500) };
}

export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    // Bounded waits, so one unresponsive server cannot hold a message past the sender's lease (outbox-sender.ts).
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
    // Messages are plain text built by the application; nodemailer need not read files or fetch URLs for them.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close() {
      transport.close();
    },
  };
}

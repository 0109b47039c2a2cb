/**
 * A real SMTP server on a loopback port (smtp-server, plain TCP), collecting what it accepts as readable mail:
 * envelope, decoded subject and decoded body. With `auth` it requires AUTH (allowInsecureAuth on loopback).
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Received {
  from: string;
  to: string[];
  subject: string;
  body: string;
  raw: string;
}

/** RFC 2047 encoded words and a base64 / quoted-printable body: enough to read what nodemailer writes. */
function decodeWords(s: string): string {
  return s.replace(/\?=\s+=\?/g, '?==?').replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, _cs, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : qp(text.replace(/_/g, ' ')));
}
function qp(s: string): string {
  const bytes: number[] = [];
  const src = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < src.length; i++) {
    if (src[i] === '=' && /^[0-9A-F]{2}$/i.test(src.slice(i + 1, i + 3))) {
      bytes.push(parseInt(src.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(src[i] as string, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}
function parseMail(raw: string, from: string, to: string[]): Received {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
  const body = raw.slice(split).trim();
  const headers = new Map(head.split(/\r?\n/).map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  const cte = (headers.get('content-transfer-encoding') ?? '').toLowerCase();
  const text = cte === 'base64' ? Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8') : cte === 'quoted-printable' ? qp(body) : body;
  return { from, to, subject: decodeWords(headers.get('subject') ?? ''), body: text.replace(/\r\n/g, '\n'), raw };
}

export type TestSmtp = SMTPServer & { port: number };

/** Starts the server on `port` (0: any free port); every accepted message is pushed to `inbox`. */
export async function startSmtp(inbox: Received[], o: { port?: number; auth?: { user: string; pass: string } } = {}): Promise<TestSmtp> {
  const { auth } = o;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    logger: false,
    ...(auth
      ? {
          allowInsecureAuth: true,
          onAuth(a, _session, cb) {
            if (a.username === auth.user && a.password === auth.pass) cb(null, { user: auth.user });
            else cb(new Error('Invalid username or password'));
          },
        }
      : { authOptional: true }),
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push(parseMail(Buffer.concat(chunks).toString('utf8'), session.envelope.mailFrom ? session.envelope.mailFrom.address : '', session.envelope.rcptTo.map((r) => r.address)));
        cb();
      });
    },
  });
  server.listen(o.port ?? 0, '127.0.0.1');
  await once(server.server, 'listening');
  return Object.assign(server, { port: (server.server.address() as AddressInfo).port });
}

export const stopSmtp = (s: SMTPServer): Promise<void> => new Promise<void>((resolve) => s.close(() => resolve()));

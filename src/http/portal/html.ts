/**
 * A tiny HTML builder that escapes by default: every interpolated value is text unless it is `Html`
 * produced by this module. Unit names, guide text and contact facts are typed in by staff, so a stored
 * `<script>` must stay inert (and the portal CSP forbids scripts anyway: defence in depth).
 */

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

/** Marks already-safe markup. Only for strings built in this module's callers from constants or `h`. */
export const raw = (s: string): Html => new Html(s);

type Part = Html | string | number | boolean | null | undefined | readonly Part[];

function emit(v: Part): string {
  if (v === null || v === undefined || v === false || v === true) return '';
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return v.map(emit).join('');
  return esc(String(v));
}

/** Tagged template: `h\`<p>${text}</p>\`` escapes `text`; nested `h` results and arrays of them pass through. */
export function h(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0] as string;
  for (let i = 0; i < values.length; i++) out += emit(values[i] as Part) + (strings[i + 1] as string);
  return new Html(out);
}

/**
 * Staff write guide text as plain text: a blank line starts a paragraph, a single newline is a line break
 * (the default guide uses both, e.g. "（一）公开范围\n…").
 */
export function paragraphs(text: string): Html {
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n[ \t\u3000]*\n+/).map((b) => b.replace(/^\n+|\n+$/g, '')).filter((b) => b.trim());
  return h`${blocks.map((b) => h`<p>${b.split('\n').map((line, i) => (i ? h`<br>${line}` : h`${line}`))}</p>`)}`;
}

/** The civil date in China Standard Time (UTC+8, no daylight saving), whatever the server's zone. */
export function beijingDate(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  return new Date(t + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Only http(s) addresses become links: a `javascript:` website typed into a unit record stays text. */
export function externalLink(url: string): Html {
  return /^https?:\/\/[^\s"'<>]+$/i.test(url) ? h`<a href="${url}" rel="noopener noreferrer">${url}</a>` : h`${url}`;
}

export function mailLink(email: string): Html {
  return /^[^\s@"'<>]+@[^\s@"'<>]+$/.test(email) ? h`<a href="mailto:${email}">${email}</a>` : h`${email}`;
}

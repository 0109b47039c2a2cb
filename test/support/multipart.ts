import { randomBytes } from 'node:crypto';

/** Encodes a multipart/form-data body for app.inject. */
export function multipart(fields: Record<string, string | { filename: string; content: Buffer; type?: string }>): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----gongkai${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, v] of Object.entries(fields)) {
    if (typeof v === 'string') {
      parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${v}\r\n`));
    } else {
      parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"; filename="${v.filename}"\r\ncontent-type: ${v.type ?? 'application/octet-stream'}\r\n\r\n`));
      parts.push(v.content, Buffer.from('\r\n'));
    }
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

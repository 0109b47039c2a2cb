/**
 * Which files may be attached, judged by their content, not by the name the uploader gave them: a file whose
 * bytes are not what its extension claims is refused, and nothing is ever served inline as HTML. The list covers
 * what government documents come as (PDF, Word, Excel, WPS-saved OOXML, OFD 版式文件, images).
 */
export interface AllowedType {
  ext: string;
  label: string;
  mime: string;
  /** What the content sniffer must report for a file with this extension. */
  detected: string[];
}

export const ALLOWED_TYPES: AllowedType[] = [
  { ext: 'pdf', label: 'PDF', mime: 'application/pdf', detected: ['application/pdf'] },
  { ext: 'docx', label: 'Word', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', detected: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/zip'] },
  { ext: 'xlsx', label: 'Excel', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', detected: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/zip'] },
  { ext: 'doc', label: 'Word 97-2003', mime: 'application/msword', detected: ['application/x-cfb'] },
  { ext: 'xls', label: 'Excel 97-2003', mime: 'application/vnd.ms-excel', detected: ['application/x-cfb'] },
  { ext: 'ofd', label: 'OFD', mime: 'application/ofd', detected: ['application/zip'] },
  { ext: 'png', label: 'PNG 图片', mime: 'image/png', detected: ['image/png'] },
  { ext: 'jpg', label: 'JPEG 图片', mime: 'image/jpeg', detected: ['image/jpeg'] },
  { ext: 'jpeg', label: 'JPEG 图片', mime: 'image/jpeg', detected: ['image/jpeg'] },
];

export function extensionOf(filename: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(filename);
  return m ? (m[1] as string).toLowerCase() : '';
}

/** Keeps the visible name, drops any path and control characters, bounds the length. */
export function cleanFilename(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '').replace(/^\.+/, '').trim();
  if (clean.length <= 120) return clean;
  const ext = extensionOf(clean);
  return `${clean.slice(0, 110)}${ext ? `.${ext}` : ''}`;
}

/** Returns the allowed type, or a Chinese reason why the file is refused. */
export function checkFileType(filename: string, detectedMime: string | undefined): AllowedType | string {
  const ext = extensionOf(filename);
  const allowed = ALLOWED_TYPES.find((t) => t.ext === ext);
  if (!allowed) return `不支持上传 .${ext || '（无扩展名）'} 文件，允许的类型：${[...new Set(ALLOWED_TYPES.map((t) => t.ext))].join('、')}`;
  if (!detectedMime || !allowed.detected.includes(detectedMime)) return `文件内容与扩展名 .${ext} 不符，请确认文件未损坏且类型正确`;
  return allowed;
}

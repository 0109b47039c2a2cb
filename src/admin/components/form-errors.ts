import type { FormInstance } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { ApiError } from '../api/client';

/** "leaders.0.name" → ['leaders', 0, 'name'], the name path antd uses for Form.List items. */
export function toNamePath(path: string): (string | number)[] {
  return path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Puts the server's field errors (error.fields[].path) on the matching form fields.
 * Returns the messages that belong to no field of this form, so the caller can show them elsewhere.
 */
export function applyServerErrors(form: FormInstance, error: unknown, rename: Record<string, string> = {}): string[] {
  if (!(error instanceof ApiError)) return [error instanceof Error ? error.message : '操作失败，请重试'];
  const known = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  const rest: string[] = [];
  for (const f of error.fields) {
    const path = rename[f.path] ?? f.path;
    const name = toNamePath(path);
    if (!known.has(String(name[0]))) {
      rest.push(f.message);
      continue;
    }
    const entry = byField.get(path) ?? { name, errors: [] };
    if (!entry.errors.includes(f.message)) entry.errors.push(f.message);
    byField.set(path, entry);
  }
  form.setFields([...byField.values()]);
  const first = byField.values().next().value;
  if (first) form.scrollToField(first.name, { block: 'center', behavior: 'smooth' });
  if (byField.size === 0 || rest.length) return [error.message, ...rest.filter((m) => m !== error.message)];
  return [];
}

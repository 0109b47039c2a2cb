import { z } from 'zod';
import { invalid, type FieldError } from './errors.js';

/** Parses with a zod schema; on failure throws a VALIDATION DomainError listing every field problem in Chinese. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw invalid(zodFieldErrors(r.error));
}

export function zodFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(请求体)', message: i.message }));
}

// Built-in zod messages (types, required fields) in Chinese; our own messages are written per field.
z.config(z.locales.zhCN());

import type * as z from 'zod';
import { Problem, type ProblemItem, problems } from './problem';
import type { HttpEvent } from './yandex';

/** Function payload limit behind API Gateway (reference/yandex-cloud.md §3). */
export const maxBodyBytes = 2.5 * 1024 * 1024;

export function rawBody(event: HttpEvent): string {
  if (!event.body) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

export function parseJsonBody(event: HttpEvent): unknown {
  const text = rawBody(event);
  if (Buffer.byteLength(text) > maxBodyBytes) throw problems.payloadTooLarge(maxBodyBytes);
  if (text.trim() === '') return undefined;
  const contentType = header(event, 'content-type') ?? 'application/json';
  if (!/^application\/(.+\+)?json\b/i.test(contentType)) throw problems.unsupportedMediaType();
  try {
    return JSON.parse(text);
  } catch {
    throw problems.malformedJson();
  }
}

export function header(event: HttpEvent, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {}))
    if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/** Validates `input` with `schema`; a mismatch is a 400 listing every problem with its path. */
export function validate<T>(schema: z.ZodType<T>, input: unknown, where: string): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const errors: ProblemItem[] = parsed.error.issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  throw problems.validation(errors);
}

export function isProblem(error: unknown): error is Problem {
  return error instanceof Problem;
}

import { AsyncLocalStorage } from 'node:async_hooks';
import type { HttpHandler } from '../../platform/http';
import { header } from '../../platform/http-body';
import { type Language, languages } from './vocabulary';

const acceptLanguage = new AsyncLocalStorage<string | undefined>();

/** Keeps the call's Accept-Language at hand for the route, which sees only the parsed request. */
export function withAcceptLanguage<T extends HttpHandler>(handler: T): T {
  const wrapped: HttpHandler = (event, context) =>
    acceptLanguage.run(header(event, 'accept-language'), () => handler(event, context));
  // Keeps what the handler says of itself (the operations it serves).
  return Object.assign(wrapped, handler);
}

/** The body's `language`, else the best supported Accept-Language tag, else Russian. */
export function requestLanguage(fromBody: Language | undefined): Language {
  if (fromBody) return fromBody;
  const ranked = (acceptLanguage.getStore() ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.split('=')[1] ?? 1);
      return { language: tag.split('-')[0] as Language, q: Number.isFinite(q) ? q : 0 };
    })
    .filter(({ language, q }) => q > 0 && languages.includes(language))
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.language ?? 'ru';
}

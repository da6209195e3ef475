/**
 * Data residency guard: personal and health data stay in Yandex Cloud's Russian region.
 * Every region, zone and endpoint setting passes through here at cold start; a function
 * configured for `kz1` or a foreign host refuses to start and names the setting.
 */
const allowedRegion = 'ru-central1';
const allowedZone = /^ru-central1-(a|b|d)$/;
const yandexHostSuffixes = ['.yandexcloud.net', '.cloud.yandex.net', '.yandex.net'];
const yandexHosts = new Set(['kms.yandex', 'yandexcloud.net']);
const loopbackHosts = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export class ResidencyViolation extends Error {
  readonly reason: string;

  constructor(
    readonly setting: string,
    reason: string,
  ) {
    super(`${setting}: ${reason}`);
    this.reason = `${reason}; data must stay in Yandex Cloud ru-central1 (zones a, b, d)`;
    this.name = 'ResidencyViolation';
  }
}

export function checkRegion(setting: string, region: string): void {
  if (region.startsWith('kz1')) throw new ResidencyViolation(setting, `region "${region}" is in Kazakhstan`);
  if (region !== allowedRegion)
    throw new ResidencyViolation(setting, `region "${region}" is not ${allowedRegion}`);
}

export function checkZone(setting: string, zone: string): void {
  if (zone.startsWith('kz1')) throw new ResidencyViolation(setting, `zone "${zone}" is in Kazakhstan`);
  if (!allowedZone.test(zone))
    throw new ResidencyViolation(setting, `zone "${zone}" is not ru-central1-a, -b or -d`);
}

/**
 * @param allowLoopback true only for the local cloud and tests, where the endpoints are
 *   the embedded protocol servers on this machine.
 */
export function checkEndpoint(setting: string, endpoint: string, allowLoopback: boolean): void {
  let host: string;
  try {
    host = new URL(endpoint).hostname.toLowerCase();
  } catch {
    throw new ResidencyViolation(setting, `"${endpoint}" is not a URL`);
  }
  if (host.endsWith('.kz') || host.includes('kz1')) {
    throw new ResidencyViolation(setting, `host "${host}" belongs to the Kazakhstan region`);
  }
  if (loopbackHosts.has(host)) {
    if (allowLoopback) return;
    throw new ResidencyViolation(setting, `loopback host "${host}" is only allowed when APP_ENV=local`);
  }
  const isYandex = yandexHosts.has(host) || yandexHostSuffixes.some((suffix) => host.endsWith(suffix));
  if (!isYandex) throw new ResidencyViolation(setting, `host "${host}" is not a Yandex Cloud host`);
}

/**
 * The Telegram Bot API is abroad. It is allowed for the chatbot channel only, and only because
 * that channel carries no health data: the bot's messages say times and formats, never a
 * diagnosis, a specialty or a reading (DESIGN.md, Residency). No other setting may name it.
 */
export const telegramApiHost = 'api.telegram.org';

export function checkTelegramEndpoint(setting: string, endpoint: string, allowLoopback: boolean): void {
  checkFixedHost(setting, endpoint, telegramApiHost, allowLoopback);
}

/** ЮKassa's API, in Russia; a payment carries an amount and our ids, nothing about health. */
export const yookassaApiHost = 'api.yookassa.ru';

export function checkPaymentEndpoint(setting: string, endpoint: string, allowLoopback: boolean): void {
  checkFixedHost(setting, endpoint, yookassaApiHost, allowLoopback);
}

/** A setting that may name one host only (or this machine, for the local cloud and tests). */
function checkFixedHost(setting: string, endpoint: string, allowed: string, allowLoopback: boolean): void {
  let host: string;
  try {
    host = new URL(endpoint).hostname.toLowerCase();
  } catch {
    throw new ResidencyViolation(setting, `"${endpoint}" is not a URL`);
  }
  if (host === allowed || (allowLoopback && loopbackHosts.has(host))) return;
  throw new ResidencyViolation(setting, `host "${host}" is not ${allowed}`);
}

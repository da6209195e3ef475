/**
 * An instant as ISO 8601 text on the wall clock of an IANA zone, with its offset
 * (`2026-03-29T09:00:00+03:00`; `Z` for the zone "UTC"; milliseconds only when there are some):
 * the text luxon's `toISO({ suppressMilliseconds: true })` gives, at a fraction of its cost,
 * because every appointment and slot the API returns carries three of these.
 */
export function localIso(ms: number, zone: string): string {
  const wall: Record<string, string> = {};
  for (const part of formatIn(zone).formatToParts(ms)) wall[part.type] = part.value;
  const { year, month, day, hour, minute, second } = wall;
  const wholeSeconds = Math.floor(ms / 1000) * 1000;
  const millis = ms - wholeSeconds;
  const fraction = millis === 0 ? '' : `.${String(millis).padStart(3, '0')}`;
  const shown = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
  );
  return `${year}-${month}-${day}T${hour}:${minute}:${second}${fraction}${offsetText(zone, (shown - wholeSeconds) / 60_000)}`;
}

function offsetText(zone: string, minutes: number): string {
  if (minutes === 0 && /^(utc|gmt)$/i.test(zone)) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** One formatter per zone: making an Intl.DateTimeFormat costs far more than using one. */
const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(zone, format);
  }
  return format;
}

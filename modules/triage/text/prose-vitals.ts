import { plausible } from '../vitals-bounds';
import type { Vitals } from '../vocabulary';

/**
 * Vital signs and lab values written in prose, the way clinicians and patients write them:
 * «АД 190/120», «BP 85/50», «SpO2 88%», «t 39.8», «ЧСС 130», «glucose 2.1 mmol/L», «GCS 13».
 * Values outside physical bounds are ignored rather than believed.
 */
export interface ProseVitals {
  vitals: Vitals;
  /** GCS below 15 when stated: an altered mental state the words may not name. */
  gcs?: number;
  /** Where the readings are, so the symptom reader does not take «температура 36.6» for a fever. */
  spans: [number, number][];
}

const b = '(?<![\\p{L}\\p{N}])';
const e = '(?![\\p{L}])';
const link =
  '\\s*(?:(?:поднял\\w*|повысил\\w*|упал\\w*|снизил\\w*|rose|went up|dropped)\\s*)?(?:[:=-]|was|is|of|at|был[аои]?|составля\\w*|до|около|up to|to)?\\s*';
const num = '(\\d{1,3}(?:[.,]\\d+)?)';

const readers: { pattern: RegExp; read(m: RegExpMatchArray, out: ProseVitals): void }[] = [
  {
    pattern: new RegExp(
      `${b}(?:ад|давлени[еяи]|артериальное давление|bp|blood pressure|nibp)${e}${link}(\\d{2,3})\\s*(?:\\/|\\\\|на|over)\\s*(\\d{2,3})`,
      'gu',
    ),
    read: (m, out) => {
      setVital(out, 'systolic', m[1]);
      setVital(out, 'diastolic', m[2]);
    },
  },
  {
    pattern: new RegExp(`${b}(\\d{2,3})\\s*\\/\\s*(\\d{2,3})\\s*(?:мм|mm)`, 'gu'),
    read: (m, out) => {
      setVital(out, 'systolic', m[1]);
      setVital(out, 'diastolic', m[2]);
    },
  },
  {
    pattern: new RegExp(`${b}(?:ад|давлени[еяи]|bp)${e}${link}(\\d{2,3})(?!\\s*(?:\\/|на|over|\\d))`, 'gu'),
    read: (m, out) => setVital(out, 'systolic', m[1]),
  },
  {
    pattern: new RegExp(
      `${b}(?:spo2|sp02|sao2|sats?|saturation|o2 sat|сатураци[яи]|сат|оксигенаци[яи])${e}${link}${num}\\s*%?`,
      'gu',
    ),
    read: (m, out) => setVital(out, 'spo2', m[1]),
  },
  {
    pattern: new RegExp(
      `${b}(?:t|т|temp|temperature|температур[аыуе]|t°)${e}(?:\\s*тела)?${link}${num}\\s*(°?\\s*[cсf]${e}|градус\\w*)?`,
      'gu',
    ),
    read: (m, out) => setTemperature(out, m[1], m[2]),
  },
  {
    pattern: new RegExp(`${b}(\\d{2,3}(?:[.,]\\d)?)\\s*(°\\s*[cсf]?|градус\\w*)`, 'gu'),
    read: (m, out) => setTemperature(out, m[1], m[2]),
  },
  {
    pattern: new RegExp(`${b}(?:чсс|пульс|hr|heart rate|pulse)${e}${link}(\\d{2,3})`, 'gu'),
    read: (m, out) => setVital(out, 'heartRate', m[1]),
  },
  {
    pattern: new RegExp(
      `${b}(\\d{2,3})\\s*(?:уд\\.?\\s*\\/?\\s*мин|ударов в минуту|bpm|beats per minute)`,
      'gu',
    ),
    read: (m, out) => setVital(out, 'heartRate', m[1]),
  },
  {
    pattern: new RegExp(
      `${b}(?:чдд|rr|resp(?:iratory)? rate|частота дыхани[яе]|breathing rate)${e}${link}(\\d{1,2})`,
      'gu',
    ),
    read: (m, out) => setVital(out, 'respiratoryRate', m[1]),
  },
  {
    pattern: new RegExp(
      `${b}(?:глюкоз[аыуе]|сахар(?:а)?(?: крови)?|гликеми[яи]|glucose|blood sugar|sugar|bg|bgl|cbg)${e}(?:\\s*level)?${link}${num}\\s*(ммоль\\/л|ммоль|mmol\\/l|mmol|mg\\/dl|мг\\/дл)?`,
      'gu',
    ),
    read: (m, out) => setGlucose(out, m[1], m[2]),
  },
  {
    // «градусник показал 38», «38.1 on the thermometer»
    pattern: new RegExp(
      `${b}(?:градусник\\p{L}*|термометр\\p{L}*|thermometer)${e}[^\\d.!?;]{0,20}?${num}|${num}\\s+(?:on|по)\\s+(?:the\\s+)?(?:thermometer|градуснику|термометру)`,
      'gu',
    ),
    read: (m, out) => setTemperature(out, m[1] ?? m[2], undefined),
  },
  {
    // A bare 35.0–42.9 with one decimal is a temperature in a complaint («жар 38,4»).
    pattern: new RegExp(
      `${b}((?:3[5-9]|4[0-2])[.,]\\d)(?![\\d.,]|\\s*(?:кг|kg|ммоль|mmol|%|см|cm|лет|years?))`,
      'gu',
    ),
    read: (m, out) => {
      if (out.vitals.temperature === undefined) setTemperature(out, m[1], undefined);
    },
  },
  {
    pattern: new RegExp(`${b}(?:gcs|гкс|глазго)${e}${link}(\\d{1,2})`, 'gu'),
    read: (m, out) => {
      const gcs = Number(m[1]);
      if (gcs >= 3 && gcs <= 15) out.gcs = gcs;
    },
  },
];

/** Reads every vital sign written in the (normalized) text. */
export function readProseVitals(text: string): ProseVitals {
  const out: ProseVitals = { vitals: {}, spans: [] };
  for (const reader of readers) {
    for (const m of text.matchAll(reader.pattern)) {
      const start = m.index ?? 0;
      if (out.spans.some(([s, end]) => start >= s && start < end)) continue;
      reader.read(m, out);
      out.spans.push([start, start + m[0].length]);
    }
  }
  return out;
}

function toNumber(raw: string | undefined): number {
  return Number((raw ?? '').replace(',', '.'));
}

function setVital(out: ProseVitals, name: keyof Vitals, raw: string | undefined): void {
  const value = toNumber(raw);
  if (plausible(name, value)) out.vitals[name] = value;
}

function setTemperature(out: ProseVitals, raw: string | undefined, unit: string | undefined): void {
  const value = toNumber(raw);
  const fahrenheit = /f/.test(unit ?? '') || (value >= 90 && value <= 113);
  const celsius = fahrenheit ? Math.round((((value - 32) * 5) / 9) * 10) / 10 : value;
  if (plausible('temperature', celsius)) out.vitals.temperature = celsius;
}

/** Russia writes mmol/L; a unitless value too high for mmol/L is taken as mg/dL (÷ 18.016). */
function setGlucose(out: ProseVitals, raw: string | undefined, unit: string | undefined): void {
  const value = toNumber(raw);
  const mgdl = /mg|мг/.test(unit ?? '') || (!unit && value > 50);
  const mmol = mgdl ? Math.round((value / 18.016) * 10) / 10 : value;
  if (plausible('glucose', mmol)) out.vitals.glucose = mmol;
}

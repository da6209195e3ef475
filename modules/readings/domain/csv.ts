import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { type Parsed, type Reading, reject } from './types';
import { toCanonical } from './units';

export const csvFormats = ['home_bp', 'abpm', 'dexcom_clarity'] as const;
export type CsvFormat = (typeof csvFormats)[number];

/** One data row of an export and what became of it; `row` is its 1-based line in the file. */
export interface CsvItem {
  row: number;
  parsed: Parsed;
}

export class UnknownCsvFormat extends Error {
  constructor() {
    super('the file is not a blood-pressure or Dexcom Clarity export we know');
    this.name = 'UnknownCsvFormat';
  }
}

type Row = Record<string, string>;

/** Recognises an export by its header: the formats of ../shared/samples/device-readings/. */
export function detectFormat(header: string[]): CsvFormat | undefined {
  const has = (...names: string[]) => names.every((n) => header.includes(n));
  if (has('Timestamp (YYYY-MM-DDThh:mm:ss)', 'Event Type', 'Glucose Value (mg/dL)')) return 'dexcom_clarity';
  if (has('DATE.TIME', 'SYST', 'DIAST', 'ID')) return 'abpm';
  if (has('DateTime', 'Sys.mmHg.', 'Dias.mmHg.')) return 'home_bp';
  return undefined;
}

/**
 * Parses a device export. Times in these files are the device's wall clock without an offset,
 * so `timeZone` (the patient's IANA zone) places them. A multi-subject ABPM export names the
 * recorder's subject per row; its rows go to the device `<deviceId>:<subject>`, each bound
 * to its own patient. Dexcom's header rows (name, birth date, alert settings) are not readings
 * and are skipped unread.
 */
export function parseCsv(
  text: string,
  deviceId: string,
  timeZone: string,
): { format: CsvFormat; items: CsvItem[] } {
  const records = parse(text, {
    bom: true,
    skip_empty_lines: true,
    trim: true,
    relax_column_count: true,
  }) as string[][];
  const [header = [], ...rows] = records;
  const format = detectFormat(header);
  if (!format) throw new UnknownCsvFormat();
  const local = (value: string | undefined) =>
    value ? DateTime.fromISO(value.replace(' ', 'T'), { zone: timeZone }).toMillis() : Number.NaN;
  const items: CsvItem[] = [];
  rows.forEach((cells, index) => {
    const row: Row = Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '']));
    const line = index + 2;
    if (format === 'dexcom_clarity') {
      if (row['Event Type'] !== 'EGV') return;
      items.push({
        row: line,
        parsed: dexcomRow(row, deviceId, local(row['Timestamp (YYYY-MM-DDThh:mm:ss)'])),
      });
    } else if (format === 'abpm') {
      const reading = pressure(
        `${deviceId}:${row.ID}`,
        local(row['DATE.TIME']),
        row.SYST,
        row.DIAST,
        row.MAP,
        row.HR,
      );
      items.push({ row: line, parsed: reading });
    } else {
      const reading = pressure(
        deviceId,
        local(row.DateTime),
        row['Sys.mmHg.'],
        row['Dias.mmHg.'],
        '',
        row['Pulse.bpm.'],
      );
      items.push({ row: line, parsed: reading });
    }
  });
  return { format, items };
}

const number = (cell: string | undefined) => (cell && cell !== 'NA' ? Number(cell) : Number.NaN);

function pressure(
  deviceId: string,
  measuredAt: number,
  systolic: string | undefined,
  diastolic: string | undefined,
  mean: string | undefined,
  pulse: string | undefined,
): Parsed {
  const [sys, dia, map, hr] = [number(systolic), number(diastolic), number(mean), number(pulse)];
  if (Number.isNaN(sys) || Number.isNaN(dia))
    return { ok: false, rejection: reject('data_absent', 'systolic or diastolic is empty') };
  const reading: Reading = {
    deviceId,
    type: 'blood_pressure',
    measuredAt,
    value: sys,
    diastolic: dia,
    mean: Number.isNaN(map) ? null : map,
    pulse: Number.isNaN(hr) ? null : hr,
    original: null,
  };
  return { ok: true, reading };
}

/** An EGV row; a sensor outside its range exports "Low" (< 40 mg/dL) or "High" (> 400 mg/dL). */
function dexcomRow(row: Row, deviceId: string, measuredAt: number): Parsed {
  const cell = row['Glucose Value (mg/dL)'];
  if (cell === 'Low' || cell === 'High')
    return { ok: false, rejection: reject('data_absent', `the sensor reported ${cell}, beyond its range`) };
  const converted = toCanonical('glucose', number(cell), 'mg/dL');
  if (!converted || Number.isNaN(converted.value))
    return { ok: false, rejection: reject('data_absent', 'no glucose value') };
  return {
    ok: true,
    reading: {
      deviceId,
      type: 'glucose',
      measuredAt,
      value: converted.value,
      original: converted.original,
      mealContext: null,
    },
  };
}

import * as z from 'zod';
import { type Metric, mealContexts, type Parsed, type Reading, type ReadingType, reject } from './types';
import { toCanonical } from './units';

/** One reading in our JSON format; the unit defaults to the type's canonical one. */
const itemSchema = z.object({
  deviceId: z.string().min(1).max(128).optional(),
  type: z.string(),
  measuredAt: z.iso.datetime({ offset: true }),
  value: z.number().optional(),
  unit: z.string().max(32).optional(),
  systolic: z.number().optional(),
  diastolic: z.number().optional(),
  mean: z.number().optional(),
  pulse: z.number().optional(),
  mealContext: z.enum(mealContexts).optional(),
  note: z.string().max(2000).optional(),
});

const singleValued = ['glucose', 'spo2', 'heart_rate', 'weight', 'temperature'] as const;
type Item = z.infer<typeof itemSchema>;

/** Parses one item of a JSON batch into a reading in canonical units, or says why it cannot be one. */
export function parseJsonItem(raw: unknown, defaultDeviceId: string | undefined): Parsed {
  const parsed = itemSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      rejection: reject('invalid_item', `${issue?.path.join('.') || 'item'}: ${issue?.message}`),
    };
  }
  const item = parsed.data;
  const deviceId = item.deviceId ?? defaultDeviceId;
  if (!deviceId) return { ok: false, rejection: reject('device_missing', 'name the device (deviceId)') };
  if (item.type === 'ecg')
    return {
      ok: false,
      rejection: reject('waveform_requires_upload', 'send ECG files through POST /v1/readings/uploads'),
    };
  const base = {
    deviceId,
    measuredAt: Date.parse(item.measuredAt),
    ...(item.note ? { note: item.note } : {}),
  };
  if (item.type === 'blood_pressure') return bloodPressure(item, base);
  const type = singleValued.find((t) => t === item.type);
  if (!type) return { ok: false, rejection: reject('unsupported_type', `unknown reading type ${item.type}`) };
  if (item.value === undefined) return { ok: false, rejection: reject('data_absent', 'value is missing') };
  const converted = toCanonical(type, item.value, item.unit);
  if (!converted) return unsupportedUnit(type, item.unit);
  const reading: Reading = { ...base, type, value: converted.value, original: converted.original };
  if (type === 'glucose') reading.mealContext = item.mealContext ?? null;
  return { ok: true, reading };
}

function bloodPressure(item: Item, base: Pick<Reading, 'deviceId' | 'measuredAt' | 'note'>): Parsed {
  if (item.systolic === undefined || item.diastolic === undefined)
    return { ok: false, rejection: reject('data_absent', 'blood pressure needs systolic and diastolic') };
  const pressure = (metric: Metric, value: number | undefined) =>
    value === undefined ? null : toCanonical(metric, value, item.unit);
  const [systolic, diastolic, mean] = [
    pressure('systolic', item.systolic),
    pressure('diastolic', item.diastolic),
    pressure('mean', item.mean),
  ];
  if (!systolic || !diastolic || mean === undefined) return unsupportedUnit('blood_pressure', item.unit);
  const reading: Reading = {
    ...base,
    type: 'blood_pressure' satisfies ReadingType,
    value: systolic.value,
    diastolic: diastolic.value,
    mean: mean?.value ?? null,
    pulse: item.pulse ?? null,
    original: null,
  };
  return { ok: true, reading };
}

const unsupportedUnit = (type: string, unit: string | undefined): Parsed => ({
  ok: false,
  rejection: reject('unsupported_unit', `${unit} is not a unit for ${type}`),
});

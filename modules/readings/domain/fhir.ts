import {
  bpComponentByCode,
  coincidentTimeStampCode,
  isContextCode,
  isEcgCode,
  mealContextCode,
  mealContextOf,
  readingTypeOf,
} from './fhir-codes';
import { type Parsed, type Reading, type ReadingType, type Rejection, reject } from './types';
import { toCanonical } from './units';

/** The parts of FHIR R4 resources we read; anything else in them is ignored. */
interface Coding {
  system?: string;
  code?: string;
  display?: string;
}
interface Concept {
  coding?: Coding[];
  text?: string;
}
interface Quantity {
  value?: number;
  unit?: string;
  code?: string;
}
interface Reference {
  reference?: string;
}
interface Component {
  code?: Concept;
  valueQuantity?: Quantity;
  valueCodeableConcept?: Concept;
  valueSampledData?: unknown;
  dataAbsentReason?: Concept;
}
interface Observation extends Component {
  resourceType: 'Observation';
  id?: string;
  status?: string;
  effectiveDateTime?: string;
  effectiveInstant?: string;
  effectivePeriod?: { start?: string; end?: string };
  device?: Reference;
  extension?: { url?: string; valueReference?: Reference }[];
  component?: Component[];
  note?: { text?: string }[];
}
interface Resource {
  resourceType?: string;
  id?: string;
}
interface Bundle extends Resource {
  entry?: { fullUrl?: string; resource?: Resource }[];
}

/** One Observation of the input and what became of it; `ref` names it back to the client. */
export interface FhirItem {
  ref: string;
  parsed: Parsed;
}

const coincidentTimeStampExtension =
  'http://hl7.org/fhir/uv/phd/StructureDefinition/CoincidentTimeStampReference';

/**
 * Reads a FHIR R4 Observation or a Bundle of them (a PHD gateway's transaction upload) into
 * readings in canonical units. Devices and patients in a Bundle are context, not items: the
 * device an Observation references becomes the reading's device; the patient is whoever that
 * device is bound to, never the Observation's subject.
 */
export function parseFhir(resource: unknown, defaultDeviceId?: string): FhirItem[] {
  const root = (resource ?? {}) as Resource;
  if (root.resourceType === 'Observation') {
    return [
      { ref: root.id ?? '0', parsed: parseObservation(root as Observation, new Context(), defaultDeviceId) },
    ];
  }
  if (root.resourceType !== 'Bundle') {
    const rejection = reject(
      'unsupported_resource',
      `a ${root.resourceType ?? 'resource'} is not an Observation`,
    );
    return [{ ref: root.id ?? '0', parsed: { ok: false, rejection } }];
  }
  const entries = (root as Bundle).entry ?? [];
  const context = new Context(entries);
  return entries.flatMap((entry, index) =>
    entry.resource?.resourceType === 'Observation'
      ? [
          {
            ref: entry.resource.id ?? entry.fullUrl ?? String(index),
            parsed: parseObservation(entry.resource as Observation, context, defaultDeviceId),
          },
        ]
      : [],
  );
}

/** What a Bundle's other entries tell about an Observation: its device, its clock. */
class Context {
  private readonly byRef = new Map<string, Resource>();

  constructor(entries: { fullUrl?: string; resource?: Resource }[] = []) {
    for (const { fullUrl, resource } of entries) {
      if (!resource) continue;
      if (fullUrl) this.byRef.set(fullUrl, resource);
      if (resource.resourceType && resource.id)
        this.byRef.set(`${resource.resourceType}/${resource.id}`, resource);
    }
  }

  resolve(reference: string | undefined): Resource | undefined {
    return reference ? this.byRef.get(reference) : undefined;
  }

  /** The device key: a bundled Device's id, else the id in `Device/<id>` (or `DeviceMetric/<id>`). */
  deviceOf(observation: Observation): string | undefined {
    const reference = observation.device?.reference;
    if (!reference) return undefined;
    const bundled = this.resolve(reference);
    if (bundled?.id) return bundled.id;
    const match = reference.match(/^(?:Device|DeviceMetric)\/([^/]+)$/);
    return match?.[1];
  }
}

const codesOf = (concept: Concept | undefined) =>
  (concept?.coding ?? []).map((c) => c.code).filter((c): c is string => typeof c === 'string');

/** Each reason the PHD IG and core FHIR give for an Observation without a usable value. */
function statusRejection(observation: Observation, context: Context): Rejection | undefined {
  switch (observation.status) {
    case 'cancelled':
      return reject('cancelled', 'the observation was cancelled');
    case 'entered-in-error':
      return reject('entered_in_error', 'the observation was entered in error');
    case 'final':
    case 'amended':
    case 'corrected':
      break;
    default:
      return reject('not_final', `status ${observation.status ?? 'missing'} is not a final result`);
  }
  const codes = codesOf(observation.code);
  const isClockRecord = codes.includes(coincidentTimeStampCode);
  if (isClockRecord && observation.dataAbsentReason)
    return reject('clock_fault', 'the device reported a clock fault; its times cannot be trusted');
  const clock = observation.extension?.find((e) => e.url === coincidentTimeStampExtension)?.valueReference;
  const clockRecord = context.resolve(clock?.reference) as Observation | undefined;
  if (clockRecord?.dataAbsentReason)
    return reject('clock_fault', 'the device clock this measurement was timed by had a fault');
  if (isClockRecord) return reject('not_a_measurement', 'a device clock record, not a measurement');
  return absence(observation.dataAbsentReason, 'the value');
}

function absence(reason: Concept | undefined, what: string): Rejection | undefined {
  if (!reason) return undefined;
  if (codesOf(reason).includes('not-a-number'))
    return reject('not_a_number', `${what} is not a number (device reported NaN)`);
  return reject(
    'data_absent',
    `${what} is absent: ${reason.text ?? codesOf(reason)[0] ?? 'no reason given'}`,
  );
}

/** When an Observation was measured: its dateTime or instant, or the start of its period. */
export function effectiveTime(resource: unknown): number {
  const observation = resource as Observation;
  const when =
    observation.effectiveDateTime ?? observation.effectiveInstant ?? observation.effectivePeriod?.start;
  return when ? Date.parse(when) : Number.NaN;
}

function parseObservation(observation: Observation, context: Context, defaultDeviceId?: string): Parsed {
  const refused = statusRejection(observation, context);
  if (refused) return { ok: false, rejection: refused };
  const codes = codesOf(observation.code);
  const components = observation.component ?? [];
  const componentCodes = components.flatMap((c) => codesOf(c.code));
  if (
    observation.valueSampledData !== undefined ||
    components.some((c) => c.valueSampledData !== undefined)
  ) {
    return [...codes, ...componentCodes].some(isEcgCode)
      ? {
          ok: false,
          rejection: reject(
            'waveform_requires_upload',
            'send ECG waveforms through POST /v1/readings/uploads',
          ),
        }
      : { ok: false, rejection: reject('unsupported_type', 'a waveform that is not an ECG') };
  }
  const type = readingTypeOf(codes) ?? (codes.length ? readingTypeOf(componentCodes) : undefined);
  if (!type) {
    return isContextCode(codes)
      ? {
          ok: false,
          rejection: reject('not_a_measurement', 'device status or context, not a body measurement'),
        }
      : {
          ok: false,
          rejection: reject(
            'unsupported_type',
            `code ${codes.join(', ') || 'missing'} is not a reading we store`,
          ),
        };
  }
  const deviceId = context.deviceOf(observation) ?? defaultDeviceId;
  if (!deviceId) return { ok: false, rejection: reject('device_missing', 'the observation names no device') };
  const note = (observation.note ?? [])
    .map((n) => n.text ?? '')
    .join('\n')
    .trim();
  const base = { deviceId, measuredAt: effectiveTime(observation), ...(note ? { note } : {}) };
  return type === 'blood_pressure' ? bloodPressure(observation, base) : singleValue(observation, type, base);
}

type Base = Pick<Reading, 'deviceId' | 'measuredAt' | 'note'>;

function singleValue(
  observation: Observation,
  type: Exclude<ReadingType, 'blood_pressure'>,
  base: Base,
): Parsed {
  if (type === 'ecg')
    return { ok: false, rejection: reject('waveform_requires_upload', 'send ECGs as files') };
  // A PHD compound observation carries the value in a component (e.g. glucose with its meal context).
  const holder: Component =
    observation.valueQuantity !== undefined
      ? observation
      : ((observation.component ?? []).find((c) => readingTypeOf(codesOf(c.code)) === type) ?? observation);
  const absent = absence(holder.dataAbsentReason, 'the value');
  if (absent) return { ok: false, rejection: absent };
  const quantity = holder.valueQuantity;
  if (typeof quantity?.value !== 'number')
    return { ok: false, rejection: reject('data_absent', 'no numeric value') };
  const unit = quantity.code ?? quantity.unit;
  if (!unit) return { ok: false, rejection: reject('unsupported_unit', 'the value has no unit') };
  const converted = toCanonical(type, quantity.value, unit);
  if (!converted)
    return { ok: false, rejection: reject('unsupported_unit', `${unit} is not a unit for ${type}`) };
  const reading: Reading = { ...base, type, value: converted.value, original: converted.original };
  if (type === 'glucose') {
    const meal = (observation.component ?? []).find((c) => codesOf(c.code).includes(mealContextCode));
    reading.mealContext = mealContextOf(meal?.valueCodeableConcept?.coding ?? []);
  }
  return { ok: true, reading };
}

function bloodPressure(observation: Observation, base: Base): Parsed {
  const values: Partial<Record<'systolic' | 'diastolic' | 'mean', number>> = {};
  for (const component of observation.component ?? []) {
    const part = codesOf(component.code)
      .map((code) => bpComponentByCode[code])
      .find(Boolean);
    if (!part) continue;
    const absent = absence(component.dataAbsentReason, part);
    if (absent && part !== 'mean') return { ok: false, rejection: absent };
    const quantity = component.valueQuantity;
    if (typeof quantity?.value !== 'number') continue;
    const converted = toCanonical(part, quantity.value, quantity.code ?? quantity.unit);
    if (!converted)
      return { ok: false, rejection: reject('unsupported_unit', `${quantity.code} is not a pressure unit`) };
    values[part] = converted.value;
  }
  if (values.systolic === undefined || values.diastolic === undefined)
    return { ok: false, rejection: reject('data_absent', 'blood pressure needs systolic and diastolic') };
  const reading: Reading = {
    ...base,
    type: 'blood_pressure',
    value: values.systolic,
    diastolic: values.diastolic,
    mean: values.mean ?? null,
    pulse: null,
    original: null,
  };
  return { ok: true, reading };
}
